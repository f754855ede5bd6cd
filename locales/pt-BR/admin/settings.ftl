## Settings
# As Configurações da central de controle (/settings, gerentes e donos): todo valor que o dono pode editar,
# mudanças guiadas com validação e prévia, o botão de pausa da linha e as últimas mudanças.

admin-hub-category-settings = 🛠 Configurações
admin-settings-title = 🛠 <b>Configurações</b>
admin-settings-saved = ✅ Salvo: <b>{ $label }</b> { $old } → { $new }. Os fãs veem isso em poucos segundos.
admin-settings-unchanged = Nada mudou: <b>{ $label }</b> já é { $value }.
admin-settings-on = ligado
admin-settings-off = desligado
admin-settings-none = —
admin-settings-not-allowed-card = Não é possível ligar os pagamentos com cartão: a Stripe não está configurada (defina STRIPE_SECRET_KEY).

## Overview and groups
admin-settings-line-open = ▶️ A linha está <b>aberta</b>: as mensagens dos fãs são recebidas.
admin-settings-line-paused = ⏸ A linha está <b>pausada</b>: as mensagens dos fãs são recusadas com um aviso e nada é cobrado.
admin-settings-overview-prices = 💬 Preços: { $list }
admin-settings-overview-money = 🪙 Saldo baixo abaixo de { $low } · bônus para fãs novos { $bonus } · moeda da loja { $currency } · limite da recarga automática { $cap } por mês
admin-settings-overview-messages = 🧾 Recibos: { $receipts } · repasse: { $relay } · edições espelhadas: { $edits } · tópicos novos: { $topics } por minuto
admin-settings-overview-language = 🌍 Idioma: { $language } · grupo: { $group } · fuso horário: { $timezone }
admin-settings-overview-tiers = 🏅 Níveis: Regular a partir de { $regular } · VIP a partir de { $vip } créditos gastos
admin-settings-overview-switches = 🔀 Pagamentos com cartão: { $card } · recarga automática: { $auto } · conteúdo premium: { $premium }
admin-settings-overview-texts = 📝 Textos próprios: { $list }
admin-settings-texts-none = nenhum (os textos padrão são usados)
admin-settings-pause-button = ⏸ Pausar a linha
admin-settings-resume-button = ▶️ Reabrir a linha
admin-settings-group-texts = 📝 Textos
admin-settings-group-prices = 💬 Preços das mensagens
admin-settings-group-money = 🪙 Saldo e dinheiro
admin-settings-group-messages = 🧾 Mensagens e recibos
admin-settings-group-language = 🌍 Idioma e horário
admin-settings-group-tiers = 🏅 Níveis
admin-settings-group-switches = 🔀 Chaves
admin-settings-recent-button = 🕓 Mudanças recentes
admin-settings-group-title = { $title }
    Escolha o que mudar:
admin-settings-field-line = · { $label }: { $value }

## Labels (what each setting is called on the screens and in the change log)
admin-settings-label-welcome = Texto de boas-vindas
admin-settings-label-terms = Termos (/terms)
admin-settings-label-privacy = Privacidade (/privacy)
admin-settings-label-paysupport = Suporte a pagamentos (/paysupport)
admin-settings-label-response-time = "Costuma responder em …" (recibos)
admin-settings-label-costs = Preços das mensagens
admin-settings-label-low = Alerta de saldo baixo abaixo de
admin-settings-label-bonus = Bônus para fãs novos
admin-settings-label-tutorial = Bônus do tour rápido
admin-settings-label-tutorial-bonus = Bônus do tour rápido (créditos)
admin-settings-label-receipts = Recibos
admin-settings-label-relay = Modo de repasse
admin-settings-label-cap = Limite mensal da recarga automática
admin-settings-label-topics = Tópicos novos por minuto
admin-settings-label-edits = Edições espelhadas por mensagem
admin-settings-label-timezone = Fuso horário
admin-settings-label-currency = Moeda da loja
admin-settings-label-paused = Linha pausada
admin-settings-label-card = Pagamentos com cartão
admin-settings-label-auto = Recarga automática
admin-settings-label-premium = Conteúdo premium
admin-settings-label-tiers = Limites dos níveis
admin-settings-label-tier-regular = Regular a partir de (créditos gastos)
admin-settings-label-tier-vip = VIP a partir de (créditos gastos)
admin-settings-label-language = Idioma padrão
admin-settings-label-group-language = Idioma do grupo de administração
admin-settings-label-cost = Preço: { $type }

## Values
admin-settings-receipts-every = depois de cada mensagem
admin-settings-receipts-low = só quando o saldo está baixo
admin-settings-receipts-off = nunca
admin-settings-relay-copy = copiar (sem "encaminhada de")
admin-settings-relay-forward = encaminhar (mostra o nome do fã)
admin-settings-cannot-send = não pode ser enviado
admin-settings-edits-off = não espelhadas
admin-settings-credits = { $count ->
    [one] { $count } crédito
   *[other] { $count } créditos
  }

## Typing a value
admin-settings-current = <b>{ $label }</b>
    Agora: { $value }
admin-settings-ask-int = Envie um número inteiro de { $min } a { $max }, ou /cancel.
admin-settings-ask-amount = Envie um valor em { $currency } de { $min } a { $max } (por exemplo 49.99), ou /cancel.
admin-settings-ask-timezone = Envie um fuso horário pelo nome IANA, como Europe/Madrid, America/Sao_Paulo ou UTC, ou /cancel. Os dias do painel começam à meia-noite dele.
admin-settings-ask-currency = Envie um código de moeda de três letras (ISO 4217), como usd, eur ou brl, ou /cancel. Os preços no cartão de todos os produtos ficam nessa moeda.
admin-settings-ask-cost = Envie o preço em créditos, um número inteiro de { $min } a { $max } (0 = grátis), ou /cancel. Ou recuse este tipo:
admin-settings-cost-refuse-button = 🚫 Não pode ser enviado
admin-settings-edits-hint = Cada edição espelhada gasta um envio da cota do grupo de administração.
admin-settings-overview-search = 🔎 Textos de mensagens guardados para a busca: { $days }
admin-settings-label-search-retention = Textos de mensagens guardados para a busca
admin-settings-search-retention-days = { $days ->
    [0] não são guardados
    [one] { $days } dia
   *[other] { $days } dias
}
admin-settings-search-retention-hint = Por quanto tempo o texto e as legendas das mensagens repassadas ficam pesquisáveis em /search; uma tarefa diária apaga os mais antigos. 0 não guarda nenhum.
admin-settings-edits-off-button = Desligar o espelhamento
admin-settings-edits-on-button = Ligar o espelhamento ({ $limit })
admin-settings-topics-hint = Cada conversa nova custa quatro dos 20 envios por minuto do grupo de administração; acima disso, os fãs novos esperam a vez (cobrados, na fila).
admin-settings-cap-hint = O máximo que as recargas automáticas de um fã podem cobrar em um mês do calendário.
admin-settings-tiers-hint = Créditos gastos desde sempre (mensagens e desbloqueios, não presentes nem bônus). A promoção é automática e nunca volta atrás sozinha; VIP precisa ficar acima de Regular.
admin-settings-choose = Escolha uma opção:
admin-settings-choice-current = ✅ { $label }
admin-settings-language-hint = Seus textos recorrem ao idioma padrão, e as telas de administração também, até que um membro escolha um.
admin-settings-group-language-hint = O que o bot escreve no grupo de administração (fichas, a caixa de entrada, notas) fica neste idioma.

## Errors (the question stays open)
admin-settings-error-number = ⚠️ Isso não é um número inteiro. Envie só dígitos, como 5.
admin-settings-error-amount = ⚠️ Isso não é um valor. Envie um número, como 49.99.
admin-settings-error-min = ⚠️ Pequeno demais: o mínimo permitido é { $min }.
admin-settings-error-max = ⚠️ Grande demais: o máximo permitido é { $max }.
admin-settings-error-too-long = ⚠️ Longo demais: { $length } caracteres, no máximo { $max }. Encurte e envie de novo.
admin-settings-error-empty = ⚠️ Envie algum texto (ou volte e use Limpar para usar o texto padrão).
admin-settings-error-text = ⚠️ Envie o texto como mensagem (fotos e arquivos não podem ser usados aqui).
admin-settings-error-timezone = ⚠️ Não conheço esse fuso horário. Use um nome IANA como Europe/Madrid ou America/New_York.
admin-settings-error-currency = ⚠️ Não é um código de moeda: use três letras, como usd ou eur.
admin-settings-error-tiers = ⚠️ O limite VIP precisa ficar acima do Regular (agora Regular { $regular }, VIP { $vip }).
admin-settings-error-invalid = ⚠️ Esse valor não serve para esta configuração.
admin-settings-try-again = Envie outro valor, ou /cancel.

## Texts per language
admin-settings-texts-title = 📝 <b>Textos que os fãs leem</b>
    Cada um é por idioma: o fã lê o do seu idioma; se não houver, o do idioma padrão ({ $language }); se não, o texto padrão do bot.
admin-settings-text-languages = <b>{ $label }</b>
    Escolha o idioma em que vai escrever:
admin-settings-text-lang-own = { $language } ✏️
admin-settings-text-lang-builtin = { $language } (padrão)
admin-settings-text-current-own = <b>{ $label }</b> · { $language }
    Agora (seu texto):
admin-settings-text-current-builtin = <b>{ $label }</b> · { $language }
    Agora: o texto padrão
admin-settings-text-current-none = <b>{ $label }</b> · { $language }
    Agora: não aparece
admin-settings-text-ask = Envie o novo texto (texto simples, no máximo { $max } caracteres), ou /cancel.
admin-settings-text-clear-button = 🗑 Limpar (usar o texto padrão)
admin-settings-text-cleared = ✅ Limpo: <b>{ $label }</b> em { $language } volta ao texto padrão.
admin-settings-preview = 👀 <b>Prévia</b>: é exatamente isto que um fã que lê em { $language } vai ver.
admin-settings-preview-save = ✅ Salvar
admin-settings-preview-edit = ✏️ Editar de novo
admin-settings-preview-cancel = ✖ Cancelar
admin-settings-preview-hint = Salve, envie outra versão para substituir, ou Cancele.
admin-settings-draft-gone = Esta prévia não está mais aberta (foi cancelada ou substituída): nada foi salvo.
admin-settings-response-time-hint = Aparece embaixo de cada recibo, como "Costumo responder em poucas horas". Vazio: não aparece.

## Switches
admin-settings-switches-title = 🔀 <b>Chaves</b>
admin-settings-switch-line = { $label }: <b>{ $value }</b>
admin-settings-switch-on-button = Ligar: { $label }
admin-settings-switch-off-button = Desligar: { $label }
admin-settings-stars-always = ⭐ As Telegram Stars estão sempre ligadas: o Telegram as exige para bens digitais.
admin-settings-stripe-off = 💳 Pagamentos com cartão: a Stripe não está configurada, então não há o que ligar (defina STRIPE_SECRET_KEY para vender no cartão).
admin-settings-card-hint = Desligado: /buy, /billing e /autorecharge não oferecem pagamento com cartão, como se a Stripe não estivesse configurada.
admin-settings-auto-hint = Desligado: nenhuma recarga automática acontece, e /autorecharge informa que ela está desligada (os fãs mantêm a escolha para depois).
admin-settings-tutorial-hint = Ligado: um fã novo que termina o tour rápido do /start ganha o bônus do tour rápido, uma única vez. Desligado: o tour não dá nada.
admin-settings-tutorial-bonus-hint = Créditos que um fã novo ganha, uma única vez, ao terminar o tour rápido do /start (0: nenhum).
admin-settings-premium-hint = Desligado: /content informa que o conteúdo premium não está disponível; o que os fãs já têm ainda pode ser enviado de novo.
admin-settings-pause-hint = Pausada: as mensagens dos fãs não são repassadas nem cobradas; cada um recebe um aviso. Compras e /balance continuam funcionando.

## Recent changes
admin-settings-recent-title = 🕓 <b>Mudanças recentes</b> (últimas { $count })
admin-settings-recent-empty = Nenhuma configuração foi alterada aqui ainda.
admin-settings-recent-line = { $at } · { $who } · { $label }: { $old } → { $new }
admin-settings-owner-only = 🔒 O bônus para fãs novos, a moeda da loja, o limite da recarga automática e as chaves de cartão e de recarga automática mexem com dinheiro: só os donos alteram.
admin-settings-overview-discounts = 🎁 Descontos por nível nas mensagens: Novo { $new }% · Regular { $regular }% · VIP { $vip }%
admin-settings-label-discounts = Descontos por nível
admin-settings-label-discount = Desconto { $tier } (%)
admin-settings-discounts-hint = Porcentagem de desconto em cada mensagem para fãs deste nível (de 0 a 90). O preço é arredondado para cima a partir da metade e nunca fica abaixo de 1 crédito; o fã promovido a um nível é avisado uma única vez, com o desconto.
admin-settings-percent = { $value }%

## Users
# A tela de Usuários da central de controle (/users): busca, filtros, a ficha de um fã e suas ações.

admin-users-title = 👥 <b>Usuários</b>
admin-users-none = Ninguém corresponde. Tente outra busca ou menos filtros.
admin-users-page = Página { $page }
admin-users-find = 🔍 Buscar
admin-users-filters = ⚙️ Filtros
admin-users-reset = ✖ Limpar
admin-users-find-ask = 🔍 Envie um id, um @username ou parte de um nome (nome, sobrenome ou username, do início).
    /cancel para parar.
admin-users-find-invalid = Isso não é algo que eu consiga buscar: envie um id (dígitos), um @username ou parte de um nome (até 64 caracteres).
admin-users-crit-none = Todos, vistos mais recentemente primeiro.
admin-users-crit-query = “{ $query }”
admin-users-crit-tier = nível { $tier }
admin-users-crit-banned = banidos
admin-users-crit-not-banned = não banidos
admin-users-crit-paying = pagantes
admin-users-crit-not-paying = nunca pagaram
admin-users-crit-active = vistos { $days ->
    [one] no último dia
   *[other] nos últimos { $days } dias
  }
admin-users-crit-spent = gasto ≥ { $credits }
admin-users-item-balance = { $balance } cr
admin-users-item-spent = gastou { $spent }
admin-users-item-banned = banido

admin-users-filters-title = ⚙️ <b>Filtros</b> (combinados):
admin-users-any-tier = Qualquer nível
admin-users-f-ban-any = Banidos ou não
admin-users-f-banned = Banidos
admin-users-f-not-banned = Não banidos
admin-users-f-pay-any = Pagantes ou não
admin-users-f-paying = Pagantes
admin-users-f-not-paying = Nunca pagaram
admin-users-f-active-any = Qualquer época
admin-users-f-active = { $days ->
    [one] 24 h
   *[other] { $days } d
  }
admin-users-f-spent = 💸 Gastou pelo menos…
admin-users-f-spent-clear = ✖ Qualquer gasto
admin-users-spent-ask = 💸 Mostrar fãs cujo gasto total (créditos em mensagens e desbloqueios) seja de pelo menos quanto? Envie um número.
admin-users-spent-invalid = Envie um número inteiro de 1 a { $max }.
admin-users-show = { $more ->
    [1] 📋 Ver resultados (mais de { $count })
   *[other] 📋 Ver resultados ({ $count })
  }

admin-users-card-title = 👤 <b>{ $name }</b>
admin-users-card-id = 🆔 <code>{ $id }</code> · { $username } · idioma { $language }
admin-users-card-balance = 🪙 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }
admin-users-card-pass = ⏳ Passe até { $until } (restam { $left })
admin-users-card-no-pass = ⏳ Sem passe
admin-users-card-tier = 🏅 Nível: { $tier } (automático)
admin-users-card-tier-manual = 🏅 Nível: { $tier } (definido manualmente)
admin-users-card-spent = 💸 Gasto total: { $spent ->
    [one] { $spent } crédito
   *[other] { $spent } créditos
  }
admin-users-card-state = 🚫 Banido: { $banned } · bloqueou o bot: { $blocked }
admin-users-card-seen = 👁 Visto por último { $seen } · entrou { $joined }
admin-users-card-topic = 💬 Tópico: { $link }
admin-users-card-no-topic = 💬 Ainda sem tópico (não escreveu).
admin-users-card-payments = 🧾 <b>Últimos pagamentos</b>{ $count ->
    [0] : nenhum
   *[other] :
  }
admin-users-card-payment = #{ $id } { $title } · { $amount } · { $status } · { $at }
admin-users-yes = sim
admin-users-no = não
admin-users-unknown = Esse fã não existe (nunca escreveu para o bot).
admin-users-invalid = Não deu certo: a quantidade ou a opção está fora do intervalo.

admin-users-add = ➕ Adicionar créditos
admin-users-remove = ➖ Remover créditos
admin-users-pass = 🎁 Dar um passe
admin-users-tier = 🏅 Nível
admin-users-ban = 🚫 Banir
admin-users-unban = ✅ Desbanir
admin-users-open-topic = 💬 Abrir o tópico
admin-users-confirm = ✅ Confirmar
admin-users-cancel = ✖ Cancelar

admin-users-add-ask = ➕ Quantos créditos dar de presente para { $name } (saldo { $balance })? Envie um número.
    /cancel para parar.
admin-users-remove-ask = ➖ Quantos créditos remover de { $name } (saldo { $balance })? Envie um número.
    /cancel para parar.
admin-users-pass-ask = 🎁 De quanto tempo é o passe para { $name }? Envie uma duração: 2h, 3d, 1w, 1d 12h.
    /cancel para parar.
admin-users-amount-invalid = Envie um número inteiro de créditos de 1 a { $max }.
admin-users-pass-invalid = Envie uma duração de 1 minuto a 365 dias, como 2h, 3d ou 1w.
admin-users-remove-too-much = O saldo é { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }: um saldo nunca fica abaixo de zero. Envie no máximo isso.
admin-users-reason-ask = ➖ Por que remover { $credits } de { $name }? Envie o motivo (fica no livro-razão e no log de auditoria; o fã não vê).
admin-users-reason-invalid = Envie o motivo como texto, até { $max } caracteres.
admin-users-add-confirm = ➕ Dar <b>{ $credits }</b> créditos de presente para { $name } (saldo passa a { $balance })? O fã é avisado.
admin-users-remove-confirm = ➖ Remover <b>{ $credits }</b> créditos de { $name } (saldo passa a { $balance })?
    Motivo: { $reason }
admin-users-pass-confirm = 🎁 Dar para { $name } um passe de <b>{ $duration }</b>? Ele estende um passe ativo; o fã é avisado.
admin-users-confirm-press = Toque em ✅ Confirmar ou ✖ Cancelar acima (ou envie /cancel).
admin-users-confirm-gone = ⌛ Esta confirmação não está mais aberta (foi usada ou substituída). Nada mais foi feito.
admin-users-added = ✅ { $credits } créditos dados de presente. Saldo: { $balance }.
admin-users-removed = ✅ { $credits } créditos removidos. Saldo: { $balance }.
admin-users-passed = ✅ Passe dado de presente: vale até { $until }.
admin-users-ban-confirm = 🚫 Banir { $name }? As mensagens dele são recusadas (e não cobradas) até o desbanimento; o fã é avisado.
admin-users-unban-confirm = ✅ Desbanir { $name }? As mensagens dele voltam a ser aceitas; o fã é avisado.
admin-users-banned = 🚫 Banido.
admin-users-unbanned = ✅ Desbanido.
admin-users-already-banned = Já está banido: nada mudou.
admin-users-already-unbanned = Não está banido: nada mudou.
admin-users-tier-ask = 🏅 { $name } está no nível { $tier }; só pelo gasto estaria em { $automatic }.
    Um nível definido manualmente se mantém (sem promoção) até você escolher Automático.
admin-users-tier-auto = ↺ Automático (pelo gasto)
admin-users-tier-set = 🏅 Nível definido manualmente: { $tier }.
admin-users-tier-cleared = 🏅 Nível de volta ao automático: { $tier }.

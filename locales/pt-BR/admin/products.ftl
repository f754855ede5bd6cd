## Products
# A tela de Produtos da central de controle (/products): pacotes de créditos e passes, preços por meio,
# ligar/desligar, ordem, selos, a sincronização com o Stripe.

admin-hub-category-products = 🛒 Produtos
admin-products-title = 🛒 <b>Produtos</b> · o que o /buy vende, nesta ordem (🟢 à venda, ⚪️ fora)
admin-products-stripe-on = 💳 Preços no cartão em { $currency }, sincronizados com o Stripe.
admin-products-stripe-off = 💳 O Stripe não está configurado: pagamentos com cartão desligados. Os preços no cartão (em { $currency }) ficam guardados para quando estiver.
admin-products-card-payments-off = 💳 Os pagamentos com cartão estão desligados nas Configurações. Os preços no cartão (em { $currency }) continuam guardados no Stripe.
admin-products-empty = Nenhum pacote ou passe ainda. Crie um abaixo.
admin-products-money = { $price }
admin-products-amount-credits = { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }
admin-products-amount-time = { $length } de mensagens ilimitadas
admin-products-card = 💳 Cartão: { $price }
admin-products-card-none = 💳 Cartão: não vendido no cartão
admin-products-new-button = ➕ Novo pacote ou passe
admin-products-content-button = 🖼 Conteúdo premium
admin-products-not-found = Esse produto não existe (mais). Nada foi alterado.
admin-products-invalid = Esse valor não é válido. Nada foi alterado.

## Product card
admin-products-item-pack = 💬 <b>Pacote de créditos</b>: { $title }
admin-products-item-pass = ⏳ <b>Passe</b>: { $title }
admin-products-item-active = 🟢 À venda no /buy
admin-products-item-inactive = ⚪️ Fora de venda (os fãs não veem)
admin-products-item-stars = ⭐ Stars: { $stars }
admin-products-item-stripe-off = Stripe: não configurado, pagamentos com cartão desligados.
admin-products-item-stripe-none = Stripe: nada para sincronizar (não vendido no cartão).
admin-products-item-stripe-pending = ⚠️ Stripe: <b>não sincronizado</b>. O checkout cobra o preço registrado aqui até a sincronização dar certo.
admin-products-item-stripe-inline = Stripe: cobrado pelo preço registrado aqui (nenhum Price do Stripe criado para ele ainda).
admin-products-item-stripe-synced = Stripe: sincronizado (<code>{ $price }</code>)
admin-products-item-label = Selo no /buy: { $label }
admin-products-item-link = 🔗 Link para comprar (para o seu canal ou uma transmissão): <code>{ $link }</code>
admin-products-label-none = Sem selo
admin-products-edit-title = ✏️ Nome
admin-products-edit-credits = ✏️ Créditos
admin-products-edit-length = ✏️ Duração
admin-products-edit-stars = ✏️ Preço em ⭐ Stars
admin-products-edit-card = ✏️ Preço no 💳 cartão
admin-products-activate = ▶️ Colocar à venda
admin-products-deactivate = ⏸ Tirar de venda
admin-products-up = ⬆️ Subir
admin-products-down = ⬇️ Descer
admin-products-retry-sync = 🔁 Tentar sincronizar com o Stripe de novo
admin-products-create-price = 💳 Criar o Price no Stripe
admin-products-activated = ✅ À venda de novo.
admin-products-deactivated = ✅ Fora de venda: o /buy não mostra mais.
admin-products-moved = ✅ Movido.
admin-products-not-moved = Já está nessa ponta da lista.
admin-products-label-saved = ✅ Selo salvo.
admin-products-saved = ✅ Salvo.
admin-products-unchanged = Já era assim: nada mudou.
admin-products-created = ✅ Criado e à venda no /buy.
admin-products-sync-done = ✅ Stripe sincronizado: um Price novo, o antigo arquivado.
admin-products-sync-off = O Stripe não está configurado: o preço no cartão fica guardado, pagamentos com cartão desligados.
admin-products-sync-failed = ⚠️ <b>A sincronização com o Stripe falhou</b>: { $error }
    Enquanto isso, o checkout cobra o preço registrado aqui. Toque em 🔁 para tentar de novo.
admin-products-paused-fans = 🔄 Recarga automática pausada para { $count ->
        [one] { $count } fã
       *[other] { $count } fãs
    } que usam este pacote; cada um recebeu um pedido para confirmar as novas condições ou desligá-la.

## Questions
admin-products-ask-current = Agora: { $current }
admin-products-ask-title = ✏️ Envie o novo nome (de 1 a { $max } caracteres), ou /cancel.
admin-products-ask-credits = ✏️ Envie o número de créditos (de 1 a { $max }), ou /cancel.
admin-products-ask-length = ✏️ Envie quanto tempo o passe dura, como <code>12h</code>, <code>1d</code>, <code>7d</code> ou <code>1w</code> (de uma hora a um ano), ou /cancel.
admin-products-ask-stars = ✏️ Envie o preço em Telegram Stars (de 1 a { $max }), ou /cancel.
admin-products-ask-card = ✏️ Envie o preço no cartão em { $currency }, como <code>4.99</code> (no máximo { $max }), ou <code>0</code> para vender só por Stars. /cancel para parar.
admin-products-bad-title = ❌ Um nome precisa ter de 1 a { $max } caracteres. Envie de novo, ou /cancel.
admin-products-bad-credits = ❌ Isso não é um número inteiro de créditos de 1 a { $max }. Envie de novo, ou /cancel.
admin-products-bad-length = ❌ Isso não é uma duração de uma hora a um ano (como <code>12h</code>, <code>7d</code>, <code>1w</code>). Envie de novo, ou /cancel.
admin-products-bad-stars = ❌ Isso não é um número inteiro de Stars de 1 a { $max }. Envie de novo, ou /cancel.
admin-products-bad-card = ❌ Isso não é um preço em { $currency } acima de 0 e de no máximo { $max } (como <code>4.99</code>; <code>0</code> para só Stars). Envie de novo, ou /cancel.

## New product
admin-products-new-title = ➕ <b>Novo produto</b>
admin-products-ask-kind = O que você quer vender?
admin-products-kind-credits = 💬 Pacote de créditos
admin-products-kind-time = ⏳ Passe
admin-products-new-pack = ➕ <b>Novo pacote de créditos</b>
admin-products-new-pass = ➕ <b>Novo passe</b>
admin-products-new-so-far-title = Nome: { $title }
admin-products-step = <i>Passo { $step } de { $steps }</i>
admin-products-cancel-hint = <i>/cancel para parar sem criar nada.</i>

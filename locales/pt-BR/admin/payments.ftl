## Payments
# Pagamentos da central de controle (/payments): listas com filtros, a ficha de um pagamento, reembolsos, receita.

admin-hub-category-payments = 💰 Pagamentos
admin-payments-title = 💰 <b>Pagamentos</b>
    Pagamentos recentes nos dois meios com filtros, pagamentos recusados, contestações abertas e reembolsos; abra um pagamento para ver a ficha (e reembolsar); receita por dia.
admin-payments-menu-recent = 🧾 Pagamentos recentes
admin-payments-menu-failed = ❌ Pagamentos recusados
admin-payments-menu-disputes = ⚠️ Contestações abertas
admin-payments-menu-refunds = ↩️ Reembolsos
admin-payments-menu-revenue = 📈 Receita por dia (30 dias)
admin-payments-filter-all = Todos
admin-payments-filter-stars = ⭐ Stars
admin-payments-filter-card = 💳 Cartão
admin-payments-filter-paid = Pagos
admin-payments-filter-refunded = Reembolsados
admin-payments-filter-failed = Recusados
admin-payments-filter-disputed = Contestados
admin-payments-filter-fan = 👤 Um fã…
admin-payments-filter-fan-clear = 👤 Fã { $id } ✖
admin-payments-fan-ask = 👤 Pagamentos de quem? Envie o id ou o @username do fã (/cancel para parar).
admin-payments-fan-retry = Envie o id numérico ou o @username do fã como texto.
admin-payments-fan-unknown = Ninguém aqui é conhecido como { $query }. Confira o id ou o @username e envie de novo (/cancel para parar).
admin-payments-list-title = 🧾 <b>Pagamentos</b> · { $filters } · { $more ->
    [yes] mais de { $total }
   *[no] { $total }
  }
admin-payments-list-empty = Nenhum pagamento corresponde.
admin-payments-refunds-title = ↩️ <b>Reembolsos</b> (totais ou parciais), os mais novos primeiro · { $total }
admin-payments-refunds-empty = Nada foi reembolsado ainda.
admin-payments-disputes-title = ⚠️ <b>Contestações abertas</b> · { $total }
admin-payments-disputes-empty = Nenhuma contestação aberta.
admin-payments-line = #{ $id } · { $at } · { $fan } · { $amount } · { $product } · { $status }
admin-payments-open = #{ $id } · { $amount }
admin-payments-amount-stars = ⭐ { $amount }
admin-payments-amount-card = 💳 { $amount }
admin-payments-fan = { $name } ({ $id })
admin-payments-fan-username = { $name } (@{ $username }, { $id })
admin-payments-status-paid = pago
admin-payments-status-partly-refunded = pago, reembolsado em parte
admin-payments-status-refunded = reembolsado
admin-payments-status-failed = recusado ou não concluído
admin-payments-status-pending = aguardando pagamento
admin-payments-status-disputed = contestado ({ $status })
admin-payments-grant-credits = { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }
admin-payments-grant-time = um passe de { $duration }
admin-payments-grant-unlock = um item premium
admin-payments-unknown = Não existe pagamento #{ $id } (ou ele nunca passou de uma fatura em aberto).

## Payment card
admin-payments-card-title-stars = 🧾 <b>Pagamento #{ $id }</b> · ⭐ Telegram Stars
admin-payments-card-title-card = 🧾 <b>Pagamento #{ $id }</b> · 💳 cartão (Stripe)
admin-payments-card-fan = 👤 Fã: { $fan }
admin-payments-card-product = 🛍 Produto: { $product } ({ $grant })
admin-payments-card-amount = 💰 Valor: { $amount }
admin-payments-card-status = 📌 Status: { $status }
admin-payments-card-created = 🕒 Criado { $at }
admin-payments-card-paid = ✅ Pago { $at }
admin-payments-card-refund-none = ↩️ Reembolso: nenhum
admin-payments-card-refunded = ↩️ Reembolsado (registrado { $at })
admin-payments-card-refunded-part = ↩️ Reembolsado em parte: { $refunded } de { $amount }
admin-payments-card-refund-asked = ↩️ Reembolso pedido ao Stripe { $at } por { $by }: aguardando a confirmação do Stripe
admin-payments-card-dispute-open = ⚠️ Contestação <code>{ $id }</code>: { $status } desde { $at }
admin-payments-card-dispute-closed = ⚠️ Contestação <code>{ $id }</code>: { $status } (encerrada { $at })
admin-payments-card-charge-stars = 🔑 Cobrança do Telegram: <code>{ $charge }</code>
admin-payments-card-charge-card = 🔑 PaymentIntent: <code>{ $charge }</code>
admin-payments-stripe-payment = 🔗 Abrir no Stripe
admin-payments-stripe-dispute = 🔗 Contestação { $id } no Stripe
admin-payments-fan-payments = 👤 Pagamentos deste fã
admin-payments-refund-button = ↩️ Reembolsar

## Refunds
admin-payments-not-refundable-already = Este pagamento já foi reembolsado: nada a fazer.
admin-payments-not-refundable-not-paid = Só um pagamento pago pode ser reembolsado.
admin-payments-not-refundable-pending = Um reembolso já foi pedido ao Stripe; os créditos do fã são ajustados quando o Stripe confirmar.
admin-payments-not-refundable-disputed = O fã contestou este pagamento no banco: o Stripe não reembolsa um pagamento contestado (responda à contestação no Stripe).
admin-payments-not-refundable-stripe-off = Os pagamentos com cartão não estão configurados (sem chave do Stripe), então este pagamento com cartão não pode ser reembolsado daqui: reembolse no painel do Stripe.
admin-payments-confirm-stars-credits = ↩️ <b>Reembolsar o pagamento #{ $id }?</b>
    { $amount } voltam para { $fan } pelo Telegram, e { $credits ->
        [one] o { $credits } crédito comprado é retirado
       *[other] os { $credits } créditos comprados são retirados
    } (no máximo o que ainda houver). O fã é avisado.
admin-payments-confirm-stars-time = ↩️ <b>Reembolsar o pagamento #{ $id }?</b>
    { $amount } voltam para { $fan } pelo Telegram, e o passe dele é reduzido em { $duration }. O fã é avisado.
admin-payments-confirm-stars-unlock = ↩️ <b>Reembolsar o pagamento #{ $id }?</b>
    { $amount } voltam para { $fan } pelo Telegram, e o item premium desbloqueado deixa de ser dele. O fã é avisado.
admin-payments-confirm-card = ↩️ <b>Reembolsar o pagamento #{ $id }?</b>
    O Stripe reembolsa { $rest } de { $amount } no cartão de { $fan }. Quando o Stripe confirmar, o que o pagamento concedeu é retirado proporcionalmente (no máximo o que ainda houver) e o fã é avisado.
admin-payments-confirm-yes = ✅ Sim, reembolsar
admin-payments-confirm-no = ✖ Não, manter
admin-payments-refunded-credits = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pagamento #{ $id }): { $taken } créditos retirados; o saldo é { $balance }.
admin-payments-refunded-time = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pagamento #{ $id }): passe reduzido em { $duration }, agora termina { $until }.
admin-payments-refunded-time-ended = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pagamento #{ $id }): passe reduzido em { $duration }; não resta passe.
admin-payments-refunded-unlock = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pagamento #{ $id }): “{ $title }” não é mais dele.
admin-payments-refunded-unlock-kept = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pagamento #{ $id }); ele continua com “{ $title }” (pago de outra forma).
admin-payments-refund-card-sent = ↩️ Reembolso de { $amount } (pagamento #{ $id }) enviado ao Stripe. Os créditos do fã são ajustados, e ele é avisado, quando o Stripe confirmar.
admin-payments-refund-card-refused = O Stripe recusou o reembolso: { $detail }
admin-payments-refund-stars-refused = O Telegram recusou o reembolso: { $detail }
admin-payments-refund-pending = ⏳ O Telegram não respondeu, então ainda não se sabe se o pagamento #{ $id } foi reembolsado. A consulta é repetida em segundo plano; o resultado sai no tópico do fã.
admin-payments-refund-failed = O pagamento #{ $id } não foi reembolsado: { $detail }

## Revenue
admin-payments-revenue-title = 📈 <b>Receita por dia</b>, últimos 30 dias, líquida de reembolsos · dias em { $timezone }
admin-payments-revenue-day = Dia
admin-payments-revenue-total = 30 dias

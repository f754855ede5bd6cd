## Billing alerts
# O que os donos (com payments.refund) leem sobre dinheiro: pagamentos que não conseguimos associar ou aplicar,
# reembolsos feitos fora do /refund, pagamentos com cartão recusados, surpresas do Stripe, cartões salvos que ficam no Stripe.

billing-admin-unmatched-payment = ⚠️ Um pagamento que não conseguimos associar: usuário <code>{ $userId }</code>, um pagamento de ⭐ { $stars }, cobrança <code>{ $chargeId }</code>, fatura <code>{ $payload }</code>. Conceda ou reembolse manualmente.
billing-admin-unmatched-paid-media = ⚠️ Um pagamento que não conseguimos associar: usuário <code>{ $userId }</code>, uma compra de mídia paga, payload <code>{ $payload }</code>. Conceda ou reembolse manualmente.
billing-admin-unmatched-refund = ⚠️ Um reembolso que não conseguimos associar: usuário <code>{ $userId }</code>, um reembolso do Telegram de ⭐ { $stars }, cobrança <code>{ $chargeId }</code>. Nada foi retirado.
billing-admin-payment-stuck = 🚨 <b>Um pagamento não pôde ser aplicado</b> após muitas tentativas: usuário <code>{ $userId }</code>, { $kind }{ $chargeId ->
        [none] {""}
       *[other] , cobrança <code>{ $chargeId }</code>
    }. Ele fica guardado em <code>payment_updates</code> (id { $inboxId }); último erro: <code>{ $error }</code>.
billing-admin-refund-refused = ❌ O Telegram recusou o reembolso do pagamento #{ $id }: { $error }.
billing-admin-refund-done = ↩️ { $summary }
billing-admin-refund-by-telegram = ↩️ O Telegram reembolsou um pagamento do usuário <code>{ $userId }</code> fora do /refund. { $summary }
billing-admin-card-failed = 💳 <b>Pagamento com cartão recusado</b>{ $auto ->
        [yes] {" "}(recarga automática)
       *[no] {""}
    }: { $fan }, { $amount } por { $what } (pagamento #{ $id }).
    Motivo do banco: “{ $reason }”.{ $muted ->
        [0] {""}
        [one] {"\u000A"}(Mais { $muted } pagamento com cartão recusado não foi alertado individualmente: no máximo um alerta por fã por hora, { $max } no total.)
       *[other] {"\u000A"}(Mais { $muted } pagamentos com cartão recusados não foram alertados individualmente: no máximo um alerta por fã por hora, { $max } no total.)
    }
billing-admin-open-topic-button = 💬 Abrir o tópico do fã
billing-admin-stripe-double = ⚠️ O pagamento #{ $id } de { $fan } foi pago duas vezes no Stripe ({ $first } e { $second }). Reembolse um deles no painel do Stripe.
billing-admin-stripe-mismatch = ⚠️ O Stripe informa { $reported } para o pagamento #{ $id } de { $fan }, que custa { $price }. Nada foi concedido: confira no painel do Stripe.
billing-admin-detach-failed = ⚠️ Não foi possível remover no Stripe o cartão salvo <code>{ $card }</code> de { $fan } ({ $error }). Ele não é mais usado aqui; remova-o do cliente no painel do Stripe.
billing-admin-ban-button = 🚫 Banir este fã
billing-admin-dispute-opened = 🚨 <b>Contestação aberta</b> por { $fan }: { $amount } no pagamento #{ $id } ({ $what }), motivo “{ $reason }”.
    { $held ->
        [credits] Foram removidos { $taken } dos { $credits } créditos comprados (saldo { $balance }).
        [pass] O passe do fã agora termina { $until }.
        [pass-ended] O passe do fã foi encerrado.
       *[unlock] Nada foi retirado (um desbloqueio).
    }
    { $autoOff ->
        [yes] A recarga automática está desligada.{" "}
       *[no] {""}
    }{ $card ->
        [none] {""}
       *[other] O cartão salvo { $card } foi esquecido e removido no Stripe.{" "}
    }Os pagamentos com cartão deste fã ficam bloqueados até a contestação ser ganha (Telegram Stars continuam funcionando).
    Responda no painel do Stripe antes do prazo.
billing-admin-dispute-kept = ✅ <b>{ $outcome ->
        [won] Contestação ganha
       *[inquiry] Consulta encerrada sem estorno
    }</b> no pagamento #{ $id } de { $fan }.{ $restored ->
        [pass] {" "}O tempo de passe que tinha sido cortado foi devolvido (agora até { $until }).
        [credits] {" "}Os { $credits } créditos removidos foram devolvidos (saldo { $balance }).
       *[none] {""}
    }{ $cards ->
        [open] {" "}Os pagamentos com cartão deste fã voltam a funcionar.
        [stopped] {" "}Os pagamentos com cartão deste fã continuam bloqueados.
       *[other-dispute] {" "}Os pagamentos com cartão deste fã continuam bloqueados: outra contestação dele está aberta ou foi perdida.
    }
billing-admin-dispute-lost = ❌ <b>Contestação { $status }</b> no pagamento #{ $id } de { $fan }: o dinheiro voltou para o titular do cartão; os créditos continuam removidos.{ $cards ->
        [open] {" "}Os pagamentos com cartão deste fã voltam a funcionar.
        [stopped] {" "}Os pagamentos com cartão deste fã continuam bloqueados.
       *[other-dispute] {" "}Os pagamentos com cartão deste fã continuam bloqueados: outra contestação dele está aberta ou foi perdida.
    }

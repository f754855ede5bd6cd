## Reconciliation
# A contabilidade comparada com os extratos do Stripe e do Telegram: o alerta diário e as telas do Sistema.

reconcile-kind = { $kind ->
    [paid_not_granted] Pago { $rail ->
        [stripe] no Stripe
       *[stars] em Telegram Stars
    }, não concedido
    [refunded_not_clawed_back] Reembolsado { $rail ->
        [stripe] no Stripe
       *[stars] em Telegram Stars
    }, não retirado
    [granted_not_paid] Concedido aqui, não pago { $rail ->
        [stripe] no Stripe
       *[stars] em Telegram Stars
    }
   *[amount_differs] Valores diferentes { $rail ->
        [stripe] no Stripe
       *[stars] em Telegram Stars
    }
}
reconcile-alert = 🧾 <b>Contabilidade × { $rail ->
        [stripe] Stripe
       *[stars] Telegram Stars
    }: divergência</b> · <code>{ $id }</code>
    { $kind ->
        [paid_not_granted] Pago no provedor, nunca concedido
        [refunded_not_clawed_back] Reembolsado no provedor, nunca retirado
        [granted_not_paid] Concedido aqui, não pago no provedor
       *[amount_differs] O provedor cobrou um valor diferente
    } ({ $cause ->
        [unpaid] nosso pagamento ainda está pendente ou falhou
        [ungranted] marcado como pago, sem concessão no livro-razão
        [unknown_payment] cita um pagamento que não temos
        [second_charge] nosso pagamento já tinha sido pago de outra forma
        [refund] um reembolso
        [dispute] uma contestação
        [missing] o provedor não tem esse pagamento
        [currency] outra moeda
       *[amount] outro valor
    }): pagamento #{ $payment }, fã { $fan }, <code>{ $ref }</code>.
    { $action ->
        [apply] Corrija uma única vez com <code>npm run reconcile -- --apply { $id }</code>, ou em /system → Conciliar.
       *[report] Só reportado: confira no painel do provedor. Nada é alterado automaticamente.
    }
reconcile-alert-more = 🧾 { $count ->
    [one] Mais { $count } divergência nova
   *[other] Mais { $count } divergências novas
} entre a contabilidade e os provedores: veja /system → Conciliar, ou rode <code>npm run reconcile</code>.
admin-reconcile-button = 🧾 Conciliar (últimos 30 dias)
admin-reconcile-title = 🧾 <b>Contabilidade × Stripe e Telegram</b>, { $since } → { $until }
admin-reconcile-rail-read = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: leitura de { $payments ->
    [one] { $payments } pagamento
   *[other] { $payments } pagamentos
}{ $rail ->
    [stripe] {" "}e { $disputes ->
        [one] { $disputes } contestação
       *[other] { $disputes } contestações
    }
   *[stars] {""}
}
admin-reconcile-rail-off = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: não configurado
admin-reconcile-rail-failed = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: <b>não foi possível ler</b> ({ $error }), sem comparação
admin-reconcile-match = ✅ A contabilidade confere: { $booked ->
    [one] { $booked } pagamento comparado
   *[other] { $booked } pagamentos comparados
}.
admin-reconcile-count = ⚠️ { $count ->
    [one] { $count } divergência
   *[other] { $count } divergências
  } ({ $fixable } corrigíveis aqui), { $booked ->
    [one] { $booked } pagamento comparado
   *[other] { $booked } pagamentos comparados
}:
admin-reconcile-line = · <code>{ $id }</code> { $what }: pagamento #{ $payment }, fã { $fan }{ $fixable ->
    [yes] {" "}🛠
   *[no] {""}
}
admin-reconcile-more = …e mais { $count }: rode <code>npm run reconcile</code> para ver a lista completa.
admin-reconcile-fix-button = 🛠 Corrigir { $id }
admin-reconcile-fix-confirm = 🛠 <b>Corrigir <code>{ $id }</code>?</b>
    { $what }: pagamento #{ $payment } do fã { $fan }, <code>{ $ref }</code>.
    { $kind ->
        [paid_not_granted] O fã recebe o que pagou, como a própria confirmação do pagamento teria feito (uma única vez, chegue o que chegar depois).
       *[other] O que o reembolso ou a contestação representa é retirado, como o próprio aviso teria feito (uma única vez, no máximo o saldo).
    } Um lançamento no livro-razão e o log de auditoria registram a correção.
admin-reconcile-apply = ✅ Aplicar a correção
admin-reconcile-applied = ✅ <code>{ $id }</code> corrigido: registrado no livro-razão e no log de auditoria.
admin-reconcile-gone = Nada a corrigir: <code>{ $id }</code> não é mais uma divergência (já foi corrigida, ou um aviso atrasado do provedor resolveu).
admin-reconcile-report-only = <code>{ $id }</code> é só reportado: confira no painel do provedor.
admin-reconcile-unavailable = Não é possível ler nem o Stripe nem o Telegram daqui.

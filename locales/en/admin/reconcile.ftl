## Reconciliation
# The books against Stripe's and Telegram's statements: the daily alert and the System screens.

reconcile-kind = { $kind ->
    [paid_not_granted] Paid at { $rail ->
        [stripe] Stripe
       *[stars] Telegram Stars
    }, not granted
    [refunded_not_clawed_back] Refunded at { $rail ->
        [stripe] Stripe
       *[stars] Telegram Stars
    }, not clawed back
    [granted_not_paid] Granted here, not paid at { $rail ->
        [stripe] Stripe
       *[stars] Telegram Stars
    }
   *[amount_differs] Amounts differ at { $rail ->
        [stripe] Stripe
       *[stars] Telegram Stars
    }
}
reconcile-alert = 🧾 <b>Books and { $rail ->
        [stripe] Stripe
       *[stars] Telegram Stars
    } differ</b> · <code>{ $id }</code>
    { $kind ->
        [paid_not_granted] Paid at the provider, never granted
        [refunded_not_clawed_back] Refunded at the provider, never clawed back
        [granted_not_paid] Granted here, not paid at the provider
       *[amount_differs] The provider took a different amount
    } ({ $cause ->
        [unpaid] our payment is still pending or failed
        [ungranted] marked paid, no grant in the ledger
        [unknown_payment] it names a payment we do not have
        [second_charge] our payment was already paid another way
        [refund] a refund
        [dispute] a dispute
        [missing] the provider has no such payment
        [currency] another currency
       *[amount] another amount
    }): payment #{ $payment }, fan { $fan }, <code>{ $ref }</code>.
    { $action ->
        [apply] Fix it once with <code>npm run reconcile -- --apply { $id }</code>, or in /system → Reconcile.
       *[report] Reported only: look at it in the provider's dashboard. Nothing is changed automatically.
    }
reconcile-alert-more = 🧾 { $count ->
    [one] { $count } more new difference
   *[other] { $count } more new differences
} between the books and the providers: see /system → Reconcile, or run <code>npm run reconcile</code>.
admin-reconcile-button = 🧾 Reconcile (last 30 days)
admin-reconcile-title = 🧾 <b>Books against Stripe and Telegram</b>, { $since } → { $until }
admin-reconcile-rail-read = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: { $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
}{ $rail ->
    [stripe] , { $disputes ->
        [one] { $disputes } dispute
       *[other] { $disputes } disputes
    }
   *[stars] {""}
} read
admin-reconcile-rail-off = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: not set up
admin-reconcile-rail-failed = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: <b>could not be read</b> ({ $error }), not compared
admin-reconcile-match = ✅ The books match: { $booked ->
    [one] { $booked } payment
   *[other] { $booked } payments
} compared.
admin-reconcile-count = ⚠️ { $count ->
    [one] { $count } difference
   *[other] { $count } differences
} ({ $fixable } can be fixed here), { $booked ->
    [one] { $booked } payment
   *[other] { $booked } payments
} compared:
admin-reconcile-line = · <code>{ $id }</code> { $what }: payment #{ $payment }, fan { $fan }{ $fixable ->
    [yes] {" "}🛠
   *[no] {""}
}
admin-reconcile-more = …and { $count } more: run <code>npm run reconcile</code> for the whole list.
admin-reconcile-fix-button = 🛠 Fix { $id }
admin-reconcile-fix-confirm = 🛠 <b>Fix <code>{ $id }</code>?</b>
    { $what }: payment #{ $payment } of fan { $fan }, <code>{ $ref }</code>.
    { $kind ->
        [paid_not_granted] The fan is granted what they paid for, as the payment's own confirmation would have (once, whatever arrives later).
       *[other] What the refund or dispute stands for is taken back, as its own notice would have (once, at most the balance).
    } A ledger entry and the audit log record it.
admin-reconcile-apply = ✅ Apply the fix
admin-reconcile-applied = ✅ Fixed <code>{ $id }</code>: recorded in the ledger and the audit log.
admin-reconcile-gone = Nothing to fix: <code>{ $id }</code> is no longer a difference (fixed already, or by a late notice from the provider).
admin-reconcile-report-only = <code>{ $id }</code> is reported only: look at it in the provider's dashboard.
admin-reconcile-unavailable = Neither Stripe nor Telegram can be read from here.

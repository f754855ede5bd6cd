## Billing alerts
# What the owners (holders of payments.refund) read about money: payments we cannot match or apply,
# refunds made outside /refund, failed card payments, Stripe surprises, saved cards that stay in Stripe.

billing-admin-unmatched-payment = ⚠️ A payment we cannot match: user <code>{ $userId }</code>, a payment of ⭐ { $stars }, charge <code>{ $chargeId }</code>, invoice <code>{ $payload }</code>. Grant or refund it by hand.
billing-admin-unmatched-paid-media = ⚠️ A payment we cannot match: user <code>{ $userId }</code>, a paid media purchase, payload <code>{ $payload }</code>. Grant or refund it by hand.
billing-admin-unmatched-refund = ⚠️ A refund we cannot match: user <code>{ $userId }</code>, a refund by Telegram of ⭐ { $stars }, charge <code>{ $chargeId }</code>. Nothing was taken back.
billing-admin-payment-stuck = 🚨 <b>A payment could not be applied</b> after many attempts: user <code>{ $userId }</code>, { $kind }{ $chargeId ->
        [none] {""}
       *[other] , charge <code>{ $chargeId }</code>
    }. It is kept in <code>payment_updates</code> (id { $inboxId }); last error: <code>{ $error }</code>.
billing-admin-refund-refused = ❌ Telegram refused the refund of payment #{ $id }: { $error }.
billing-admin-refund-done = ↩️ { $summary }
billing-admin-refund-by-telegram = ↩️ Telegram refunded a payment of user <code>{ $userId }</code> outside /refund. { $summary }
billing-admin-card-failed = 💳 <b>Card payment failed</b>{ $auto ->
        [yes] {" "}(auto-recharge)
       *[no] {""}
    }: { $fan }, { $amount } for { $what } (payment #{ $id }).
    Bank’s reason: “{ $reason }”.{ $muted ->
        [0] {""}
        [one] {"\u000A"}({ $muted } more failed card payment was not alerted one by one: at most one alert per fan an hour, { $max } in all.)
       *[other] {"\u000A"}({ $muted } more failed card payments were not alerted one by one: at most one alert per fan an hour, { $max } in all.)
    }
billing-admin-open-topic-button = 💬 Open the fan’s topic
billing-admin-stripe-double = ⚠️ Payment #{ $id } of { $fan } was paid twice on Stripe ({ $first } and { $second }). Refund one in the Stripe dashboard.
billing-admin-stripe-mismatch = ⚠️ Stripe reports { $reported } for payment #{ $id } of { $fan }, which costs { $price }. Nothing was granted: check it in the Stripe dashboard.
billing-admin-detach-failed = ⚠️ The saved card <code>{ $card }</code> of { $fan } could not be removed in Stripe ({ $error }). It is no longer used here; remove it from the customer in the Stripe dashboard.
billing-admin-ban-button = 🚫 Ban this fan
billing-admin-dispute-opened = 🚨 <b>Dispute opened</b> by { $fan }: { $amount } on payment #{ $id } ({ $what }), reason “{ $reason }”.
    { $held ->
        [credits] { $taken } of the { $credits } credits it bought were removed (balance { $balance }).
        [pass] The fan's pass now ends { $until }.
        [pass-ended] The fan's pass was ended.
       *[unlock] Nothing was taken back (an unlock).
    }
    { $autoOff ->
        [yes] Auto-recharge is off.{" "}
       *[no] {""}
    }{ $card ->
        [none] {""}
       *[other] The saved card { $card } is forgotten and removed in Stripe.{" "}
    }Card payments from this fan are stopped until the dispute is won (Telegram Stars still work).
    Answer it in the Stripe dashboard before the deadline.
billing-admin-dispute-kept = ✅ <b>{ $outcome ->
        [won] Dispute won
       *[inquiry] Inquiry closed without a chargeback
    }</b> on payment #{ $id } of { $fan }.{ $restored ->
        [pass] {" "}The pass time it had cut was given back (now until { $until }).
        [credits] {" "}The { $credits } credits it removed were given back (balance { $balance }).
       *[none] {""}
    }{ $cards ->
        [open] {" "}Card payments from this fan work again.
        [stopped] {" "}Card payments from this fan stay stopped.
       *[other-dispute] {" "}Card payments from this fan stay stopped: another of their disputes is open or was lost.
    }
billing-admin-dispute-lost = ❌ <b>Dispute { $status }</b> on payment #{ $id } of { $fan }: the money went back to the cardholder; the credits stay removed.{ $cards ->
        [open] {" "}Card payments from this fan work again.
        [stopped] {" "}Card payments from this fan stay stopped.
       *[other-dispute] {" "}Card payments from this fan stay stopped: another of their disputes is open or was lost.
    }

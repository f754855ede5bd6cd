## Payments
# The control center's Payments (/payments): lists with filters, a payment's card, refunds, revenue.

admin-hub-category-payments = 💰 Payments
admin-payments-title = 💰 <b>Payments</b>
    Recent payments on both rails with filters, failed payments, open disputes and refunds; open a payment for its card (and Refund); revenue per day.
admin-payments-menu-recent = 🧾 Recent payments
admin-payments-menu-failed = ❌ Failed payments
admin-payments-menu-disputes = ⚠️ Open disputes
admin-payments-menu-refunds = ↩️ Refunds
admin-payments-menu-revenue = 📈 Revenue per day (30 days)
admin-payments-filter-all = All
admin-payments-filter-stars = ⭐ Stars
admin-payments-filter-card = 💳 Card
admin-payments-filter-paid = Paid
admin-payments-filter-refunded = Refunded
admin-payments-filter-failed = Failed
admin-payments-filter-disputed = Disputed
admin-payments-filter-fan = 👤 One fan…
admin-payments-filter-fan-clear = 👤 Fan { $id } ✖
admin-payments-fan-ask = 👤 Whose payments? Send the fan's id or @username (/cancel to stop).
admin-payments-fan-retry = Send the fan's numeric id or @username as text.
admin-payments-fan-unknown = Nobody here is known as { $query }. Check the id or @username and send it again (/cancel to stop).
admin-payments-list-title = 🧾 <b>Payments</b> · { $filters } · { $more ->
    [yes] more than { $total }
   *[no] { $total }
  }
admin-payments-list-empty = No payments match.
admin-payments-refunds-title = ↩️ <b>Refunds</b> (whole or part), the newest first · { $total }
admin-payments-refunds-empty = Nothing was refunded yet.
admin-payments-disputes-title = ⚠️ <b>Open disputes</b> · { $total }
admin-payments-disputes-empty = No open disputes.
admin-payments-line = #{ $id } · { $at } · { $fan } · { $amount } · { $product } · { $status }
admin-payments-open = #{ $id } · { $amount }
admin-payments-amount-stars = ⭐ { $amount }
admin-payments-amount-card = 💳 { $amount }
admin-payments-fan = { $name } ({ $id })
admin-payments-fan-username = { $name } (@{ $username }, { $id })
admin-payments-status-paid = paid
admin-payments-status-partly-refunded = paid, partly refunded
admin-payments-status-refunded = refunded
admin-payments-status-failed = failed or not completed
admin-payments-status-pending = waiting for payment
admin-payments-status-disputed = disputed ({ $status })
admin-payments-grant-credits = { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  }
admin-payments-grant-time = a { $duration } pass
admin-payments-grant-unlock = a premium item
admin-payments-unknown = There is no payment #{ $id } (or it was never more than an open invoice).

## Payment card
admin-payments-card-title-stars = 🧾 <b>Payment #{ $id }</b> · ⭐ Telegram Stars
admin-payments-card-title-card = 🧾 <b>Payment #{ $id }</b> · 💳 card (Stripe)
admin-payments-card-fan = 👤 Fan: { $fan }
admin-payments-card-product = 🛍 Product: { $product } ({ $grant })
admin-payments-card-amount = 💰 Amount: { $amount }
admin-payments-card-status = 📌 Status: { $status }
admin-payments-card-created = 🕒 Created { $at }
admin-payments-card-paid = ✅ Paid { $at }
admin-payments-card-refund-none = ↩️ Refund: none
admin-payments-card-refunded = ↩️ Refunded (recorded { $at })
admin-payments-card-refunded-part = ↩️ Partly refunded: { $refunded } of { $amount }
admin-payments-card-refund-asked = ↩️ Refund asked of Stripe { $at } by { $by }: waiting for Stripe to confirm it
admin-payments-card-dispute-open = ⚠️ Dispute <code>{ $id }</code>: { $status } since { $at }
admin-payments-card-dispute-closed = ⚠️ Dispute <code>{ $id }</code>: { $status } (closed { $at })
admin-payments-card-charge-stars = 🔑 Telegram charge: <code>{ $charge }</code>
admin-payments-card-charge-card = 🔑 PaymentIntent: <code>{ $charge }</code>
admin-payments-stripe-payment = 🔗 Open in Stripe
admin-payments-stripe-dispute = 🔗 Dispute { $id } in Stripe
admin-payments-fan-payments = 👤 This fan's payments
admin-payments-refund-button = ↩️ Refund

## Refunds
admin-payments-not-refundable-already = This payment was already refunded: nothing to do.
admin-payments-not-refundable-not-paid = Only a paid payment can be refunded.
admin-payments-not-refundable-pending = A refund was already asked of Stripe; the fan's credits are adjusted when Stripe confirms it.
admin-payments-not-refundable-disputed = The fan disputed this payment with their bank: Stripe does not refund a disputed payment (answer the dispute in Stripe instead).
admin-payments-not-refundable-stripe-off = Card payments are not configured (no Stripe key), so this card payment cannot be refunded from here: refund it in the Stripe dashboard.
admin-payments-confirm-stars-credits = ↩️ <b>Refund payment #{ $id }?</b>
    { $amount } go back to { $fan } through Telegram, and the { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } it bought are taken back (at most what they still have). The fan is told.
admin-payments-confirm-stars-time = ↩️ <b>Refund payment #{ $id }?</b>
    { $amount } go back to { $fan } through Telegram, and their pass is cut by { $duration }. The fan is told.
admin-payments-confirm-stars-unlock = ↩️ <b>Refund payment #{ $id }?</b>
    { $amount } go back to { $fan } through Telegram, and the premium item it unlocked is no longer theirs. The fan is told.
admin-payments-confirm-card = ↩️ <b>Refund payment #{ $id }?</b>
    Stripe refunds { $rest } of { $amount } to { $fan }'s card. When Stripe confirms, what the payment granted is taken back in proportion (at most what they still have) and the fan is told.
admin-payments-confirm-yes = ✅ Yes, refund
admin-payments-confirm-no = ✖ No, keep it
admin-payments-refunded-credits = ↩️ <b>Refunded</b> ⭐ { $stars } (payment #{ $id }): took back { $taken } credits; their balance is { $balance }.
admin-payments-refunded-time = ↩️ <b>Refunded</b> ⭐ { $stars } (payment #{ $id }): pass cut by { $duration }, it now ends { $until }.
admin-payments-refunded-time-ended = ↩️ <b>Refunded</b> ⭐ { $stars } (payment #{ $id }): pass cut by { $duration }; no pass left.
admin-payments-refunded-unlock = ↩️ <b>Refunded</b> ⭐ { $stars } (payment #{ $id }): “{ $title }” is no longer theirs.
admin-payments-refunded-unlock-kept = ↩️ <b>Refunded</b> ⭐ { $stars } (payment #{ $id }); they still own “{ $title }” (paid another way).
admin-payments-refund-card-sent = ↩️ Refund of { $amount } (payment #{ $id }) sent to Stripe. The fan's credits are adjusted, and the fan told, when Stripe confirms it.
admin-payments-refund-card-refused = Stripe refused the refund: { $detail }
admin-payments-refund-stars-refused = Telegram refused the refund: { $detail }
admin-payments-refund-pending = ⏳ Telegram did not answer, so it is not known yet whether payment #{ $id } was refunded. It is asked again in the background; the result is posted in the fan's topic.
admin-payments-refund-failed = Payment #{ $id } was not refunded: { $detail }

## Revenue
admin-payments-revenue-title = 📈 <b>Revenue per day</b>, last 30 days, net of refunds · days in { $timezone }
admin-payments-revenue-day = Day
admin-payments-revenue-total = 30 days

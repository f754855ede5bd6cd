## Buy
# /buy: the catalogue, quick-buy (/buy10…), the Stars or card choice, invoices and their pre-checkout.

billing-catalog-title = 🛒 <b>What you can buy</b>
billing-catalog-empty = Nothing is on sale right now. Please check back soon.
billing-catalog-packs = 💬 <b>Credit packs</b>
billing-catalog-passes = ⏳ <b>Time passes</b> (unlimited messages)
billing-catalog-footer = Credits pay per message (text, photo, voice…); a time pass makes every message free until it ends.
billing-product-line = • <b>{ $title }</b>: ⭐ { $stars }
billing-product-line-card = • <b>{ $title }</b>: ⭐ { $stars } · 💳 { $price }
billing-card-button = 💳 { $price }
billing-rail-question = { $title }: pay with Telegram Stars or by card?
billing-rail-stars = ⭐ { $stars } Stars
billing-rail-card = 💳 Card { $price }
billing-no-such-pack = There is no pack of { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  }. The packs:
billing-pack-line = /buy{ $size } · { $title } (⭐ { $stars })
billing-not-on-sale = That product is no longer on sale. Send /buy to see what is.
billing-banned = 🚫 Sorry, purchases are not available on your account.
billing-card-blocked = 💳 Card payments are not available on your account for now. You can still pay with Telegram Stars: /buy
billing-invoice-invalid = This invoice is no longer valid. Please open /buy and try again.
billing-invoice-off-sale = This product is no longer on sale. Please choose another one in /buy.
billing-invoice-price-changed = The price has changed since this invoice was made. Please open /buy for the current price.
billing-buy-credits-button = 🛒 Buy credits

## Receipts
# What a fan reads once a payment is granted (Stars, card, auto-recharge).

billing-receipt-credits = ✅ <b>+{ $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  }</b> — balance { $balance }
    <code>{ balance-bar }</code>
    <i>Paid { $paid }.</i>
billing-receipt-auto-recharge = 🔄 Auto-recharge: <b>+{ $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  }</b> — balance { $balance }
    <code>{ balance-bar }</code>
    <i>Paid { $paid }.</i>
billing-receipt-pass = ✅ <b>Pass active until { $until }</b>: every message is free until then.
    <i>Paid { $paid }.</i>

## Time passes
# Notices before and when a time pass ends.

billing-pass-ending = ⏳ Your time pass ends in { $left }. Extend it with /buy to keep writing for free.
billing-pass-last-minute = ⏳ Your time pass ends in { $left }.
billing-pass-ended = ⌛ Your time pass has ended: messages cost credits again.
    <code>{ balance-bar }</code>
    Send /buy for credits or another pass.

## Card payments
# Notices about a card payment (Stripe): processing, declined, a card saved or removed.

billing-card-processing = ⏳ Thank you! Your payment of { $price } for { $kind ->
        [credits] { $credits ->
            [one] { $credits } credit
           *[other] { $credits } credits
        }
        [time] a { $duration } pass
       *[other] { $title }
    } is being processed by your bank. You will get a message here as soon as it clears.
billing-card-failed = ❌ Your card payment of { $price } for { $kind ->
        [credits] { $credits ->
            [one] { $credits } credit
           *[other] { $credits } credits
        }
        [time] a { $duration } pass
       *[other] { $title }
    } did not go through. { $reason }
    Nothing was charged. You can try again with another card, or pay with Telegram Stars.
billing-card-retry-button = 🔁 Try again
billing-pay-stars-button = ⭐ Pay with Stars
billing-card-saved = 💳 Your card { $card } is saved. Manage or remove it with /billing.
billing-card-saved-auto = 💳 Your card { $card } is saved. Manage or remove it with /billing. Auto-recharge is on: it tops up when your balance falls below { $threshold ->
        [one] { $threshold } credit
       *[other] { $threshold } credits
    }.
billing-card-saved-auto-now = 💳 Your card { $card } is saved. Manage or remove it with /billing. Auto-recharge is on: it tops up when your balance falls below { $threshold ->
        [one] { $threshold } credit
       *[other] { $threshold } credits
    }. Your balance is already below that, so it tops up now.
billing-card-removed = 💳 Your saved card { $card } was removed.
billing-card-removed-auto = 💳 Your saved card { $card } was removed. Auto-recharge needs a card: add one with /autorecharge.

## Checkout
# The Stripe Checkout link, the `/start paid_<id>` answer, and /billing.

billing-checkout-link = 💳 <b>{ $title }</b> for { $price }
    Tap below to pay on Stripe’s secure page. When it is done you come back here, and the purchase is confirmed in this chat.
billing-checkout-pay-button = Pay { $price }
billing-checkout-unavailable = Card payments are not available here. You can pay with Telegram Stars: /buy
billing-checkout-error = The card payment page could not be opened just now. Please try again in a minute, or pay with Telegram Stars: /buy
billing-checkout-stars-only = This product can only be paid with Telegram Stars: /buy
billing-card-retry-by-card-button = 💳 Try again by card
billing-status-not-found = I cannot find that payment. Your purchases are listed in /history.
billing-status-paid-pass = ✅ Payment #{ $id } received: { $title } ({ $price }). Your pass runs until { $until }.
billing-status-paid-credits = ✅ Payment #{ $id } received: { $title } ({ $price }). Your balance: { $balance ->
        [one] { $balance } credit
       *[other] { $balance } credits
    }.
billing-status-pending = ⏳ Payment #{ $id } for { $title } ({ $price }) is not confirmed yet. If you just paid, the confirmation arrives here in a moment. If you left the payment page, you can start again:
billing-status-failed = ❌ Payment #{ $id } for { $title } ({ $price }) did not go through. Nothing was charged.
billing-status-refunded = ↩️ Payment #{ $id } for { $title } ({ $price }) was refunded.
billing-status-refunded-pass = ↩️ Payment #{ $id } for { $title } ({ $price }) was refunded (the { $duration } pass with it).
billing-portal = 🧾 Your billing page: saved cards, receipts and payment history, on Stripe. The link works for a few minutes.
billing-portal-button = Open billing
billing-portal-unavailable = Card payments are not set up here, so there is no billing page. Purchases with Telegram Stars are in /history.
billing-portal-no-customer = You have no billing profile yet. One is created the first time you pay by card: open /buy and tap a 💳 price. Your purchases so far are in /history.
billing-portal-error = The billing page could not be opened just now. Please try again in a minute.

## Refunds
# What a fan reads when a payment is refunded (Stars by /refund or Telegram, card by Stripe), and when a
# payment arrived but could not be applied.

billing-refunded-credits = ↩️ Your payment of ⭐ { $stars } for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } was refunded.{ $taken ->
        [0] {""}
       *[other] {" "}{ $taken ->
            [one] { $taken } credit was
           *[other] { $taken } credits were
        } taken back.
    } Balance: { $balance ->
        [one] { $balance } credit
       *[other] { $balance } credits
    }.
billing-refunded-pass = ↩️ Your payment of ⭐ { $stars } for a { $duration } pass was refunded. Your pass now ends { $until }.
billing-refunded-pass-ended = ↩️ Your payment of ⭐ { $stars } for a { $duration } pass was refunded. Your pass has ended.
billing-card-refunded-credits = ↩️ { $amount } of your payment for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } was refunded{ $full ->
        [yes] {" "}(the whole payment)
       *[no] {""}
    }.{ $taken ->
        [0] {""}
       *[other] {" "}{ $taken ->
            [one] { $taken } credit was
           *[other] { $taken } credits were
        } taken back.
    } Balance: { $balance ->
        [one] { $balance } credit
       *[other] { $balance } credits
    }.
billing-card-refunded-pass = ↩️ { $amount } of your payment for a { $duration } pass was refunded{ $full ->
        [yes] {" "}(the whole payment)
       *[no] {""}
    }. Your pass now ends { $until }.
billing-card-refunded-pass-ended = ↩️ { $amount } of your payment for a { $duration } pass was refunded{ $full ->
        [yes] {" "}(the whole payment)
       *[no] {""}
    }. Your pass has ended.
billing-card-refunded-item = ↩️ { $amount } of your payment for { $title } was refunded.
billing-payment-unmatched = Thank you, your payment arrived. Something is off with it, so the team has been told and will sort it out with you.
billing-payment-stuck = Thank you, your payment arrived. We could not apply it yet, so the team has been told and will sort it out with you.

## Auto-recharge
# /autorecharge (on/off → pack → threshold, saving a card) and the notices of its charges.

billing-auto-title = 🔄 <b>Auto-recharge</b>
billing-auto-status-on = On: buys { $title } ({ $price }) when your balance falls below { $threshold ->
        [one] { $threshold } credit
       *[other] { $threshold } credits
    }.
billing-auto-status-off = Off. Turn it on to top up automatically with a saved card when your credits run low.
billing-auto-card = 💳 Card: { $card } (manage it with /billing)
billing-auto-no-card-yet = 💳 No saved card yet.
billing-auto-change-button = ✏️ Change
billing-auto-off-button = ⏹ Turn off
billing-auto-on-button = ▶️ Turn on
billing-auto-unavailable = Auto-recharge needs card payments, which are not set up here. Top up with /buy.
billing-auto-off-here = Auto-recharge is switched off here for now: nothing is charged automatically. Top up with /buy.
billing-auto-charging-now = Your balance is already below that, so it tops up now.
billing-auto-save-card = 👉 Last step: save a card on Stripe’s secure page. Nothing is charged now.
billing-auto-save-card-button = 💳 Save a card
billing-auto-pack-button = { $title } ({ $price })
billing-auto-which-pack = 🔄 Which pack should auto-recharge buy?
billing-auto-which-threshold = 🔄 Buy it when your balance falls below how many credits?
billing-auto-unknown-pack = That pack is no longer sold. Please choose another.
billing-auto-bad-threshold = That threshold is not valid. Please choose one of the buttons.
billing-auto-provider-error = Stripe could not be reached just now. Please try again in a minute.
billing-auto-not-available = Auto-recharge is not available here.
billing-auto-turned-off = Auto-recharge is off.
billing-auto-saved = Saved.
billing-auto-pack-gone = 🔄 Auto-recharge is off: the pack it used is no longer sold by card. Choose another with /autorecharge.
billing-auto-no-card = 🔄 Your balance is low, but auto-recharge has no saved card yet. Save one with /autorecharge.
billing-auto-capped = 🔄 Auto-recharge paused: this month’s limit of { $cap } is reached. It resumes next month; until then top up with /buy.
billing-auto-confirm = 🔐 Your bank wants you to confirm the auto-recharge of { $price } for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    }. Tap below to confirm it.
billing-auto-confirm-buy = 🔐 Your bank wants you to confirm the auto-recharge of { $price } for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    }. Buy the pack with /buy to top up.
billing-auto-confirm-button = Confirm { $price }
billing-auto-declined = ❌ Auto-recharge of { $price } for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } failed: { $reason }. Update your card with /billing, or top up with /buy.
billing-auto-declined-card = ❌ Auto-recharge of { $price } for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } failed: your card was declined. Update your card with /billing, or top up with /buy.
billing-auto-off = 🔄 Auto-recharge is now off after { $failures } failed attempts in a row. Turn it on again with /autorecharge once your card works.

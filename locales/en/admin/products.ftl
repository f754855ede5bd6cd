## Products
# The control center's Products screen (/products): credit packs and time passes, prices per rail,
# on/off, order, badges, the Stripe sync.

admin-hub-category-products = 🛒 Products
admin-products-title = 🛒 <b>Products</b> · what /buy sells, in its order (🟢 on sale, ⚪️ off)
admin-products-stripe-on = 💳 Card prices in { $currency }, synced with Stripe.
admin-products-stripe-off = 💳 Stripe is not configured: card payments are off. Card prices (in { $currency }) are stored for when it is.
admin-products-card-payments-off = 💳 Card payments are switched off in Settings. Card prices (in { $currency }) are still kept in Stripe.
admin-products-empty = No packs or passes yet. Create one below.
admin-products-money = { $price }
admin-products-amount-credits = { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    }
admin-products-amount-time = { $length } of unlimited messages
admin-products-card = 💳 Card: { $price }
admin-products-card-none = 💳 Card: not sold by card
admin-products-new-button = ➕ New pack or pass
admin-products-content-button = 🖼 Premium content
admin-products-not-found = That product does not exist (any more). Nothing was changed.
admin-products-invalid = That value is not valid. Nothing was changed.

## Product card
admin-products-item-pack = 💬 <b>Credit pack</b>: { $title }
admin-products-item-pass = ⏳ <b>Time pass</b>: { $title }
admin-products-item-active = 🟢 On sale in /buy
admin-products-item-inactive = ⚪️ Off sale (fans do not see it)
admin-products-item-stars = ⭐ Stars: { $stars }
admin-products-item-stripe-off = Stripe: not configured, card payments are off.
admin-products-item-stripe-none = Stripe: nothing to sync (not sold by card).
admin-products-item-stripe-pending = ⚠️ Stripe: <b>not synced</b>. Checkout charges the price recorded here until the sync succeeds.
admin-products-item-stripe-inline = Stripe: charged at the price recorded here (no Stripe Price made for it yet).
admin-products-item-stripe-synced = Stripe: synced (<code>{ $price }</code>)
admin-products-item-label = Badge in /buy: { $label }
admin-products-item-link = 🔗 Link to buy it (for your channel or a broadcast): <code>{ $link }</code>
admin-products-label-none = No badge
admin-products-edit-title = ✏️ Name
admin-products-edit-credits = ✏️ Credits
admin-products-edit-length = ✏️ Length
admin-products-edit-stars = ✏️ ⭐ Stars price
admin-products-edit-card = ✏️ 💳 Card price
admin-products-activate = ▶️ Put on sale
admin-products-deactivate = ⏸ Take off sale
admin-products-up = ⬆️ Up
admin-products-down = ⬇️ Down
admin-products-retry-sync = 🔁 Retry the Stripe sync
admin-products-create-price = 💳 Create its Stripe Price
admin-products-activated = ✅ On sale again.
admin-products-deactivated = ✅ Taken off sale: /buy no longer shows it.
admin-products-moved = ✅ Moved.
admin-products-not-moved = It is already at that end of the list.
admin-products-label-saved = ✅ Badge saved.
admin-products-saved = ✅ Saved.
admin-products-unchanged = That is what it was already: nothing changed.
admin-products-created = ✅ Created and on sale in /buy.
admin-products-sync-done = ✅ Stripe synced: a new Price, the old one archived.
admin-products-sync-off = Stripe is not configured: the card price is stored, card payments are off.
admin-products-sync-failed = ⚠️ <b>Stripe sync failed</b>: { $error }
    Checkout charges the price recorded here meanwhile. Press Retry to try again.
admin-products-paused-fans = 🔄 Auto-recharge paused for { $count ->
        [one] { $count } fan
       *[other] { $count } fans
    } who use this pack; each was asked to confirm the new terms or turn it off.

## Questions
admin-products-ask-current = Now: { $current }
admin-products-ask-title = ✏️ Send the new name (1 to { $max } characters), or /cancel.
admin-products-ask-credits = ✏️ Send the number of credits (1 to { $max }), or /cancel.
admin-products-ask-length = ✏️ Send how long the pass lasts, like <code>12h</code>, <code>1d</code>, <code>7d</code> or <code>1w</code> (an hour to a year), or /cancel.
admin-products-ask-stars = ✏️ Send the price in Telegram Stars (1 to { $max }), or /cancel.
admin-products-ask-card = ✏️ Send the card price in { $currency }, like <code>4.99</code> (at most { $max }), or <code>0</code> to sell it for Stars only. /cancel stops.
admin-products-bad-title = ❌ A name needs 1 to { $max } characters. Send it again, or /cancel.
admin-products-bad-credits = ❌ That is not a whole number of credits from 1 to { $max }. Send it again, or /cancel.
admin-products-bad-length = ❌ That is not a length from an hour to a year (like <code>12h</code>, <code>7d</code>, <code>1w</code>). Send it again, or /cancel.
admin-products-bad-stars = ❌ That is not a whole number of Stars from 1 to { $max }. Send it again, or /cancel.
admin-products-bad-card = ❌ That is not a price in { $currency } above 0 and at most { $max } (like <code>4.99</code>; <code>0</code> for Stars only). Send it again, or /cancel.

## New product
admin-products-new-title = ➕ <b>New product</b>
admin-products-ask-kind = What do you want to sell?
admin-products-kind-credits = 💬 Credit pack
admin-products-kind-time = ⏳ Time pass
admin-products-new-pack = ➕ <b>New credit pack</b>
admin-products-new-pass = ➕ <b>New time pass</b>
admin-products-new-so-far-title = Name: { $title }
admin-products-step = <i>Step { $step } of { $steps }</i>
admin-products-cancel-hint = <i>/cancel stops without creating anything.</i>

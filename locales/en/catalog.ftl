## Products (what the creator sets on the Products screen, as fans see it)

# Badges beside a product in /buy.
billing-label-popular = 🔥 Most popular
billing-label-best-value = 💎 Best value
# Auto-recharge paused because its pack changed or left the shop.
billing-auto-paused-changed = 🔄 <b>Auto-recharge is paused.</b> The pack it buys, { $title }, is now { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } for { $price }. Keep auto-recharge with these terms?
billing-auto-paused-gone = 🔄 <b>Auto-recharge is paused.</b> The pack it bought, { $title }, is no longer sold by card. Choose another pack, or turn auto-recharge off.
billing-auto-keep-button = ✅ Confirm
billing-auto-choose-button = 🔄 Choose a pack
billing-auto-keep-changed = That pack has changed again. Open /autorecharge to see it as it is now.

## Onboarding
# /start for a new fan (the quick tour and its bonus) and a returning one, and deep links into the shop.

start-tour-button = 📖 Quick tour{ $bonus ->
        [0] {""}
       *[other] {" "}· +{ $bonus } { $bonus ->
            [one] free credit
           *[other] free credits
        }
    }
start-tour-skip = ✖️ Skip
start-tour-back = ◀️ Back
start-tour-next = Next ▶️
start-tour-finish = ✅ Got it{ $bonus ->
        [0] {""}
       *[other] {" "}· get { $bonus } { $bonus ->
            [one] credit
           *[other] credits
        }
    }
start-tour-costs-title = 💬 <b>What costs what</b> (1/3)
    Every message you send here costs credits, by type:
start-tour-cost-line = • { $type }: { $cost ->
        [0] free
        [one] { $cost } credit
       *[other] { $cost } credits
    }
start-tour-pack = 💳 Credits come in packs, from { $credits } credits for ⭐ { $stars }.
start-tour-pass = ⏳ Or a time pass: { $length } of messages with no credits counted, for ⭐ { $stars }.
start-tour-buy = 🛒 <b>How to buy</b> (2/3)
    Tap <b>▶️ Start</b> under the welcome, or send /buy, and pick a pack or a pass. Pay with Telegram Stars{ $card ->
        [yes] {" "}or by card
       *[other] {""}
    }: what you bought is yours the moment the payment goes through.
    /balance shows what you have left; /history lists everything.
start-tour-replies = 📨 <b>How replies arrive</b> (3/3)
    Just write here: text, photos, voice messages… Each message reaches the creator personally, and you get a short receipt with your balance.
    The answer comes right in this chat. 👀 on your message means it has been read.
start-tour-bonus-toast = 🎁 +{ $bonus } { $bonus ->
        [one] credit
       *[other] credits
    }!
start-tour-done = 🎉 <b>You're all set!</b>{ $bonus ->
        [0] {""}
       *[other] {" "}{ $bonus } free credits are yours.
    }
    Balance: <b>{ $balance }</b> credits. Write your first message whenever you like.
start-tour-already = 👍 You have taken the tour already. Balance: <b>{ $balance }</b> credits.
start-tour-shop = 🛒 Open the shop
start-welcome-back = 👋 <b>Welcome back!</b>
start-welcome-back-named = 👋 <b>Welcome back, { $name }!</b>
start-welcome-back-balance = 💳 Balance: <b>{ $balance }</b> { $balance ->
        [one] credit
       *[other] credits
    }
start-welcome-back-pass = ⏳ Time pass: { $left } left (messages are free)
start-link-invalid = 🤔 That link doesn't open anything here. Here is the start instead.
start-link-unknown-product = 🤔 There is no such pack or pass. Here is what's on sale:
start-link-off-sale = ⌛ That pack or pass is no longer on sale. Here is what's on sale now:
start-link-content-unknown = 🤔 There is no such item. Send /content to see what's there.
start-link-content-hidden = ⌛ That item is no longer available. Send /content to see what's there now.

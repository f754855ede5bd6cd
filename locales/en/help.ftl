## Help
# /help for fans.

help-text =
    <b>How this works</b>
    Buy credits or a time pass, then just write to me here: each message costs a few credits depending on its type, and every message reaches me personally.

    /start · welcome and shop
    /balance · your credits and time pass
    /buy · credits and time passes (quick: /buy10, /buy25, /buy50)
    /history · your purchases and spending (CSV export)
    /content · premium photos, videos and files
    /language · change the language
    /help · this help
    /terms · terms of purchase · /privacy · your data · /paysupport · help with a payment

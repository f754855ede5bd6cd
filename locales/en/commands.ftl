## Commands
# The command menus Telegram shows (setMyCommands, one per language). At most 256 characters each.

command-start = Welcome and shop
command-balance = Your credits and time pass
command-buy = Buy credits or a time pass
command-history = Purchases and spending
command-billing = Saved cards and receipts (card payments)
command-autorecharge = Top up automatically when credits run low
command-content = Premium photos, videos and files
command-language = Change the language
command-help = How this works
command-terms = Terms of purchase
command-privacy = Your data
command-paysupport = Help with a payment

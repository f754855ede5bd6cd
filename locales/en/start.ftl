## Start
# /start: the welcome, then the shop.

start-welcome-default = 👋 Welcome! This is a private, paid line to me. Buy credits or a time pass, then just write here: every message reaches me personally, and I answer right in this chat.
start-button = ▶️ Start

## Settings
# The control center's Settings (/settings, managers and owners): every owner-editable value, guided
# changes with validation and a preview, the line's pause switch, and the last changes.

admin-hub-category-settings = 🛠 Settings
admin-settings-title = 🛠 <b>Settings</b>
admin-settings-saved = ✅ Saved: <b>{ $label }</b> { $old } → { $new }. Fans see it within a few seconds.
admin-settings-unchanged = Nothing changed: <b>{ $label }</b> already is { $value }.
admin-settings-on = on
admin-settings-off = off
admin-settings-none = —
admin-settings-not-allowed-card = Card payments cannot be switched on: Stripe is not configured (set STRIPE_SECRET_KEY).

## Overview and groups
admin-settings-line-open = ▶️ The line is <b>open</b>: fans' messages are taken.
admin-settings-line-paused = ⏸ The line is <b>paused</b>: fans' messages are refused with a notice and nothing is charged.
admin-settings-overview-prices = 💬 Prices: { $list }
admin-settings-overview-money = 🪙 Low balance under { $low } · new-fan bonus { $bonus } · store currency { $currency } · auto-recharge cap { $cap } a month
admin-settings-overview-messages = 🧾 Receipts: { $receipts } · relay: { $relay } · edits mirrored: { $edits } · new topics: { $topics } a minute
admin-settings-overview-search = 🔎 Message texts kept for search: { $days }
admin-settings-overview-language = 🌍 Language: { $language } · group: { $group } · time zone: { $timezone }
admin-settings-overview-tiers = 🏅 Tiers: Regular from { $regular } · VIP from { $vip } credits spent
admin-settings-overview-switches = 🔀 Card payments: { $card } · auto-recharge: { $auto } · premium content: { $premium }
admin-settings-overview-texts = 📝 Own texts: { $list }
admin-settings-texts-none = none (the built-in texts are used)
admin-settings-pause-button = ⏸ Pause the line
admin-settings-resume-button = ▶️ Reopen the line
admin-settings-group-texts = 📝 Texts
admin-settings-group-prices = 💬 Message prices
admin-settings-group-money = 🪙 Balance and money
admin-settings-group-messages = 🧾 Messages and receipts
admin-settings-group-language = 🌍 Language and time
admin-settings-group-tiers = 🏅 Tiers
admin-settings-group-switches = 🔀 Switches
admin-settings-recent-button = 🕓 Recent changes
admin-settings-group-title = { $title }
    Pick what to change:
admin-settings-field-line = · { $label }: { $value }

## Labels (what each setting is called on the screens and in the change log)
admin-settings-label-welcome = Welcome text
admin-settings-label-terms = Terms (/terms)
admin-settings-label-privacy = Privacy (/privacy)
admin-settings-label-paysupport = Payment support (/paysupport)
admin-settings-label-response-time = "Usually answers within …" (receipts)
admin-settings-label-costs = Message prices
admin-settings-label-low = Low-balance alert under
admin-settings-label-bonus = New-fan bonus
admin-settings-label-tutorial = Quick tour bonus
admin-settings-label-tutorial-bonus = Quick tour bonus (credits)
admin-settings-label-receipts = Receipts
admin-settings-label-relay = Relay mode
admin-settings-label-cap = Auto-recharge cap a month
admin-settings-label-topics = New topics a minute
admin-settings-label-edits = Edits mirrored per message
admin-settings-label-search-retention = Message texts kept for search
admin-settings-search-retention-days = { $days ->
    [0] not kept
    [one] { $days } day
   *[other] { $days } days
}
admin-settings-search-retention-hint = How long the text and captions of relayed messages stay searchable in /search; a daily job deletes older ones. 0 keeps none.
admin-settings-label-timezone = Time zone
admin-settings-label-currency = Store currency
admin-settings-label-paused = Line paused
admin-settings-label-card = Card payments
admin-settings-label-auto = Auto-recharge
admin-settings-label-premium = Premium content
admin-settings-label-tiers = Tier thresholds
admin-settings-label-tier-regular = Regular from (credits spent)
admin-settings-label-tier-vip = VIP from (credits spent)
admin-settings-label-language = Default language
admin-settings-label-group-language = Admin group language
admin-settings-label-cost = Price of a { $type }

## Values
admin-settings-receipts-every = after every message
admin-settings-receipts-low = only when the balance is low
admin-settings-receipts-off = never
admin-settings-relay-copy = copy (no "forwarded from")
admin-settings-relay-forward = forward (shows the fan's name)
admin-settings-cannot-send = cannot be sent
admin-settings-edits-off = not mirrored
admin-settings-credits = { $count ->
    [one] { $count } credit
   *[other] { $count } credits
  }

## Typing a value
admin-settings-current = <b>{ $label }</b>
    Now: { $value }
admin-settings-ask-int = Send a whole number from { $min } to { $max }, or /cancel.
admin-settings-ask-amount = Send an amount in { $currency } from { $min } to { $max } (for example 49.99), or /cancel.
admin-settings-ask-timezone = Send a time zone as an IANA name, such as Europe/Madrid, America/Sao_Paulo or UTC, or /cancel. The dashboard's days start at its midnight.
admin-settings-ask-currency = Send a three-letter currency code (ISO 4217), such as usd, eur or brl, or /cancel. Card prices of every product are in this currency.
admin-settings-ask-cost = Send the price in credits, a whole number from { $min } to { $max } (0 = free), or /cancel. Or refuse this type:
admin-settings-cost-refuse-button = 🚫 Cannot be sent
admin-settings-edits-hint = Each mirrored edit spends a send of the admin group's budget.
admin-settings-edits-off-button = Turn mirroring off
admin-settings-edits-on-button = Turn mirroring on ({ $limit })
admin-settings-topics-hint = Each new conversation costs four of the admin group's 20 sends a minute; beyond this, new fans wait their turn (charged, queued).
admin-settings-cap-hint = The most one fan's auto-recharges may charge in a calendar month.
admin-settings-tiers-hint = Lifetime credits spent (messages and unlocks, not gifts or bonuses). Promotion is automatic and never goes down by itself; VIP must be above Regular.
admin-settings-choose = Pick one:
admin-settings-choice-current = ✅ { $label }
admin-settings-language-hint = Your texts fall back to the default language, and so do admin screens until a member picks one.
admin-settings-group-language-hint = What the bot writes in the admin group (cards, the inbox, notes) is in this language.

## Errors (the question stays open)
admin-settings-error-number = ⚠️ That is not a whole number. Send digits only, such as 5.
admin-settings-error-amount = ⚠️ That is not an amount. Send a number, such as 49.99.
admin-settings-error-min = ⚠️ Too small: the lowest allowed is { $min }.
admin-settings-error-max = ⚠️ Too big: the highest allowed is { $max }.
admin-settings-error-too-long = ⚠️ Too long: { $length } characters, at most { $max }. Shorten it and send it again.
admin-settings-error-empty = ⚠️ Send some text (or go back and use Clear to use the built-in text).
admin-settings-error-text = ⚠️ Send the text as a message (photos and files cannot be used here).
admin-settings-error-timezone = ⚠️ Not a time zone I know. Use an IANA name such as Europe/Madrid or America/New_York.
admin-settings-error-currency = ⚠️ Not a currency code: use three letters, such as usd or eur.
admin-settings-error-tiers = ⚠️ The VIP threshold must be above the Regular one (now Regular { $regular }, VIP { $vip }).
admin-settings-error-invalid = ⚠️ That value does not fit this setting.
admin-settings-try-again = Send another value, or /cancel.

## Texts per language
admin-settings-texts-title = 📝 <b>Texts fans read</b>
    Each is per language: a fan reads theirs, else the one in the default language ({ $language }), else the built-in text.
admin-settings-text-languages = <b>{ $label }</b>
    Pick the language to write it in:
admin-settings-text-lang-own = { $language } ✏️
admin-settings-text-lang-builtin = { $language } (built-in)
admin-settings-text-current-own = <b>{ $label }</b> · { $language }
    Now (your text):
admin-settings-text-current-builtin = <b>{ $label }</b> · { $language }
    Now: the built-in text
admin-settings-text-current-none = <b>{ $label }</b> · { $language }
    Now: not shown
admin-settings-text-ask = Send the new text (plain text, at most { $max } characters), or /cancel.
admin-settings-text-clear-button = 🗑 Clear (use the built-in text)
admin-settings-text-cleared = ✅ Cleared: <b>{ $label }</b> in { $language } falls back to the built-in text.
admin-settings-preview = 👀 <b>Preview</b>: this is exactly what a fan who reads { $language } will see.
admin-settings-preview-save = ✅ Save
admin-settings-preview-edit = ✏️ Edit again
admin-settings-preview-cancel = ✖ Cancel
admin-settings-preview-hint = Save, send another version to replace it, or Cancel.
admin-settings-draft-gone = This preview is no longer open (it was cancelled or replaced): nothing was saved.
admin-settings-response-time-hint = Shown under every receipt, such as "I usually answer within a few hours". Empty: not shown.

## Switches
admin-settings-switches-title = 🔀 <b>Switches</b>
admin-settings-switch-line = { $label }: <b>{ $value }</b>
admin-settings-switch-on-button = Turn on: { $label }
admin-settings-switch-off-button = Turn off: { $label }
admin-settings-stars-always = ⭐ Telegram Stars are always on: Telegram requires them for digital goods.
admin-settings-stripe-off = 💳 Card payments: Stripe is not configured, so there is nothing to switch (set STRIPE_SECRET_KEY to sell by card).
admin-settings-card-hint = Off: /buy, /billing and /autorecharge offer no card payment, as if Stripe were not configured.
admin-settings-auto-hint = Off: no auto-recharge runs, and /autorecharge says it is off (fans keep their choice for later).
admin-settings-tutorial-hint = On: a new fan who finishes the quick tour of /start gets the quick tour bonus, once. Off: the tour pays nothing.
admin-settings-tutorial-bonus-hint = Credits a new fan gets, once, for finishing the quick tour of /start (0: none).
admin-settings-premium-hint = Off: /content says premium content is unavailable; what fans own can still be sent again.
admin-settings-pause-hint = Paused: fans' messages are not relayed and not charged; each gets a notice. Buying and /balance keep working.

## Recent changes
admin-settings-recent-title = 🕓 <b>Recent changes</b> (last { $count })
admin-settings-recent-empty = No setting has been changed here yet.
admin-settings-recent-line = { $at } · { $who } · { $label }: { $old } → { $new }
admin-settings-owner-only = 🔒 The new-fan bonus, the store currency, the auto-recharge cap and the card and auto-recharge switches move money: only owners change them.
admin-settings-overview-discounts = 🎁 Tier discounts on messages: New { $new }% · Regular { $regular }% · VIP { $vip }%
admin-settings-label-discounts = Tier discounts
admin-settings-label-discount = { $tier } discount (%)
admin-settings-discounts-hint = Percent off every message's cost for fans of this tier (0 to 90). The cost is rounded half up and never below 1 credit; a fan promoted to a tier is told once, with its discount.
admin-settings-percent = { $value }%

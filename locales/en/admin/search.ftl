## Search
# The control center's Search (/search, every team member; payments for managers and owners): users,
# payments by any mix of filters, and relayed messages by their text.

admin-hub-category-search = 🔎 Search
admin-search-title = 🔎 <b>Search</b>: what are you looking for?
admin-search-users-button = 👤 Users
admin-search-payments-button = 💳 Payments
admin-search-messages-button = 💬 Messages
admin-search-again-button = 🔎 New search

admin-search-payments-ask = 💳 Send the payment search as words, in any order, or /cancel:
    <code>#123</code> a payment id · <code>@alice</code> or <code>fan:42</code> a fan
    <code>5-20</code>, <code>&gt;=5</code>, <code>&lt;=20</code> an amount in the payment's currency
    <code>2026-03-01</code> or <code>2026-03-01..2026-03-31</code> local days
    <code>stars</code> or <code>card</code> · <code>paid</code>, <code>refunded</code>, <code>failed</code>, <code>disputed</code>
admin-search-payments-help = Send at least one word, e.g. <code>@alice paid</code> or <code>stars 2026-03-01..2026-03-31</code>.
admin-search-payments-unknown = “{ $word }” is not a search word here. Try <code>#123</code>, <code>@alice</code>, <code>5-20</code>, <code>2026-03-01</code>, <code>stars</code> or <code>paid</code>.
admin-search-payments-range = “{ $word }”: the range ends before it starts.
admin-search-payments-twice = “{ $word }”: this filter is already given once.
admin-search-payments-unknown-fan = No fan has the username @{ $username }.
admin-search-payments-title = 💳 <b>Payments found</b>
admin-search-payments-query = Search: { $query }
admin-search-payments-count = { $count ->
    [one] { $count } payment
   *[other] { $count } payments
}
admin-search-payments-count-capped = more than { $count } payments
admin-search-payments-none = No payment matches.
admin-search-payment-open = #{ $id } · { $amount }
admin-search-rail-stars = Stars
admin-search-rail-card = card

admin-search-messages-ask = 💬 Send words from the message (any language; "quotes" for a phrase, -word to leave out), or /cancel.
admin-search-messages-empty = Send at least one word.
admin-search-messages-too-long = That is too long: up to 200 characters.
admin-search-messages-title = 💬 <b>Messages with</b> “{ $query }”
admin-search-message-in = { $n }. ⬅️ { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-out = { $n }. ➡️ to { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-open = 🔗 { $n }. { $fan }
admin-search-messages-none = No message matches. Texts are kept { $days ->
    [0] not at all (Settings → Messages and receipts)
    [one] { $days } day
   *[other] { $days } days
} for search.
admin-search-messages-page = Page { $page }

## Users
# The control center's Users screen (/users): search, filters, a fan's card and its actions.

admin-users-title = 👥 <b>Users</b>
admin-users-none = Nobody matches. Try another search or fewer filters.
admin-users-page = Page { $page }
admin-users-find = 🔍 Search
admin-users-filters = ⚙️ Filters
admin-users-reset = ✖ Clear
admin-users-find-ask = 🔍 Send an id, an @username or part of a name (first name, last name or username, from its start).
    /cancel to stop.
admin-users-find-invalid = That is not something I can look for: send an id (digits), an @username or part of a name (up to 64 characters).
admin-users-crit-none = Everyone, most recently seen first.
admin-users-crit-query = “{ $query }”
admin-users-crit-tier = tier { $tier }
admin-users-crit-banned = banned
admin-users-crit-not-banned = not banned
admin-users-crit-paying = paying
admin-users-crit-not-paying = never paid
admin-users-crit-active = seen in { $days ->
    [one] the last day
   *[other] { $days } days
  }
admin-users-crit-spent = spent ≥ { $credits }
admin-users-item-balance = { $balance } cr
admin-users-item-spent = spent { $spent }
admin-users-item-banned = banned

admin-users-filters-title = ⚙️ <b>Filters</b> (combined):
admin-users-any-tier = Any tier
admin-users-f-ban-any = Banned or not
admin-users-f-banned = Banned
admin-users-f-not-banned = Not banned
admin-users-f-pay-any = Paying or not
admin-users-f-paying = Paying
admin-users-f-not-paying = Never paid
admin-users-f-active-any = Any time
admin-users-f-active = { $days ->
    [one] 24 h
   *[other] { $days } d
  }
admin-users-f-spent = 💸 Spent at least…
admin-users-f-spent-clear = ✖ Any spend
admin-users-spent-ask = 💸 Show fans whose lifetime spend (credits on messages and unlocks) is at least how much? Send a number.
admin-users-spent-invalid = Send a whole number from 1 to { $max }.
admin-users-show = { $more ->
    [1] 📋 Show results (more than { $count })
   *[other] 📋 Show results ({ $count })
  }

admin-users-card-title = 👤 <b>{ $name }</b>
admin-users-card-id = 🆔 <code>{ $id }</code> · { $username } · language { $language }
admin-users-card-balance = 🪙 Balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }
admin-users-card-pass = ⏳ Time pass until { $until } ({ $left } left)
admin-users-card-no-pass = ⏳ No time pass
admin-users-card-tier = 🏅 Tier: { $tier } (automatic)
admin-users-card-tier-manual = 🏅 Tier: { $tier } (set by hand)
admin-users-card-spent = 💸 Lifetime spend: { $spent ->
    [one] { $spent } credit
   *[other] { $spent } credits
  }
admin-users-card-state = 🚫 Banned: { $banned } · blocked the bot: { $blocked }
admin-users-card-seen = 👁 Last seen { $seen } · joined { $joined }
admin-users-card-topic = 💬 Topic: { $link }
admin-users-card-no-topic = 💬 No topic yet (they have not written).
admin-users-card-payments = 🧾 <b>Last payments</b>{ $count ->
    [0] : none
   *[other] :
  }
admin-users-card-payment = #{ $id } { $title } · { $amount } · { $status } · { $at }
admin-users-yes = yes
admin-users-no = no
admin-users-unknown = There is no such fan (they never wrote to the bot).
admin-users-invalid = That does not work: the amount or the choice is out of range.

admin-users-add = ➕ Add credits
admin-users-remove = ➖ Remove credits
admin-users-pass = 🎁 Gift a pass
admin-users-tier = 🏅 Tier
admin-users-ban = 🚫 Ban
admin-users-unban = ✅ Unban
admin-users-open-topic = 💬 Open their topic
admin-users-confirm = ✅ Confirm
admin-users-cancel = ✖ Cancel

admin-users-add-ask = ➕ How many credits to give { $name } as a gift (balance { $balance })? Send a number.
    /cancel to stop.
admin-users-remove-ask = ➖ How many credits to remove from { $name } (balance { $balance })? Send a number.
    /cancel to stop.
admin-users-pass-ask = 🎁 How long a pass to give { $name }? Send a duration: 2h, 3d, 1w, 1d 12h.
    /cancel to stop.
admin-users-amount-invalid = Send a whole number of credits from 1 to { $max }.
admin-users-pass-invalid = Send a duration from 1 minute to 365 days, such as 2h, 3d or 1w.
admin-users-remove-too-much = The balance is { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }: a balance never goes below zero. Send at most that.
admin-users-reason-ask = ➖ Why remove { $credits } from { $name }? Send the reason (kept in the ledger and the audit log; the fan does not see it).
admin-users-reason-invalid = Send the reason as text, up to { $max } characters.
admin-users-add-confirm = ➕ Give <b>{ $credits }</b> credits to { $name } as a gift (balance now { $balance })? They are told.
admin-users-remove-confirm = ➖ Remove <b>{ $credits }</b> credits from { $name } (balance now { $balance })?
    Reason: { $reason }
admin-users-pass-confirm = 🎁 Give { $name } a <b>{ $duration }</b> time pass? It extends a running one; they are told.
admin-users-confirm-press = Press ✅ Confirm or ✖ Cancel above (or send /cancel).
admin-users-confirm-gone = ⌛ This confirmation is no longer open (it was used or replaced). Nothing more was done.
admin-users-added = ✅ Gifted { $credits } credits. Balance: { $balance }.
admin-users-removed = ✅ Removed { $credits } credits. Balance: { $balance }.
admin-users-passed = ✅ Pass gifted: it runs until { $until }.
admin-users-ban-confirm = 🚫 Ban { $name }? Their messages are refused (and not charged) until unbanned; they are told.
admin-users-unban-confirm = ✅ Unban { $name }? Their messages are accepted again; they are told.
admin-users-banned = 🚫 Banned.
admin-users-unbanned = ✅ Unbanned.
admin-users-already-banned = Already banned: nothing changed.
admin-users-already-unbanned = Not banned: nothing changed.
admin-users-tier-ask = 🏅 { $name } is { $tier }; by spend alone they would be { $automatic }.
    A tier set by hand sticks (no promotion) until you choose Automatic.
admin-users-tier-auto = ↺ Automatic (by spend)
admin-users-tier-set = 🏅 Tier set by hand: { $tier }.
admin-users-tier-cleared = 🏅 Tier back to automatic: { $tier }.

## Control center
# The team's hub (/admin) in a member's private chat: navigation, refusals, the System and Dashboard
# screens, and /claim (becoming the owner of a bot that has none).

admin-hub-home = 🎛 <b>Control center</b> · you are { $role }.
    Pick what to look at:
admin-hub-home-empty = 🎛 <b>Control center</b> · you are { $role }.
    Nothing here for your role yet: you answer fans in their topics in the admin group.
admin-hub-role-owner = an owner
admin-hub-role-manager = a manager
admin-hub-role-agent = an agent
admin-hub-category-dashboard = 📊 Dashboard
admin-hub-category-system = ⚙️ System
admin-hub-category-users = 👥 Users
admin-hub-back = ◀ Back
admin-hub-close = ✖ Close
admin-hub-closed = Menu closed. /admin opens it again.
admin-hub-refresh = 🔄 Refresh
admin-hub-updated = <i>Updated { $at }</i>
admin-hub-page = Page { $page } of { $pages }
admin-hub-invalid = This button does not work (it may be damaged or from another version).
admin-hub-stale = ⌛ This menu is out of date: a newer one was opened since. Open a fresh one here:
admin-hub-open-fresh = 🔄 Open a fresh menu
admin-hub-no-access = You are no longer on the team, so this menu is closed.
admin-hub-not-allowed = Your role does not include this. Ask an owner if you need it.
admin-hub-cancelled = Cancelled: nothing was changed.
admin-hub-ask-gone = That question is no longer open (what it was about has changed). Nothing was changed.
admin-hub-open-private = The control center opens in your private chat with me (it keeps the group quiet):
admin-hub-open-button = 🎛 Open the control center
admin-hub-outbox-title = 📤 <b>Outbox</b> (waiting to be sent):
admin-hub-outbox-empty = 📤 Outbox: nothing waiting.
admin-hub-outbox-class = · { $priority } { $name }: { $pending } waiting, oldest { $age }
admin-hub-outbox-class-replies = replies and payment confirmations
admin-hub-outbox-class-content = fans' messages
admin-hub-outbox-class-notices = receipts and notices
admin-hub-outbox-class-renders = cards and the inbox
admin-hub-outbox-class-bulk = broadcasts

## System
admin-system-title = ⚙️ <b>System</b> · fanbridge { $version } · up { $uptime }
admin-system-database-ok = 🗄 Database: answering ({ $ms } ms)
admin-system-database-down = 🗄 Database: <b>not answering</b> ({ $error })
admin-system-database-size = 🗄 Size: { $mb } MB
admin-system-database-size-wal = 🗄 Size: { $mb } MB, write-ahead log { $walMb } MB
admin-system-jobs-ok = ⏱ Job queue: { $ready } ready, { $deferred } scheduled, { $active } running
admin-system-jobs-down = ⏱ Job queue: <b>not answering</b> ({ $error })
admin-system-webhook-polling = 📡 Telegram: long polling (no webhook)
admin-system-webhook-ok = 📡 Telegram webhook: { $pending } updates waiting, no error
admin-system-webhook-error = 📡 Telegram webhook: { $pending } updates waiting; last error { $at }: { $error }
admin-system-webhook-down = 📡 Telegram: <b>could not ask</b> about the webhook ({ $error })
admin-system-stripe-on = 💳 Stripe: configured
admin-system-stripe-off = 💳 Stripe: not configured (card payments are off)
admin-system-backup-ok = 💾 Last backup: { $at } ({ $mb } MB; daily, 7 kept)
admin-system-backup-overdue = 💾 Last backup: <b>{ $at }</b>, more than a day ago ({ $mb } MB): the daily backup is failing, see the logs ("backup failed")
admin-system-backup-none = 💾 No backup yet: the first is made at 03:30 UTC (then daily, 7 kept)
admin-system-backup-missing = 💾 <b>No backup</b> although the daily one is due: see the logs ("backup failed")
admin-system-unavailable = System figures are not available in this process.
admin-system-export = 📦 Export all data
admin-system-export-confirm = 📦 <b>Export all data</b>
    One file with everything fanbridge keeps: fans, their messages' links, payments, the ledger, settings and the team. It carries personal data: keep it safe.
    The same file moves an install to another database: <code>npm run import -- file</code> (see the README).
    With the embedded database, fans' messages wait while it is written (it reads one consistent snapshot).
admin-system-export-go = 📦 Make the export
admin-system-export-caption = 📦 fanbridge export: { $rows } rows in { $tables } tables ({ $mb } MB). Import with <code>npm run import -- file</code>.
admin-system-export-sent = ✅ Export sent below: { $rows } rows in { $tables } tables ({ $mb } MB).
admin-system-export-kept = ✅ Export written: { $rows } rows in { $tables } tables ({ $mb } MB). It is over the 50 MB a bot may send, so it stays on the server:
    <code>{ $path }</code>
admin-system-export-busy = ⏳ An export is already being made: it arrives here when it is done.
admin-system-export-failed = ⚠️ The export failed: <code>{ $error }</code>. Nothing was changed.

## Dashboard
admin-dashboard-title = 📊 <b>Dashboard</b> · days in { $timezone }
admin-dashboard-users = 👥 <b>Users</b>: { $total } · new: { $today } today, { $week } in 7 days, { $month } in 30 days · active in 7 days: { $active } · paying: { $paying }
admin-dashboard-revenue-title = 💰 <b>Revenue</b> (net of refunds) today · 7 days · 30 days
admin-dashboard-revenue-stars = ⭐ Stars: { $today } · { $week } · { $month }
admin-dashboard-revenue-card = 💳 Card: { $today } · { $week } · { $month }
admin-dashboard-revenue-card-none = 💳 Card: nothing in 30 days
admin-dashboard-messages = 💬 <b>Messages</b> in / out: { $inToday } / { $outToday } today · { $inWeek } / { $outWeek } in 7 days · { $inMonth } / { $outMonth } in 30 days
admin-dashboard-credits = 🪙 <b>Credits</b> sold / spent: { $soldToday } / { $spentToday } today · { $soldWeek } / { $spentWeek } in 7 days · { $soldMonth } / { $spentMonth } in 30 days

## Claim
admin-claim-done = 👑 <b>You own this bot now.</b>
    Next: create a Telegram group, turn on <b>Topics</b> in its settings, add @{ $bot } to it and make it an admin (manage topics, pin and delete messages), then send /setup in the group: I check it and start using it, no ids to copy. Fans' conversations arrive there, one topic per fan.
    /admin opens the control center.
admin-claim-already = You already own this bot. /admin opens the control center.
admin-claim-missing = Send the code from the bot's start-up output: <code>/claim XXXX-XXXX-XXXX-XXXX</code>
admin-claim-invalid = That code is wrong or has expired. Check the bot's start-up output (a new code is printed at every start while the bot has no owner).
admin-claim-slow-down = Too many tries. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
  }.
admin-hub-category-broadcast = 📣 Broadcast

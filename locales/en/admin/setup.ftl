## Admin setup
# What owners are told privately while the bot is being set up: no admin group yet, a group waiting
# to become the admin group, and errors while handling an update.

admin-setup-group-pending = ⏳ I was added to <b>{ $title }</b> (<code>{ $chatId }</code>) and will wait there for setup until { $until }.
    To make it an admin group, send /setup in it: I check what I need there and tell you what is missing. Otherwise I leave it then.
admin-setup-error-alert = ⚠️ <b>fanbridge error</b> while handling update { $updateId }:
    <code>{ $message }</code>
    (Further errors of this kind are muted for 10 minutes; see the logs.)
admin-setup-update-parked = ⚠️ <b>fanbridge set an update aside</b>: update { $updateId } ({ $kind }) failed { $attempts } times and is parked in <code>failed_updates</code> with its raw JSON.
    Last error: <code>{ $error }</code>
    (Further parked updates in the next 10 minutes are not announced; see the logs.)
admin-setup-memberships-missing = 👥 <b>Not everyone on the team is in every admin group.</b> Each fan's conversation lives in one of the admin groups, so whoever answers fans must be a member of all of them. Missing (group: people):
    { $missing }
    Add them to those groups; I tell you once about each missing membership.

## Setup
# /setup in a group: what is missing (each with its fix), done, refusals; the bot's rights changing in an
# admin group later.

admin-setup-not-owner = Only an owner can set this group up.
admin-setup-private = Send /setup in the forum group that should hold the fans' conversations (add me there first: open the group → Add members → @{ $bot }). I check what I need there and tell you what is missing.
admin-setup-unreadable = I could not read this group's settings. Make sure I am still a member, then send /setup again.
admin-setup-missing = 🛠 <b>{ $title }</b> is not ready yet. Missing:
    { $missing }
    Fix these, then send /setup again.
admin-setup-need-supergroup = a supergroup: turn on <b>Topics</b> in the group's settings (Edit → Topics); Telegram upgrades the group, then send /setup in it again
admin-setup-need-forum = topics: in the group's settings turn on <b>Topics</b> (Edit → Topics)
admin-setup-need-admin = me as an administrator: Edit → Administrators → Add Admin → me
admin-setup-need-manage-topics = the right to <b>manage topics</b> (each fan gets a topic): Edit → Administrators → me → Manage Topics
admin-setup-need-pin-messages = the right to <b>pin messages</b> (each fan's card is pinned in their topic): Edit → Administrators → me → Pin Messages
admin-setup-need-delete-messages = the right to <b>delete messages</b> (your answers can be taken back): Edit → Administrators → me → Delete Messages
admin-setup-done = ✅ <b>{ $title }</b> is { $groups ->
    [one] the admin group
   *[other] an admin group (one of { $groups })
  } now. New fans' conversations open here as topics, one per fan; reply in a topic to answer. Add your team with /team in my private chat.
admin-setup-done-already = ✅ <b>{ $title }</b> is already an admin group, and everything I need is in place.
admin-setup-done-configured = ✅ <b>{ $title }</b> is an admin group from the configuration (<code>ADMIN_GROUP_ID</code>/<code>ADMIN_GROUP_IDS</code>), and everything I need is in place.
admin-setup-rights-missing = ⚠️ My rights changed in the admin group <b>{ $title }</b>. Now missing:
    { $missing }
    Fans' conversations there may stall until this is fixed.
admin-setup-rights-fixed = ✅ My rights in the admin group <b>{ $title }</b> are complete again: nothing is missing.

## Admin setup
# What owners are told privately while the bot is being set up: no admin group yet, a group waiting
# to become the admin group, and errors while handling an update.

admin-setup-group-pending = ⏳ I was added to <b>{ $title }</b> (<code>{ $chatId }</code>) and will wait there for setup until { $until }.
    To make it the admin group, put <code>{ $chatId }</code> in <code>ADMIN_GROUP_ID</code> (or add it to <code>ADMIN_GROUP_IDS</code>) and restart. Otherwise I leave it then.
admin-setup-error-alert = ⚠️ <b>fanbridge error</b> while handling update { $updateId }:
    <code>{ $message }</code>
    (Further errors of this kind are muted for 10 minutes; see the logs.)
admin-setup-update-parked = ⚠️ <b>fanbridge set an update aside</b>: update { $updateId } ({ $kind }) failed { $attempts } times and is parked in <code>failed_updates</code> with its raw JSON.
    Last error: <code>{ $error }</code>
    (Further parked updates in the next 10 minutes are not announced; see the logs.)
admin-setup-memberships-missing = 👥 <b>Not everyone on the team is in every admin group.</b> Each fan's conversation lives in one of the admin groups, so whoever answers fans must be a member of all of them. Missing (group: people):
    { $missing }
    Add them to those groups; I tell you once about each missing membership.

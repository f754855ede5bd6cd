## Admin setup
# What owners are told privately while the bot is being set up: no admin group yet, a group waiting
# to become the admin group, and errors while handling an update.

admin-setup-needed = ⚙️ <b>fanbridge: one step left</b>
    A fan just wrote, but messages have nowhere to go yet: no admin group is configured.

    1. Create a private supergroup and turn on <b>Topics</b>.
    2. Add @{ $bot } and make it an admin with <b>Manage topics</b>, <b>Pin messages</b> and <b>Delete messages</b>.
    3. Put the group id (like <code>-1001234567890</code>) in <code>ADMIN_GROUP_ID</code> and restart.

    Until then fans are told the line is not open yet, and nothing is charged.
admin-setup-group-pending = ⏳ I was added to <b>{ $title }</b> (<code>{ $chatId }</code>) and will wait there for setup until { $until }.
    To make it the admin group, put <code>{ $chatId }</code> in <code>ADMIN_GROUP_ID</code> and restart. Otherwise I leave it then.
admin-setup-error-alert = ⚠️ <b>fanbridge error</b> while handling update { $updateId }:
    <code>{ $message }</code>
    (Further errors of this kind are muted for 10 minutes; see the logs.)

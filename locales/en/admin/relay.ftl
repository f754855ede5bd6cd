## Relay
# What the admin group reads about conversations: the fan's info card, the live inbox, notes in a
# topic, /delete, payment support, and the owner's setup notice.

relay-card-banned = 🚫 banned
relay-card-id = 🆔 <code>{ $id }</code> · tier { $tier }{ $banned }
relay-card-balance = 💳 Balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }
relay-card-pass = ⏳ Time pass: { $left } left
relay-card-no-pass = ⏳ Time pass: none
relay-card-spent = 💸 Total spent: { $spent ->
    [one] { $spent } credit
   *[other] { $spent } credits
  }
relay-card-joined = 📅 Joined { $date }
relay-card-assignee = 👤 Assigned to { $name }
relay-card-previous = ℹ️ Earlier history is in the previous topic, if it still exists: { $link }
relay-card-reply-here = Reply in this topic to answer.

relay-inbox-title = 📥 <b>Inbox</b> · { $waiting } waiting for an answer
relay-inbox-empty = No conversations yet.
relay-inbox-unread = 🔴 { $count } unread
relay-inbox-answered = ✔️ answered
relay-inbox-just-now = just now
relay-inbox-min-ago = { $n } min ago
relay-inbox-h-ago = { $n } h ago
relay-inbox-d-ago = { $n } d ago
relay-inbox-updated = <i>Updated { $time } UTC</i>

relay-support-mark = 💳 Payment support
relay-support-alert = 💳 <b>Payment support</b> from { $name }{ $handle } · <code>{ $id }</code>:
  { $body }
relay-support-alert-no-text = 💳 <b>Payment support</b> from { $name }{ $handle } · <code>{ $id }</code>:
  (a message without text: ask them to describe it in words)

# A fan's edit that cannot be made on the copy (a forward, or a copy still in flight): a note over the new text.
relay-edit-note = ✏️ edited:
relay-edit-caption-removed = (caption removed)

# $reason is Telegram's own (English) description of what went wrong.
relay-not-delivered = ❗ Not delivered: { $reason ->
        [bot-not-member] the bot is no longer a member of the admin group
        [group-gone] the admin group no longer exists
        [no-rights] the bot lacks admin rights in the group
        [group-moved] the admin group was moved or closed
        [message-deleted] the message was deleted before it could be delivered
        [topic-lost] the fan's topic could not be recreated
        [topic-closed] the topic is closed
        [fan-blocked] the fan blocked the bot
        [fan-deleted] the fan deleted their account
        [fan-chat-gone] the fan's chat is gone
       *[other] { $reason }
    }.

# Notes in the fan's topic when the bot can or cannot reach them.
relay-fan-blocked = 🚫 The fan blocked the bot: replies will not reach them until they unblock it.
relay-fan-unblocked = 🔓 The fan unblocked the bot: replies reach them again.

relay-delete-no-reply = Reply /delete to one of your answers to delete it for the fan.
relay-delete-not-yours = Only your own answers can be deleted: reply /delete to one of them.
relay-delete-not-delivered = That message has not reached the fan, so there is nothing to delete.
relay-delete-too-old = Telegram lets bots delete messages for 48 hours only: this one stays with the fan.
relay-delete-failed = Not deleted: { $reason }.

relay-setup-needed =
    ⚙️ <b>fanbridge: one step left</b>
    A fan just wrote, but messages have nowhere to go yet: no admin group is configured.

    1. Create a private supergroup and turn on <b>Topics</b>.
    2. Add @{ $bot } and make it an admin with <b>Manage topics</b>, <b>Pin messages</b> and <b>Delete messages</b>.
    3. Send /setup in the group: I check what I need there and tell you what is missing. No id to copy, no restart.

    Until then fans are told the line is not open yet, and nothing is charged.
relay-admin-topic-orphan = ⚠️ A topic for fan { $fan } may exist twice: the bot stopped after asking Telegram to create “{ $name }” ({ $since }) and before it could record it. A new topic is being created now; if the group shows an older empty topic named “{ $name }”, delete that one.

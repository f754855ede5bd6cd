## Conversations
# The control center's Conversations screens (/conversations): the lists, one conversation and its
# actions, assignment, first-response times; and the card line and notice that assignment brings.

admin-hub-category-conversations = 💬 Conversations
admin-conversations-title = 💬 <b>Conversations</b>
admin-conversations-counts = Open: { $open } · waiting for an answer: { $unread } · priority: { $priority } · pinned: { $pinned } · assigned to you: { $mine }
admin-conversations-response-title = ⏱ <b>First response</b> (from a fan's first unanswered message to the next reply):
admin-conversations-response-7 = Last 7 days: median { $p50 } · 90 % within { $p90 } ({ $count ->
    [one] { $count } answer
   *[other] { $count } answers
  })
admin-conversations-response-7-none = Last 7 days: nothing answered yet
admin-conversations-response-30 = Last 30 days: median { $p50 } · 90 % within { $p90 } ({ $count ->
    [one] { $count } answer
   *[other] { $count } answers
  })
admin-conversations-response-30-none = Last 30 days: nothing answered yet

## Lists
admin-conversations-list-open-button = 📂 Open ({ $count })
admin-conversations-list-unread-button = 🔔 Unread ({ $count })
admin-conversations-list-priority-button = ⭐ Priority ({ $count })
admin-conversations-list-pinned-button = 📌 Pinned ({ $count })
admin-conversations-list-mine-button = 👤 Assigned to me ({ $count })
admin-conversations-list-open-title = 📂 <b>Open conversations</b> ({ $count }): pinned first, then priority, then the latest message
admin-conversations-list-unread-title = 🔔 <b>Waiting for an answer</b> ({ $count }): the longest wait first
admin-conversations-list-priority-title = ⭐ <b>Priority</b> ({ $count })
admin-conversations-list-pinned-title = 📌 <b>Pinned</b> ({ $count })
admin-conversations-list-mine-title = 👤 <b>Assigned to you</b> ({ $count })
admin-conversations-empty = Nothing here.
admin-conversations-line-waiting = { $count ->
    [one] { $count } unread
   *[other] { $count } unread
  }, waiting { $since }
admin-conversations-line-answered = answered
admin-conversations-line-assignee = → { $name }
admin-conversations-topic-button = ↗ Topic

## One conversation
admin-conversations-view-title = 💬 <b>{ $name }</b> · <code>{ $id }</code>
admin-conversations-view-tier = Tier: { $tier } · balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }
admin-conversations-view-waiting = ⏳ Waiting since { $since } ({ $wait }; { $count ->
    [one] { $count } message
   *[other] { $count } messages
  })
admin-conversations-view-answered = ✅ Nothing waiting: the last message was answered.
admin-conversations-view-assignee = 👤 Assigned to { $name }
admin-conversations-view-unassigned = 👤 Not assigned
admin-conversations-view-flags = Flags: { $flags }
admin-conversations-flag-priority = ⭐ priority
admin-conversations-flag-pinned = 📌 pinned
admin-conversations-flag-open = open
admin-conversations-flag-closed = 🔒 closed
admin-conversations-priority = ⭐ Mark priority
admin-conversations-unpriority = ☆ Unmark priority
admin-conversations-pin = 📌 Pin
admin-conversations-unpin = Unpin
admin-conversations-close = 🔒 Close
admin-conversations-reopen = 🔓 Reopen
admin-conversations-assign = 👤 Assign…
admin-conversations-unassign = ✖ Unassign
admin-conversations-gone = This conversation is not there any more (the fan has no topic).
admin-conversations-done-priority = ✅ Marked as priority.
admin-conversations-done-unpriority = ✅ No longer priority.
admin-conversations-done-pinned = ✅ Pinned: it heads the open list.
admin-conversations-done-unpinned = ✅ Unpinned.
admin-conversations-done-closed = ✅ Closing the topic (the fan's next message reopens it).
admin-conversations-done-reopened = ✅ Reopening the topic.
admin-conversations-done-assigned = ✅ Assigned (the card in the topic shows it shortly).
admin-conversations-done-unassigned = ✅ Unassigned.

## Assignment
admin-conversations-pick = Assign the conversation with <b>{ $name }</b> to (team members who can reply):
admin-conversations-pick-you = (you)
admin-conversations-not-assignable = ⚠️ That person can no longer reply to fans: pick someone else.
admin-conversations-assigned-notice = 👤 { $by } assigned you the conversation with <b>{ $fan }</b>. It is in your list: /conversations
admin-conversations-open-topic = ↗ Open the topic

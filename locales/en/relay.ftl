## Relay
# A fan's message to the creator: the receipt, refusals, edits, refunds, payment support.
# $status is queued or sent, $charge free or paid; $left is the time pass left; the balance bar takes
# the arguments of balance-bar. $low is yes or no. $count is how many messages the receipt covers
# (receipts still waiting to be sent merge into one), $cost what they cost together.

relay-receipt = { $status ->
    [queued] ⏳ { $count ->
        [1] Queued
       *[other] { $count } messages queued
    }
   *[sent] ✔️ { $count ->
        [1] Sent
       *[other] { $count } messages sent
    }
  } · { $charge ->
    [free] free with your time pass ({ $left } left)
   *[paid] −{ $cost ->
        [one] { $cost } credit
       *[other] { $cost } credits
    }
  }{ $status ->
    [queued] {"\u000A"}Many people are writing right now: { $count ->
        [1] your message reaches
       *[other] your messages reach
    } me in a few minutes.
   *[sent] {""}
  }
  <code>{ balance-bar }</code>{ $low ->
    [yes] {"\u000A"}⚠️ <b>Low balance</b>: under { $threshold ->
        [one] { $threshold } credit
       *[other] { $threshold } credits
    }. Top up with /start.
   *[no] {""}
  }{ $answers ->
    [yes] {"\u000A"}🕒 { $responseTime }
   *[no] {""}
  }

# Message types, as in "A photo costs 3 credits" and in the price list.
relay-type-text = text
relay-type-photo = photo
relay-type-voice = voice message
relay-type-video = video
relay-type-video-note = video note
relay-type-document = file
relay-type-audio = audio
relay-type-animation = GIF
relay-type-sticker = sticker

relay-insufficient = 💳 A { $type } costs { $cost ->
    [one] { $cost } credit
   *[other] { $cost } credits
  }, and you have { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }.
  Top up to send it: nothing was charged.
relay-album-item-refused = 💳 A { $type } costs { $cost ->
    [one] { $cost } credit
   *[other] { $cost } credits
  }, and you have { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }.
  📎 This { $type } of your album was left out and not charged; the items you could afford are sent together.
relay-unsupported = 🙅 This kind of message cannot be sent here. You can send:
  { $list }
relay-price-line = • { $type }: { $cost ->
    [one] { $cost } credit
   *[other] { $cost } credits
  }
relay-closed = 🙅 Messages are not accepted right now.
relay-banned = 🚫 Sorry, you cannot send messages here.
relay-unbanned = ✅ You can send messages here again.
relay-not-open = 🙏 Thanks for writing! This line is not open for messages yet. Please try again a little later; nothing was charged.
# The creator paused the line (Settings): the fan's message is not taken.
relay-paused = ⏸ The line is paused for now, so this message was not delivered and nothing was charged. Please send it again once it reopens; your credits, /balance and /buy keep working meanwhile.

relay-edit-not-paid = ✏️ Edits reach me as a new message, which costs { $cost ->
    [one] { $cost } credit
   *[other] { $cost } credits
  }, and you have { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }. Top up and send it again: the edit was not passed on.
relay-edit-too-old = ✏️ This message is too old for edits to reach me: send a new message instead.
relay-edit-limit = { $limit ->
    [0] ✏️ Edits do not reach me here: send a new message instead.
   *[other] ✏️ This edit did not reach me: a message can be edited up to { $limit ->
        [one] { $limit } time
       *[other] { $limit } times
    }. Send a new message instead.
  }

# $reason is Telegram's own (English) description of what went wrong.
relay-refund = ⚠️ Your message could not be delivered ({ $reason ->
        [bot-not-member] the bot is no longer a member of the admin group
        [group-gone] the admin group no longer exists
        [no-rights] the bot lacks admin rights in the group
        [group-moved] the admin group was moved or closed
        [message-deleted] the message was deleted before it could be delivered
        [topic-lost] the fan's topic could not be recreated
        [topic-closed] the topic is closed
       *[other] { $reason }
    }). { $cost ->
    [0] Nothing was charged.
    [one] { $cost } credit refunded.
   *[other] { $cost } credits refunded.
  }

relay-support-sent = 💳 Sent to the team, free of charge: they answer you here. ({ $left ->
    [one] { $left } more support message
   *[other] { $left } more support messages
  } today.)

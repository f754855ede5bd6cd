## Broadcast
# /broadcast: broadcasts and mass gifts, their live progress message and report (admins only).

admin-broadcast-title = <b>📣 Broadcast</b>
    Send one message to many fans, within what live conversations leave of the bot's budget.
admin-broadcast-running = Running now:
admin-broadcast-new = ✏️ New broadcast
admin-broadcast-gift = 🎁 Mass gift
admin-broadcast-templates = 📋 Templates
admin-broadcast-segments = 🎯 Segments
admin-broadcast-history-button = 📜 History
admin-broadcast-gift-history-button = 🎁 Gift history
admin-broadcast-history = <b>📜 Broadcasts</b> (newest first)
admin-broadcast-gift-history = <b>🎁 Mass gifts</b> (newest first)
admin-broadcast-none = Nothing saved yet.
admin-broadcast-line = { $kind ->
    [gift] 🎁
   *[other] 📣
  } #{ $id } · { $status ->
    [draft] draft
    [sending] sending
    [paused] paused
    [cancelled] cancelled
   *[done] done
  } · { $sent }/{ $total }
admin-broadcast-compose = Send the message to broadcast: a text, a photo, a video, a file or an album. Its formatting is kept.
admin-broadcast-gift-compose = Send the message that comes with the gift (a text, a medium or an album); a line saying what they received is added under it.
admin-broadcast-unsupported = This kind of message cannot be broadcast. Send a text, a photo, a video, an animation, a file, an audio, a voice message or an album.
admin-broadcast-gift-kind = What do you give every fan of the audience?
admin-broadcast-gift-credits = 💎 Credits
admin-broadcast-gift-pass = ⏱ Time pass
admin-broadcast-gift-credits-ask = How many credits for each fan? (1 to { $max })
admin-broadcast-gift-pass-ask = How long a pass for each fan? (e.g. 2h, 1d, 7d)
admin-broadcast-gift-invalid = That is not an amount I can give. Try again, or /cancel.
admin-broadcast-draft = <b>✏️ Broadcast draft</b>
admin-broadcast-gift-draft = <b>🎁 Mass gift draft</b>: { $what ->
    [credits] { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } each
   *[other] a { $pass } pass each
  }
admin-broadcast-content = { $kind ->
    [text] Text
    [album] Album of { $items }
    [photo] Photo
    [video] Video
    [animation] Animation
    [audio] Audio
    [voice] Voice message
   *[document] File
  }{ $buttons ->
    [0] {""}
   [one] {" "}with { $buttons } button
   *[other] {" "}with { $buttons } buttons
  }
admin-broadcast-empty = No message yet.
admin-broadcast-audience-line = 🎯 { $audience }: <b>{ $count }</b> { $count ->
    [one] fan
   *[other] fans
  } now
admin-broadcast-replace-hint = <i>Send another message to replace this one.</i>
admin-broadcast-preview = 👁 Preview
admin-broadcast-previewed = 👁 The preview is above: this is what fans will get.
admin-broadcast-buttons = 🔗 Buttons
admin-broadcast-buttons-ask = Send the buttons, one per line as <code>Label - https://link</code> (at most 8), or <code>-</code> to remove them.
admin-broadcast-buttons-invalid = I could not read those buttons: one per line, <code>Label - https://link</code>, at most 8. Try again, or /cancel.
admin-broadcast-audience = 🎯 Audience
admin-broadcast-save-template = 💾 Save as template
admin-broadcast-review = ➡️ Review and send
admin-broadcast-audience-title = <b>🎯 Who receives it</b> (banned fans and fans who blocked the bot are always left out)
admin-broadcast-any-tier = Any tier
admin-broadcast-active-any = Any activity
admin-broadcast-active = { $days }d
admin-broadcast-paid-any = Paid or not
admin-broadcast-never-paid = Never paid
admin-broadcast-spent = Spent ≥ …
admin-broadcast-spent-clear = ✖ Any spend
admin-broadcast-spent-ask = Fans who spent at least how many credits?
admin-broadcast-spent-invalid = A whole number of credits from 1 to { $max }, please.
admin-broadcast-save-segment = 💾 Save as segment
admin-broadcast-audience-done = ✅ Done
admin-broadcast-crit-all = All fans
admin-broadcast-crit-tier = tier { $tier }
admin-broadcast-crit-active = active in the last { $days } days
admin-broadcast-crit-spent = spent ≥ { $credits }
admin-broadcast-crit-never-paid = never paid
admin-broadcast-name-ask = A name for it (up to 40 characters)?
admin-broadcast-name-invalid = A name of 1 to 40 characters, please.
admin-broadcast-name-taken = That name is taken: choose another.
admin-broadcast-saved = 💾 Saved.
admin-broadcast-confirm = Send this broadcast to exactly <b>{ $count }</b> { $count ->
    [one] fan
   *[other] fans
  } ({ $audience })?
admin-broadcast-confirm-gift = Give this to exactly <b>{ $count }</b> { $count ->
    [one] fan
   *[other] fans
  } ({ $audience })? { $credits ->
    [0] {""}
   *[other] That is { $credits } credits in all.
  }
admin-broadcast-send = ✅ Send to { $count }
admin-broadcast-back-draft = ✏️ Back to the draft
admin-broadcast-count-changed = ⚠️ The audience changed since you looked: check the new count.
admin-broadcast-nobody = Nobody matches this audience: change it first.
admin-broadcast-started = { $kind ->
    [gift] 🎁 Mass gift
   *[other] 📣 Broadcast
  } #{ $id } started for { $count ->
    [one] { $count } fan
   *[other] { $count } fans
  }. Its progress follows below.
admin-broadcast-open-card = 📄 Open it
admin-broadcast-gone = This draft or campaign no longer exists (sent, replaced or discarded).
admin-broadcast-not-running = It is not running any more.
admin-broadcast-refused = That did not work ({ $code }).
admin-broadcast-template = <b>📋 { $name }</b>
admin-broadcast-use = ✏️ Use
admin-broadcast-delete = 🗑 Delete
admin-broadcast-deleted = 🗑 Deleted.
admin-broadcast-refresh = 🔄 Refresh
admin-broadcast-card = <b>{ $kind ->
    [gift] 🎁 Mass gift
   *[other] 📣 Broadcast
  } #{ $id }</b> · { $status ->
    [draft] draft
    [sending] sending
    [paused] paused
    [cancelled] cancelled
   *[done] done
  }
    { $at } · { $audience }
    Targeted { $targeted } · sent { $sent } · blocked { $blocked } · failed { $failed } · skipped { $skipped }
admin-broadcast-gift-totals-credits = 🎁 { $gifted ->
    [one] { $gifted } fan
   *[other] { $gifted } fans
} × { $each ->
    [one] { $each } credit
   *[other] { $each } credits
} = <b>{ $total } credits</b>
admin-broadcast-gift-totals-pass = 🎁 { $gifted ->
    [one] { $gifted } fan
   *[other] { $gifted } fans
} × a { $each } pass

campaign-pause = ⏸ Pause
campaign-resume = ▶️ Resume
campaign-cancel = ✖️ Cancel
campaign-progress = <b>{ $kind ->
    [gift] 🎁 Mass gift
   *[other] 📣 Broadcast
  } #{ $id }</b> · { $status ->
    [sending] sending
    [paused] ⏸ paused
    [cancelled] ✖️ cancelled
    [done] ✅ done
   *[other] { $status }
  }
    <code>{ $bar }</code> { $percent }% ({ $done }/{ $total })
    ✅ Sent { $sent } · 🚫 Blocked { $blocked } · ⚠️ Failed { $failed } · ⏳ Left { $left }
    { $eta ->
    [some] ETA about { $etaLeft }
    [zero] {""}
   *[other] ETA: measuring…
  }
campaign-report = <b>📋 Delivery report · { $kind ->
    [gift] 🎁 mass gift
   *[other] 📣 broadcast
  } #{ $id }</b> ({ $status ->
    [draft] draft
    [sending] sending
    [paused] paused
    [cancelled] cancelled
   *[done] done
  })
    Targeted: { $targeted }
    ✅ Delivered: { $sent }
    🚫 Blocked the bot: { $blocked }
    ⚠️ Failed: { $failed }
    ✖️ Not sent (cancelled): { $skipped }{ $kind ->
        [gift] {""}
            🎁 Gifts given: { $gifted }
       *[other] {""}
    }
    Took { $took }.

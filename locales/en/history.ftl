## History
# /history: the fan's ledger a page at a time, with lifetime totals, and their CSV export.

history-title = 🧾 <b>Your history</b> · page { $page }/{ $pages }
history-totals = Bought { $purchased } · spent { $spent } · gifts/bonus { $gifted } · refunded { $returned }{ $takenBack ->
        [0] {""}
       *[other] {" "}· taken back { $takenBack }
    }
history-empty = Nothing yet.
history-line = { $date } · { $reason }: <b>{ $delta }</b> → { $balance }
history-line-details = { $date } · { $reason } ({ $details }): <b>{ $delta }</b> → { $balance }
history-reason-bonus = Bonus
history-reason-purchase = Purchase
history-reason-spend = Message
history-reason-gift = Gift
history-reason-refund = Refund
history-reason-dispute = Dispute
history-reason-adjustment = Adjustment
history-reason-auto-recharge = Auto-recharge
history-reason-unlock = Unlock
history-detail-credits = { $count ->
        [one] { $count } credit
       *[other] { $count } credits
    }
history-detail-pass = { $duration } pass
history-detail-quantity = quantity { $quantity }
history-detail-stars = ⭐ { $stars }
history-detail-message = { $type ->
        [text] text message
        [photo] photo
        [voice] voice message
        [video] video
        [video_note] video message
        [document] file
        [audio] audio
        [animation] GIF
        [sticker] sticker
       *[other] { $type } message
    }
history-detail-album = album
history-detail-time-pass = time pass
history-detail-welcome = welcome bonus
history-detail-tutorial = quick tour bonus
history-detail-reset = account reset by the team
reset-fan-notice = 🧹 The team reset your account (a test account): your balance and time pass are back to zero and /history starts again from here.
history-button-csv = 📄 Export CSV
history-csv-date = date
history-csv-reason = type
history-csv-credits = credits
history-csv-balance = balance after
history-csv-details = details

## Admin info
# A fan's profile for the team: /info and the card's 👤 Info button. Revenue lines (payments, spend)
# only for those who may see revenue.

admin-info-name = 👤 <b>{ $name }</b> · <code>{ $id }</code>
admin-info-name-username = 👤 <b>{ $name }</b> (@{ $username }) · <code>{ $id }</code>
admin-info-unnamed = Fan
admin-info-status = Tier { $tier }{ $banned ->
    [yes] { " · 🚫 banned" }
   *[no] { "" }
  }{ $blocked ->
    [yes] { " · blocked the bot" }
   *[no] { "" }
  }
admin-info-balance = 💳 Balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  } · ⏳ pass: { $left } left
admin-info-balance-no-pass = 💳 Balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  } · ⏳ pass: none
admin-info-money = 💰 Payments: { $payments } · credits bought: { $purchased } · spent: { $spent }
admin-info-messages = 💬 Messages: { $fromFan } from the fan, { $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
  }
admin-info-dates = 📅 Joined { $joined } · last seen { $seen }
admin-info-notes-title = 📝 <b>Notes</b>
admin-info-no-notes = 📝 No notes yet (add one with /note text).
admin-info-note = • { $text } <i>({ $date })</i>
admin-info-payments-title = 🧾 <b>Recent payments</b> (refund one with /refund id)
admin-info-payment-stars = • <code>{ $id }</code> · { $product } · ⭐ { $stars } · { $status ->
    [paid] paid
    [refunded] refunded
    [failed] failed
   *[other] { $status }
  } <i>({ $date })</i>
admin-info-payment-card = • <code>{ $id }</code> · { $product } · 💳 { $amount } · { $status ->
    [paid] paid
    [refunded] refunded
    [failed] failed
   *[other] { $status }
  } <i>({ $date })</i>

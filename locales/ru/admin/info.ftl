## Admin info
# Профиль фаната для команды: /info и кнопка 👤 Info в карточке. Строки о выручке (платежи, траты)
# только для тех, кому можно видеть выручку.

admin-info-name = 👤 <b>{ $name }</b> · <code>{ $id }</code>
admin-info-name-username = 👤 <b>{ $name }</b> (@{ $username }) · <code>{ $id }</code>
admin-info-unnamed = Фанат
admin-info-status = Уровень { $tier }{ $banned ->
    [yes] { " · 🚫 заблокирован" }
   *[no] { "" }
  }{ $blocked ->
    [yes] { " · заблокировал бота" }
   *[no] { "" }
  }
admin-info-balance = 💳 Баланс: { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  } · ⏳ пропуск: осталось { $left }
admin-info-balance-no-pass = 💳 Баланс: { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  } · ⏳ пропуск: нет
admin-info-money = 💰 Платежи: { $payments } · куплено кредитов: { $purchased } · потрачено: { $spent }
admin-info-messages = 💬 Сообщения: от фаната { $fromFan }, { $answers ->
    [one] { $answers } ответ
    [few] { $answers } ответа
    [many] { $answers } ответов
   *[other] { $answers } ответа
  }
admin-info-dates = 📅 С нами с { $joined } · был(а) в сети { $seen }
admin-info-notes-title = 📝 <b>Заметки</b>
admin-info-no-notes = 📝 Заметок пока нет (добавьте: /note текст).
admin-info-note = • { $text } <i>({ $date })</i>
admin-info-payments-title = 🧾 <b>Последние платежи</b> (вернуть: /refund id)
admin-info-payment-stars = • <code>{ $id }</code> · { $product } · ⭐ { $stars } · { $status ->
    [paid] оплачен
    [refunded] возвращён
    [failed] не прошёл
   *[other] { $status }
  } <i>({ $date })</i>
admin-info-payment-card = • <code>{ $id }</code> · { $product } · 💳 { $amount } · { $status ->
    [paid] оплачен
    [refunded] возвращён
    [failed] не прошёл
   *[other] { $status }
  } <i>({ $date })</i>

## Admin topic
# Ответы на команды и кнопки команды в теме фаната (/info, /gift, /ban, /note, /close…).

admin-topic-outside = Используйте это в теме фаната.

    <b>В теме фаната</b>
    /info · профиль, платежи, заметки
    /gift 10 · подарить кредиты · /gift 2h, /gift 3d · подарить пропуск
    /ban · /unban
    /refund 12 · вернуть платёж 12, звёздами или на карту (id в /info)
    /note текст · личная заметка (видна в /info)
    /close · /reopen тему (следующее сообщение фаната тоже откроет её)
admin-topic-not-allowed = Это могут делать только админы.
admin-topic-not-a-fan = Это не тема фаната.
admin-topic-failed = Не получилось: { $detail }.
admin-topic-buttons-only = Эти кнопки доступны только админам.
admin-topic-expired = Срок действия кнопки истёк.
admin-topic-gifted-credits = 🎁 Подарено: { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
    [many] { $credits } кредитов
   *[other] { $credits } кредита
  } (баланс { $balance }).
admin-topic-gifted-pass = 🎁 Подарен пропуск на { $duration } (до { $until }).
admin-topic-gift-what = Что подарить? /gift 10 (кредиты) или /gift 2h, /gift 3d (пропуск).
admin-topic-gift-menu = 🎁 Подарите кредиты или пропуск (или введите /gift 15, /gift 2d):
admin-topic-gift-menu-used = Из этого меню уже подарили.
admin-topic-gift-menu-credits = Подарено: { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
    [many] { $credits } кредитов
   *[other] { $credits } кредита
  }.
admin-topic-gift-menu-pass = Подарен пропуск на { $duration }.
admin-topic-gift-menu-done-credits = 🎁 { $admin } дарит { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
    [many] { $credits } кредитов
   *[other] { $credits } кредита
  }.
admin-topic-gift-menu-done-pass = 🎁 { $admin } дарит пропуск на { $duration }.
admin-topic-banned = 🚫 Заблокирован: его сообщения не принимаются.
admin-topic-unbanned = 🔓 Разблокирован.
admin-topic-already-banned = Уже заблокирован.
admin-topic-already-unbanned = Уже разблокирован.
admin-topic-banned-short = Заблокирован.
admin-topic-unbanned-short = Разблокирован.
admin-topic-note-usage = Напишите заметку после команды: /note предпочитает голосовые
admin-topic-noted = 📝 Заметка сохранена.
admin-topic-closing = 🔒 Закрываю тему.
admin-topic-reopening = 🔓 Открываю тему снова.
admin-topic-refund-which = Какой платёж вернуть? /refund 12 (id есть в /info).
admin-topic-refund-card-sent = ↩️ Возврат { $amount } (платёж #{ $id }) отправлен в Stripe. Кредиты фаната скорректируются, а он получит уведомление, когда Stripe подтвердит возврат.
admin-topic-refund-card-refused = Stripe отклонил возврат: { $detail }.
admin-topic-refund-not-refundable = Платёж #{ $id } нельзя вернуть: { $detail }.
admin-topic-refund-stars-refused = Telegram отклонил возврат: { $detail }.
admin-topic-refund-already = Платёж #{ $id } уже возвращён: ничего не изменилось.
admin-topic-refund-pending = ⏳ Telegram не ответил, поэтому пока неизвестно, возвращён ли платёж #{ $id }. Запрос повторяется; результат появится здесь.
admin-topic-unknown-error = неизвестная ошибка
admin-topic-not-paid = он не оплачен
admin-topic-fan-unknown = Этот фанат здесь неизвестен.
admin-topic-banned-by = 🚫 Заблокировал(а) { $admin }

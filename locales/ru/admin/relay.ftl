## Relay

relay-card-banned = 🚫 заблокирован
relay-card-id = 🆔 <code>{ $id }</code> · уровень { $tier }{ $banned }
relay-card-balance = 💳 Баланс: { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }
relay-card-pass = ⏳ Пропуск: осталось { $left }
relay-card-no-pass = ⏳ Пропуск: нет
relay-card-spent = 💸 Всего потрачено: { $spent ->
    [one] { $spent } кредит
    [few] { $spent } кредита
    [many] { $spent } кредитов
   *[other] { $spent } кредита
  }
relay-card-joined = 📅 С нами с { $date }
relay-card-assignee = 👤 Назначено: { $name }
relay-card-previous = ℹ️ Более ранняя переписка — в прошлой теме, если она ещё существует: { $link }
relay-card-reply-here = Чтобы ответить, пишите в этой теме.

relay-inbox-title = 📥 <b>Входящие</b> · ждут ответа: { $waiting }
relay-inbox-empty = Пока ни одного разговора.
relay-inbox-unread = 🔴 непрочитанных: { $count }
relay-inbox-answered = ✔️ есть ответ
relay-inbox-just-now = только что
relay-inbox-min-ago = { $n } мин назад
relay-inbox-h-ago = { $n } ч назад
relay-inbox-d-ago = { $n } дн. назад
relay-inbox-updated = <i>Обновлено в { $time } UTC</i>

relay-support-mark = 💳 Помощь с оплатой
relay-support-alert = 💳 <b>Помощь с оплатой</b>: пишет { $name }{ $handle } · <code>{ $id }</code>:
  { $body }
relay-support-alert-no-text = 💳 <b>Помощь с оплатой</b>: пишет { $name }{ $handle } · <code>{ $id }</code>:
  (сообщение без текста: попросите описать проблему словами)

relay-edit-note = ✏️ изменено:
relay-edit-caption-removed = (подпись удалена)

relay-not-delivered = ❗ Не доставлено: { $reason }.

relay-fan-blocked = 🚫 Фанат заблокировал бота: ответы не дойдут до него, пока он не разблокирует.
relay-fan-unblocked = 🔓 Фанат разблокировал бота: ответы снова доходят.

relay-delete-no-reply = Ответьте командой /delete на один из своих ответов, чтобы удалить его у фаната.
relay-delete-not-yours = Удалять можно только свои ответы: ответьте /delete на один из них.
relay-delete-not-delivered = Это сообщение до фаната не дошло, удалять нечего.
relay-delete-too-old = Telegram разрешает ботам удалять сообщения только в течение 48 часов: это останется у фаната.
relay-delete-failed = Не удалено: { $reason }.

relay-setup-needed =
    ⚙️ <b>fanbridge: остался один шаг</b>
    Фанат только что написал, но сообщениям пока некуда идти: группа администраторов не настроена.

    1. Создайте закрытую супергруппу и включите <b>Темы</b>.
    2. Добавьте @{ $bot } и сделайте его администратором с правами <b>Управление темами</b>, <b>Закрепление сообщений</b> и <b>Удаление сообщений</b>.
    3. Отправьте /setup в группе: я проверю, что мне там нужно, и скажу, чего не хватает. Без копирования id и без перезапуска.

    До тех пор фанатам отвечают, что линия ещё не открыта, и ничего не списывается.
relay-admin-topic-orphan = ⚠️ Тема фаната { $fan } могла появиться дважды: бот остановился после того, как попросил Telegram создать «{ $name }» ({ $since }), но до того, как успел это записать. Сейчас создаётся новая тема; если в группе есть более старая пустая тема «{ $name }», удалите её.

## Users
# Экран «Пользователи» центра управления (/users): поиск, фильтры, карточка фаната и действия с ней.

admin-users-title = 👥 <b>Пользователи</b>
admin-users-none = Никого не найдено. Попробуйте другой запрос или меньше фильтров.
admin-users-page = Страница { $page }
admin-users-find = 🔍 Поиск
admin-users-filters = ⚙️ Фильтры
admin-users-reset = ✖ Сбросить
admin-users-find-ask = 🔍 Отправьте id, @username или часть имени (имя, фамилия или username, с начала).
    /cancel — отмена.
admin-users-find-invalid = Такое я искать не умею: отправьте id (цифры), @username или часть имени (до 64 символов).
admin-users-crit-none = Все, сначала недавно заходившие.
admin-users-crit-query = «{ $query }»
admin-users-crit-tier = уровень { $tier }
admin-users-crit-banned = заблокированы
admin-users-crit-not-banned = не заблокированы
admin-users-crit-paying = платящие
admin-users-crit-not-paying = ни разу не платили
admin-users-crit-active = заходили за { $days ->
    [1] последний день
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
  }
admin-users-crit-spent = потрачено ≥ { $credits }
admin-users-item-balance = { $balance } кр.
admin-users-item-spent = потрачено { $spent }
admin-users-item-banned = заблокирован

admin-users-filters-title = ⚙️ <b>Фильтры</b> (вместе):
admin-users-any-tier = Любой уровень
admin-users-f-ban-any = Заблокированы или нет
admin-users-f-banned = Заблокированы
admin-users-f-not-banned = Не заблокированы
admin-users-f-pay-any = Платят или нет
admin-users-f-paying = Платящие
admin-users-f-not-paying = Ни разу не платили
admin-users-f-active-any = Когда угодно
admin-users-f-active = { $days ->
    [1] 24 ч
    [one] { $days } дн.
    [few] { $days } дн.
    [many] { $days } дн.
   *[other] { $days } дн.
  }
admin-users-f-spent = 💸 Потрачено не меньше…
admin-users-f-spent-clear = ✖ Любые траты
admin-users-spent-ask = 💸 Показать фанатов, чьи траты за всё время (кредиты на сообщения и разблокировки) не меньше скольких? Отправьте число.
admin-users-spent-invalid = Отправьте целое число от 1 до { $max }.
admin-users-show = { $more ->
    [1] 📋 Показать (больше { $count })
   *[other] 📋 Показать ({ $count })
  }

admin-users-card-title = 👤 <b>{ $name }</b>
admin-users-card-id = 🆔 <code>{ $id }</code> · { $username } · язык { $language }
admin-users-card-balance = 🪙 Баланс: { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }
admin-users-card-pass = ⏳ Пропуск до { $until } (осталось { $left })
admin-users-card-no-pass = ⏳ Пропуска нет
admin-users-card-tier = 🏅 Уровень: { $tier } (автоматически)
admin-users-card-tier-manual = 🏅 Уровень: { $tier } (задан вручную)
admin-users-card-spent = 💸 Потрачено за всё время: { $spent ->
    [one] { $spent } кредит
    [few] { $spent } кредита
    [many] { $spent } кредитов
   *[other] { $spent } кредита
  }
admin-users-card-state = 🚫 Заблокирован: { $banned } · заблокировал бота: { $blocked }
admin-users-card-seen = 👁 Был(а) в сети { $seen } · с нами с { $joined }
admin-users-card-topic = 💬 Тема: { $link }
admin-users-card-no-topic = 💬 Темы пока нет (фанат ещё не писал).
admin-users-card-payments = 🧾 <b>Последние платежи</b>{ $count ->
    [0] : нет
   *[other] :
  }
admin-users-card-payment = #{ $id } { $title } · { $amount } · { $status } · { $at }
admin-users-yes = да
admin-users-no = нет
admin-users-unknown = Такого фаната нет (он никогда не писал боту).
admin-users-invalid = Не получилось: сумма или выбор вне допустимого диапазона.

admin-users-add = ➕ Начислить кредиты
admin-users-remove = ➖ Списать кредиты
admin-users-pass = 🎁 Подарить пропуск
admin-users-tier = 🏅 Уровень
admin-users-ban = 🚫 Заблокировать
admin-users-unban = ✅ Разблокировать
admin-users-open-topic = 💬 Открыть тему
admin-users-confirm = ✅ Подтвердить
admin-users-cancel = ✖ Отмена

admin-users-add-ask = ➕ Сколько кредитов подарить { $name } (баланс { $balance })? Отправьте число.
    /cancel — отмена.
admin-users-remove-ask = ➖ Сколько кредитов списать у { $name } (баланс { $balance })? Отправьте число.
    /cancel — отмена.
admin-users-pass-ask = 🎁 На какой срок подарить пропуск { $name }? Отправьте длительность: 2h, 3d, 1w, 1d 12h.
    /cancel — отмена.
admin-users-amount-invalid = Отправьте целое число кредитов от 1 до { $max }.
admin-users-pass-invalid = Отправьте длительность от 1 минуты до 365 дней, например 2h, 3d или 1w.
admin-users-remove-too-much = Баланс — { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }: баланс не может уйти ниже нуля. Отправьте не больше этого.
admin-users-reason-ask = ➖ Почему списать { $credits } у { $name }? Отправьте причину (она сохраняется в журнале операций и журнале аудита; фанат её не видит).
admin-users-reason-invalid = Отправьте причину текстом, до { $max } символов.
admin-users-add-confirm = ➕ Подарить <b>{ $credits }</b> кредитов { $name } (баланс станет { $balance })? Фанат получит уведомление.
admin-users-remove-confirm = ➖ Списать <b>{ $credits }</b> кредитов у { $name } (баланс станет { $balance })?
    Причина: { $reason }
admin-users-pass-confirm = 🎁 Подарить { $name } пропуск на <b>{ $duration }</b>? Он продлит действующий; фанат получит уведомление.
admin-users-confirm-press = Нажмите ✅ Подтвердить или ✖ Отмена выше (или отправьте /cancel).
admin-users-confirm-gone = ⌛ Это подтверждение больше не действует (оно использовано или заменено). Больше ничего не сделано.
admin-users-added = ✅ Подарено кредитов: { $credits }. Баланс: { $balance }.
admin-users-removed = ✅ Списано кредитов: { $credits }. Баланс: { $balance }.
admin-users-passed = ✅ Пропуск подарен: действует до { $until }.
admin-users-ban-confirm = 🚫 Заблокировать { $name }? Его сообщения не будут приниматься (и оплачиваться), пока вы не разблокируете; фанат получит уведомление.
admin-users-unban-confirm = ✅ Разблокировать { $name }? Его сообщения снова будут приниматься; фанат получит уведомление.
admin-users-banned = 🚫 Заблокирован.
admin-users-unbanned = ✅ Разблокирован.
admin-users-already-banned = Уже заблокирован: ничего не изменилось.
admin-users-already-unbanned = Не заблокирован: ничего не изменилось.
admin-users-tier-ask = 🏅 У { $name } уровень { $tier }; только по тратам был бы { $automatic }.
    Уровень, заданный вручную, сохраняется (без повышений), пока вы не выберете «Автоматически».
admin-users-tier-auto = ↺ Автоматически (по тратам)
admin-users-tier-set = 🏅 Уровень задан вручную: { $tier }.
admin-users-tier-cleared = 🏅 Уровень снова автоматический: { $tier }.

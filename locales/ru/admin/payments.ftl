## Payments
# «Платежи» центра управления (/payments): списки с фильтрами, карточка платежа, возвраты, выручка.

admin-hub-category-payments = 💰 Платежи
admin-payments-title = 💰 <b>Платежи</b>
    Последние платежи обоими способами с фильтрами, неудачные платежи, открытые споры и возвраты; откройте платёж, чтобы увидеть его карточку (и вернуть); выручка по дням.
admin-payments-menu-recent = 🧾 Последние платежи
admin-payments-menu-failed = ❌ Неудачные платежи
admin-payments-menu-disputes = ⚠️ Открытые споры
admin-payments-menu-refunds = ↩️ Возвраты
admin-payments-menu-revenue = 📈 Выручка по дням (30 дней)
admin-payments-filter-all = Все
admin-payments-filter-stars = ⭐ Stars
admin-payments-filter-card = 💳 Карта
admin-payments-filter-paid = Оплачены
admin-payments-filter-refunded = Возвращены
admin-payments-filter-failed = Не прошли
admin-payments-filter-disputed = Оспорены
admin-payments-filter-fan = 👤 Один фанат…
admin-payments-filter-fan-clear = 👤 Фанат { $id } ✖
admin-payments-fan-ask = 👤 Чьи платежи? Отправьте id или @username фаната (/cancel — отмена).
admin-payments-fan-retry = Отправьте числовой id или @username фаната текстом.
admin-payments-fan-unknown = Здесь нет никого с { $query }. Проверьте id или @username и отправьте снова (/cancel — отмена).
admin-payments-list-title = 🧾 <b>Платежи</b> · { $filters } · { $more ->
    [yes] больше { $total }
   *[no] { $total }
  }
admin-payments-list-empty = Подходящих платежей нет.
admin-payments-refunds-title = ↩️ <b>Возвраты</b> (полные или частичные), сначала новые · { $total }
admin-payments-refunds-empty = Возвратов пока не было.
admin-payments-disputes-title = ⚠️ <b>Открытые споры</b> · { $total }
admin-payments-disputes-empty = Открытых споров нет.
admin-payments-line = #{ $id } · { $at } · { $fan } · { $amount } · { $product } · { $status }
admin-payments-open = #{ $id } · { $amount }
admin-payments-amount-stars = ⭐ { $amount }
admin-payments-amount-card = 💳 { $amount }
admin-payments-fan = { $name } ({ $id })
admin-payments-fan-username = { $name } (@{ $username }, { $id })
admin-payments-status-paid = оплачен
admin-payments-status-partly-refunded = оплачен, частично возвращён
admin-payments-status-refunded = возвращён
admin-payments-status-failed = не прошёл или не завершён
admin-payments-status-pending = ожидает оплаты
admin-payments-status-disputed = оспорен ({ $status })
admin-payments-grant-credits = { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
    [many] { $credits } кредитов
   *[other] { $credits } кредита
  }
admin-payments-grant-time = пропуск на { $duration }
admin-payments-grant-unlock = эксклюзивный материал
admin-payments-unknown = Платежа #{ $id } нет (или он так и остался неоплаченным счётом).

## Payment card
admin-payments-card-title-stars = 🧾 <b>Платёж #{ $id }</b> · ⭐ звёзды Telegram
admin-payments-card-title-card = 🧾 <b>Платёж #{ $id }</b> · 💳 карта (Stripe)
admin-payments-card-fan = 👤 Фанат: { $fan }
admin-payments-card-product = 🛍 Товар: { $product } ({ $grant })
admin-payments-card-amount = 💰 Сумма: { $amount }
admin-payments-card-status = 📌 Статус: { $status }
admin-payments-card-created = 🕒 Создан { $at }
admin-payments-card-paid = ✅ Оплачен { $at }
admin-payments-card-refund-none = ↩️ Возврат: нет
admin-payments-card-refunded = ↩️ Возвращён (записано { $at })
admin-payments-card-refunded-part = ↩️ Частично возвращён: { $refunded } из { $amount }
admin-payments-card-refund-asked = ↩️ Возврат запрошен в Stripe { $at }, запросил { $by }: ждём подтверждения от Stripe
admin-payments-card-dispute-open = ⚠️ Спор <code>{ $id }</code>: { $status } с { $at }
admin-payments-card-dispute-closed = ⚠️ Спор <code>{ $id }</code>: { $status } (закрыт { $at })
admin-payments-card-charge-stars = 🔑 Списание Telegram: <code>{ $charge }</code>
admin-payments-card-charge-card = 🔑 PaymentIntent: <code>{ $charge }</code>
admin-payments-stripe-payment = 🔗 Открыть в Stripe
admin-payments-stripe-dispute = 🔗 Спор { $id } в Stripe
admin-payments-fan-payments = 👤 Платежи этого фаната
admin-payments-refund-button = ↩️ Вернуть

## Refunds
admin-payments-not-refundable-already = Этот платёж уже возвращён: делать нечего.
admin-payments-not-refundable-not-paid = Вернуть можно только оплаченный платёж.
admin-payments-not-refundable-pending = Возврат уже запрошен в Stripe; кредиты фаната скорректируются, когда Stripe его подтвердит.
admin-payments-not-refundable-disputed = Фанат оспорил этот платёж через банк: Stripe не возвращает оспоренные платежи (ответьте на спор в Stripe).
admin-payments-not-refundable-stripe-off = Оплата картой не настроена (нет ключа Stripe), поэтому вернуть этот платёж отсюда нельзя: сделайте возврат в панели Stripe.
admin-payments-confirm-stars-credits = ↩️ <b>Вернуть платёж #{ $id }?</b>
    { $amount } вернутся { $fan } через Telegram, а купленные { $credits ->
        [one] { $credits } кредит будет списан
        [few] { $credits } кредита будут списаны
        [many] { $credits } кредитов будут списаны
       *[other] { $credits } кредита будут списаны
    } (не больше, чем осталось). Фанат получит уведомление.
admin-payments-confirm-stars-time = ↩️ <b>Вернуть платёж #{ $id }?</b>
    { $amount } вернутся { $fan } через Telegram, а пропуск сократится на { $duration }. Фанат получит уведомление.
admin-payments-confirm-stars-unlock = ↩️ <b>Вернуть платёж #{ $id }?</b>
    { $amount } вернутся { $fan } через Telegram, а разблокированный материал перестанет ему принадлежать. Фанат получит уведомление.
admin-payments-confirm-card = ↩️ <b>Вернуть платёж #{ $id }?</b>
    Stripe вернёт { $rest } из { $amount } на карту { $fan }. Когда Stripe подтвердит, начисленное по платежу будет пропорционально списано (не больше, чем осталось), а фанат получит уведомление.
admin-payments-confirm-yes = ✅ Да, вернуть
admin-payments-confirm-no = ✖ Нет, оставить
admin-payments-refunded-credits = ↩️ <b>Возвращено</b> ⭐ { $stars } (платёж #{ $id }): списано кредитов: { $taken }; баланс: { $balance }.
admin-payments-refunded-time = ↩️ <b>Возвращено</b> ⭐ { $stars } (платёж #{ $id }): пропуск сокращён на { $duration }, теперь заканчивается { $until }.
admin-payments-refunded-time-ended = ↩️ <b>Возвращено</b> ⭐ { $stars } (платёж #{ $id }): пропуск сокращён на { $duration }; пропуска больше нет.
admin-payments-refunded-unlock = ↩️ <b>Возвращено</b> ⭐ { $stars } (платёж #{ $id }): «{ $title }» больше не принадлежит фанату.
admin-payments-refunded-unlock-kept = ↩️ <b>Возвращено</b> ⭐ { $stars } (платёж #{ $id }); «{ $title }» остаётся у фаната (оплачен другим способом).
admin-payments-refund-card-sent = ↩️ Возврат { $amount } (платёж #{ $id }) отправлен в Stripe. Кредиты фаната скорректируются, а он получит уведомление, когда Stripe подтвердит возврат.
admin-payments-refund-card-refused = Stripe отклонил возврат: { $detail }
admin-payments-refund-stars-refused = Telegram отклонил возврат: { $detail }
admin-payments-refund-pending = ⏳ Telegram не ответил, поэтому пока неизвестно, возвращён ли платёж #{ $id }. Запрос повторяется в фоне; результат появится в теме фаната.
admin-payments-refund-failed = Платёж #{ $id } не возвращён: { $detail }

## Revenue
admin-payments-revenue-title = 📈 <b>Выручка по дням</b>, последние 30 дней, за вычетом возвратов · дни по часовому поясу { $timezone }
admin-payments-revenue-day = День
admin-payments-revenue-total = 30 дней

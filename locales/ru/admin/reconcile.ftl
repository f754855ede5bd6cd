## Reconciliation
# Сверка учёта с выписками Stripe и Telegram: ежедневное оповещение и экраны «Системы».

reconcile-kind = { $kind ->
    [paid_not_granted] Оплачено в { $rail ->
        [stripe] Stripe
       *[other] Telegram Stars
    }, не начислено
    [refunded_not_clawed_back] Возвращено в { $rail ->
        [stripe] Stripe
       *[other] Telegram Stars
    }, не списано обратно
    [granted_not_paid] Начислено здесь, не оплачено в { $rail ->
        [stripe] Stripe
       *[other] Telegram Stars
    }
   *[amount_differs] Суммы в { $rail ->
        [stripe] Stripe
       *[other] Telegram Stars
    } расходятся
  }
reconcile-alert = 🧾 <b>Учёт и { $rail ->
        [stripe] Stripe
       *[other] Telegram Stars
    } расходятся</b> · <code>{ $id }</code>
    { $kind ->
        [paid_not_granted] Оплачено у провайдера, но так и не начислено
        [refunded_not_clawed_back] Возвращено у провайдера, но так и не списано обратно
        [granted_not_paid] Начислено здесь, но не оплачено у провайдера
       *[amount_differs] Провайдер списал другую сумму
    } ({ $cause ->
        [unpaid] наш платёж всё ещё ожидает оплаты или не прошёл
        [ungranted] отмечен оплаченным, но начисления в журнале операций нет
        [unknown_payment] в нём указан платёж, которого у нас нет
        [second_charge] наш платёж уже оплачен другим способом
        [refund] возврат
        [dispute] спор
        [missing] у провайдера нет такого платежа
        [currency] другая валюта
       *[amount] другая сумма
    }): платёж #{ $payment }, фанат { $fan }, <code>{ $ref }</code>.
    { $action ->
        [apply] Исправьте один раз: <code>npm run reconcile -- --apply { $id }</code> или /system → Сверка.
       *[report] Только для сведения: проверьте это в панели провайдера. Автоматически ничего не меняется.
    }
reconcile-alert-more = 🧾 Ещё новых расхождений между учётом и провайдерами: { $count }. Смотрите /system → Сверка или запустите <code>npm run reconcile</code>.
admin-reconcile-button = 🧾 Сверка (последние 30 дней)
admin-reconcile-title = 🧾 <b>Сверка учёта со Stripe и Telegram</b>, { $since } → { $until }
admin-reconcile-rail-read = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: прочитано платежей: { $payments }{ $rail ->
    [stripe] , споров: { $disputes }
   *[stars] {""}
  }
admin-reconcile-rail-off = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
  }: не настроен
admin-reconcile-rail-failed = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: <b>не удалось прочитать</b> ({ $error }), сравнение не проводилось
admin-reconcile-match = ✅ Учёт сходится: сравнено платежей: { $booked }.
admin-reconcile-count = ⚠️ Расхождений: { $count } (исправить здесь можно { $fixable }), сравнено платежей: { $booked }:
admin-reconcile-line = · <code>{ $id }</code> { $what }: платёж #{ $payment }, фанат { $fan }{ $fixable ->
    [yes] {" "}🛠
   *[no] {""}
  }
admin-reconcile-more = …и ещё { $count }: полный список покажет <code>npm run reconcile</code>.
admin-reconcile-fix-button = 🛠 Исправить { $id }
admin-reconcile-fix-confirm = 🛠 <b>Исправить <code>{ $id }</code>?</b>
    { $what }: платёж #{ $payment } фаната { $fan }, <code>{ $ref }</code>.
    { $kind ->
        [paid_not_granted] Фанат получит то, за что заплатил, как если бы пришло подтверждение самого платежа (один раз, что бы ни пришло позже).
       *[other] То, что означают возврат или спор, будет списано обратно, как сделало бы их собственное уведомление (один раз, не больше баланса).
    } Исправление записывается в журнал операций и журнал аудита.
admin-reconcile-apply = ✅ Применить исправление
admin-reconcile-applied = ✅ <code>{ $id }</code> исправлено: записано в журнал операций и журнал аудита.
admin-reconcile-gone = Исправлять нечего: <code>{ $id }</code> больше не расхождение (уже исправлено или закрыто поздним уведомлением провайдера).
admin-reconcile-report-only = <code>{ $id }</code> — только для сведения: проверьте это в панели провайдера.
admin-reconcile-unavailable = Отсюда не прочитать ни Stripe, ни Telegram.

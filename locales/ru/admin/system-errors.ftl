## System: errors and Stripe
# Проверка Stripe и последние ошибки на экране «Система», а также строка последней ошибки.

admin-system-stripe-ok = 💳 Stripe: отвечает ({ $ms } мс)
admin-system-stripe-down = 💳 Stripe: <b>не отвечает</b> ({ $error })
admin-system-errors-button = 🧯 Последние ошибки ({ $count })
admin-system-errors-title = 🧯 <b>Последние ошибки</b> ({ $count }, сначала новые; хранится не больше 20)
admin-system-errors-none = Ошибок не зафиксировано.
admin-system-errors-line = · { $at } · <b>{ $kind }</b>: { $message }
admin-system-errors-line-update = · { $at } · <b>{ $kind }</b> (обновление { $updateId }): { $message }
admin-hub-last-error = 🧯 Последняя ошибка { $at } · { $kind }: { $message }
admin-hub-last-error-none = 🧯 Ошибок не зафиксировано.

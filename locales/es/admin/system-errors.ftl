## System: errors and Stripe
# La comprobación de Stripe y los últimos errores de la pantalla Sistema, y la línea del último error.

admin-system-stripe-ok = 💳 Stripe: responde ({ $ms } ms)
admin-system-stripe-down = 💳 Stripe: <b>no responde</b> ({ $error })
admin-system-errors-button = 🧯 Últimos errores ({ $count })
admin-system-errors-title = 🧯 <b>Últimos errores</b> ({ $count }, primero los más recientes; se guardan 20 como máximo)
admin-system-errors-none = No hay errores registrados.
admin-system-errors-line = · { $at } · <b>{ $kind }</b>: { $message }
admin-system-errors-line-update = · { $at } · <b>{ $kind }</b> (actualización { $updateId }): { $message }
admin-hub-last-error = 🧯 Último error { $at } · { $kind }: { $message }
admin-hub-last-error-none = 🧯 No hay errores registrados.

## System: errors and Stripe
# The System screen's Stripe check and last errors (from the update lifecycle), and the last-error line.

admin-system-stripe-ok = 💳 Stripe: answering ({ $ms } ms)
admin-system-stripe-down = 💳 Stripe: <b>not answering</b> ({ $error })
admin-system-errors-button = 🧯 Last errors ({ $count })
admin-system-errors-title = 🧯 <b>Last errors</b> ({ $count }, the newest first; at most 20 are kept)
admin-system-errors-none = No errors recorded.
admin-system-errors-line = · { $at } · <b>{ $kind }</b>: { $message }
admin-system-errors-line-update = · { $at } · <b>{ $kind }</b> (update { $updateId }): { $message }
admin-hub-last-error = 🧯 Last error { $at } · { $kind }: { $message }
admin-hub-last-error-none = 🧯 No errors recorded.

## System: errors and Stripe
# A verificação do Stripe e os últimos erros da tela Sistema, e a linha do último erro.

admin-system-stripe-ok = 💳 Stripe: respondendo ({ $ms } ms)
admin-system-stripe-down = 💳 Stripe: <b>sem resposta</b> ({ $error })
admin-system-errors-button = 🧯 Últimos erros ({ $count })
admin-system-errors-title = 🧯 <b>Últimos erros</b> ({ $count }, os mais novos primeiro; no máximo 20 são guardados)
admin-system-errors-none = Nenhum erro registrado.
admin-system-errors-line = · { $at } · <b>{ $kind }</b>: { $message }
admin-system-errors-line-update = · { $at } · <b>{ $kind }</b> (atualização { $updateId }): { $message }
admin-hub-last-error = 🧯 Último erro { $at } · { $kind }: { $message }
admin-hub-last-error-none = 🧯 Nenhum erro registrado.

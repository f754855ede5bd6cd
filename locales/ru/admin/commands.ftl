## Admin commands
# Меню команд для команды: в теме фаната и дополнительные инструменты владельцев в их личном чате.

admin-command-info = Профиль, платежи и заметки фаната
admin-command-gift = Подарить кредиты (/gift 10) или пропуск (/gift 2h)
admin-command-ban = Не принимать сообщения этого фаната
admin-command-unban = Снова принимать сообщения этого фаната
admin-command-refund = Вернуть платёж (/refund id, id в /info)
admin-command-note = Добавить личную заметку (/note текст)
admin-command-close = Закрыть эту тему
admin-command-reopen = Снова открыть эту тему
admin-command-delete = Ответьте на свой ответ, чтобы удалить его у фаната
admin-command-content = Управлять эксклюзивным контентом (/content add)
admin-command-cancel = Прервать добавление или правку контента
admin-command-admin = Центр управления
admin-command-conversations = Открытые, непрочитанные, важные и назначенные диалоги
admin-command-dashboard = Пользователи, выручка и сообщения на одном экране
admin-command-system = Состояние, версия и очереди
admin-command-users = Найти фаната: карточка, кредиты, уровень, блокировка
admin-command-products = Пакеты, пропуски, цены и метки
admin-command-payments = Платежи, возвраты и выручка по дням
admin-command-broadcast = Рассылки фанатам, массовые подарки, шаблоны
admin-command-analytics = Рост, выручка, конверсия и графики
admin-command-search = Поиск пользователей, платежей и сообщений

admin-command-settings = Цены, тексты, переключатели и пауза линии
admin-command-reset = Обнулить тестовый аккаунт: /reset <id пользователя> [force]
admin-command-quickreplies = Готовые ответы для тем фанатов

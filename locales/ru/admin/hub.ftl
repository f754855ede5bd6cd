## Control center
# Центр команды (/admin) в личном чате участника: навигация, отказы, экраны «Система» и «Сводка»
# и /claim (стать владельцем бота, у которого его нет).

admin-hub-home = 🎛 <b>Центр управления</b> · ваша роль: { $role }.
    Что посмотреть?
admin-hub-home-empty = 🎛 <b>Центр управления</b> · ваша роль: { $role }.
    Для вашей роли здесь пока ничего нет: вы отвечаете фанатам в их темах в группе администраторов.
admin-hub-role-owner = владелец
admin-hub-role-manager = менеджер
admin-hub-role-agent = агент
admin-hub-category-dashboard = 📊 Сводка
admin-hub-category-system = ⚙️ Система
admin-hub-category-users = 👥 Пользователи
admin-hub-back = ◀ Назад
admin-hub-close = ✖ Закрыть
admin-hub-closed = Меню закрыто. /admin откроет его снова.
admin-hub-refresh = 🔄 Обновить
admin-hub-updated = <i>Обновлено { $at }</i>
admin-hub-page = Страница { $page } из { $pages }
admin-hub-invalid = Эта кнопка не работает (возможно, она повреждена или из другой версии).
admin-hub-stale = ⌛ Это меню устарело: после него открыли более новое. Откройте свежее здесь:
admin-hub-open-fresh = 🔄 Открыть свежее меню
admin-hub-no-access = Вы больше не в команде, поэтому это меню закрыто.
admin-hub-not-allowed = Ваша роль этого не включает. Если нужно, попросите владельца.
admin-hub-cancelled = Отменено: ничего не изменено.
admin-hub-ask-gone = Этот вопрос больше не актуален (то, о чём он был, изменилось). Ничего не изменено.
admin-hub-open-private = Центр управления открывается в личном чате со мной (чтобы не шуметь в группе):
admin-hub-open-button = 🎛 Открыть центр управления
admin-hub-outbox-title = 📤 <b>Исходящие</b> (ждут отправки):
admin-hub-outbox-empty = 📤 Исходящие: ничего не ждёт.
admin-hub-outbox-class = · { $priority } { $name }: ждут { $pending }, самое старое — { $age }
admin-hub-outbox-class-replies = ответы и подтверждения оплаты
admin-hub-outbox-class-content = сообщения фанатов
admin-hub-outbox-class-notices = чеки и уведомления
admin-hub-outbox-class-renders = карточки и входящие
admin-hub-outbox-class-bulk = рассылки

## System
admin-system-title = ⚙️ <b>Система</b> · fanbridge { $version } · работает { $uptime }
admin-system-database-ok = 🗄 База данных: отвечает ({ $ms } мс)
admin-system-database-down = 🗄 База данных: <b>не отвечает</b> ({ $error })
admin-system-database-size = 🗄 Размер: { $mb } МБ
admin-system-database-size-wal = 🗄 Размер: { $mb } МБ, журнал предзаписи (WAL) { $walMb } МБ
admin-system-jobs-ok = ⏱ Очередь задач: готово { $ready }, запланировано { $deferred }, выполняется { $active }
admin-system-jobs-down = ⏱ Очередь задач: <b>не отвечает</b> ({ $error })
admin-system-webhook-polling = 📡 Telegram: long polling (без вебхука)
admin-system-webhook-ok = 📡 Вебхук Telegram: ждут обновлений: { $pending }, ошибок нет
admin-system-webhook-error = 📡 Вебхук Telegram: ждут обновлений: { $pending }; последняя ошибка { $at }: { $error }
admin-system-webhook-down = 📡 Telegram: <b>не удалось запросить</b> состояние вебхука ({ $error })
admin-system-stripe-on = 💳 Stripe: настроен
admin-system-stripe-off = 💳 Stripe: не настроен (оплата картой выключена)
admin-system-backup-ok = 💾 Последняя резервная копия: { $at } ({ $mb } МБ; ежедневно, хранятся 7)
admin-system-backup-overdue = 💾 Последняя резервная копия: <b>{ $at }</b>, больше суток назад ({ $mb } МБ): ежедневное копирование не проходит, смотрите журнал ("backup failed")
admin-system-backup-none = 💾 Резервных копий пока нет: первая будет в 03:30 UTC (затем ежедневно, хранятся 7)
admin-system-backup-missing = 💾 <b>Нет резервной копии</b>, хотя ежедневная уже должна быть: смотрите журнал ("backup failed")
admin-system-unavailable = Системные показатели недоступны в этом процессе.
admin-system-export = 📦 Экспорт всех данных
admin-system-export-confirm = 📦 <b>Экспорт всех данных</b>
    Один файл со всем, что хранит fanbridge: фанаты, ссылки на их сообщения, платежи, журнал операций, настройки и команда. В нём персональные данные: храните его надёжно.
    Этот же файл переносит установку в другую базу данных: <code>npm run import -- file</code> (см. README).
admin-system-export-go = 📦 Сделать экспорт
admin-system-export-caption = 📦 Экспорт fanbridge: { $rows } строк в { $tables } таблицах ({ $mb } МБ). Импорт: <code>npm run import -- file</code>.
admin-system-export-sent = ✅ Экспорт отправлен ниже: { $rows } строк в { $tables } таблицах ({ $mb } МБ).
admin-system-export-kept = ✅ Экспорт записан: { $rows } строк в { $tables } таблицах ({ $mb } МБ). Это больше 50 МБ, которые может отправить бот, поэтому файл остался на сервере:
    <code>{ $path }</code>
admin-system-export-busy = ⏳ Экспорт уже готовится: файл придёт сюда, когда будет готов.
admin-system-export-failed = ⚠️ Экспорт не удался: <code>{ $error }</code>. Ничего не изменено.

## Dashboard
admin-dashboard-title = 📊 <b>Сводка</b> · дни по часовому поясу { $timezone }
admin-dashboard-users = 👥 <b>Пользователи</b>: { $total } · новые: { $today } сегодня, { $week } за 7 дней, { $month } за 30 дней · активны за 7 дней: { $active } · платящие: { $paying }
admin-dashboard-revenue-title = 💰 <b>Выручка</b> (за вычетом возвратов) сегодня · 7 дней · 30 дней
admin-dashboard-revenue-stars = ⭐ Stars: { $today } · { $week } · { $month }
admin-dashboard-revenue-card = 💳 Карта: { $today } · { $week } · { $month }
admin-dashboard-revenue-card-none = 💳 Карта: ничего за 30 дней
admin-dashboard-messages = 💬 <b>Сообщения</b> входящие / исходящие: { $inToday } / { $outToday } сегодня · { $inWeek } / { $outWeek } за 7 дней · { $inMonth } / { $outMonth } за 30 дней
admin-dashboard-credits = 🪙 <b>Кредиты</b> продано / потрачено: { $soldToday } / { $spentToday } сегодня · { $soldWeek } / { $spentWeek } за 7 дней · { $soldMonth } / { $spentMonth } за 30 дней

## Claim
admin-claim-done = 👑 <b>Теперь вы владелец этого бота.</b>
    Дальше: создайте группу в Telegram, включите в её настройках <b>Темы</b>, добавьте туда @{ $bot }, сделайте его администратором (управление темами, закрепление и удаление сообщений) и отправьте /setup в группе: я проверю её и начну работать, копировать id не нужно. Туда приходят диалоги с фанатами, по теме на фаната.
    /admin открывает центр управления.
admin-claim-already = Вы уже владелец этого бота. /admin открывает центр управления.
admin-claim-missing = Отправьте код из вывода бота при запуске: <code>/claim XXXX-XXXX-XXXX-XXXX</code>
admin-claim-invalid = Код неверный или истёк. Проверьте вывод бота при запуске (пока у бота нет владельца, при каждом запуске печатается новый код).
admin-claim-slow-down = Слишком много попыток. Попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
    [many] { $seconds } секунд
   *[other] { $seconds } секунды
  }.
admin-hub-category-broadcast = 📣 Рассылки

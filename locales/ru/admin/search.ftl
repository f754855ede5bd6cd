## Search
# «Поиск» центра управления (/search, все участники команды; платежи — менеджеры и владельцы): пользователи,
# платежи по любому сочетанию фильтров и пересланные сообщения по их тексту.

admin-hub-category-search = 🔎 Поиск
admin-search-title = 🔎 <b>Поиск</b>: что ищем?
admin-search-users-button = 👤 Пользователи
admin-search-payments-button = 💳 Платежи
admin-search-messages-button = 💬 Сообщения
admin-search-again-button = 🔎 Новый поиск

admin-search-payments-ask = 💳 Отправьте условия поиска платежей словами, в любом порядке, или /cancel:
    <code>#123</code> — id платежа · <code>@alice</code> или <code>fan:42</code> — фанат
    <code>5-20</code>, <code>&gt;=5</code>, <code>&lt;=20</code> — сумма в валюте платежа
    <code>2026-03-01</code> или <code>2026-03-01..2026-03-31</code> — дни по местному времени
    <code>stars</code> или <code>card</code> — способ оплаты · <code>paid</code>, <code>refunded</code>, <code>failed</code>, <code>disputed</code> — статус
admin-search-payments-help = Отправьте хотя бы одно слово, например <code>@alice paid</code> или <code>stars 2026-03-01..2026-03-31</code>.
admin-search-payments-unknown = «{ $word }» здесь не подходит для поиска. Попробуйте <code>#123</code>, <code>@alice</code>, <code>5-20</code>, <code>2026-03-01</code>, <code>stars</code> или <code>paid</code>.
admin-search-payments-range = «{ $word }»: диапазон заканчивается раньше, чем начинается.
admin-search-payments-twice = «{ $word }»: этот фильтр уже задан.
admin-search-payments-unknown-fan = Фаната с username @{ $username } нет.
admin-search-payments-title = 💳 <b>Найденные платежи</b>
admin-search-payments-query = Запрос: { $query }
admin-search-payments-count = { $count ->
    [one] { $count } платёж
    [few] { $count } платежа
    [many] { $count } платежей
   *[other] { $count } платежа
  }
admin-search-payments-count-capped = { $count ->
    [one] больше { $count } платежа
   *[other] больше { $count } платежей
  }
admin-search-payments-none = Подходящих платежей нет.
admin-search-payment-open = #{ $id } · { $amount }
admin-search-rail-stars = Stars
admin-search-rail-card = карта

admin-search-messages-ask = 💬 Отправьте слова из сообщения (на любом языке; фразу — в "кавычках", -слово — чтобы исключить) или /cancel.
admin-search-messages-empty = Отправьте хотя бы одно слово.
admin-search-messages-too-long = Слишком длинно: не больше 200 символов.
admin-search-messages-title = 💬 <b>Сообщения, где есть</b> «{ $query }»
admin-search-message-in = { $n }. ⬅️ { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-out = { $n }. ➡️ фанату { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-open = 🔗 { $n }. { $fan }
admin-search-messages-none = Подходящих сообщений нет. { $days ->
    [0] Тексты для поиска не хранятся (Настройки → Сообщения и чеки).
    [one] Тексты хранятся для поиска { $days } день.
    [few] Тексты хранятся для поиска { $days } дня.
    [many] Тексты хранятся для поиска { $days } дней.
   *[other] Тексты хранятся для поиска { $days } дня.
  }
admin-search-messages-page = Страница { $page }

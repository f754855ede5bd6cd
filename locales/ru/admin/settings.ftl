## Settings
# «Настройки» центра управления (/settings, менеджеры и владельцы): все значения, которые может менять
# владелец, пошаговые изменения с проверкой и предпросмотром, пауза линии и последние изменения.

admin-hub-category-settings = 🛠 Настройки
admin-settings-title = 🛠 <b>Настройки</b>
admin-settings-saved = ✅ Сохранено: <b>{ $label }</b> { $old } → { $new }. Фанаты увидят это через несколько секунд.
admin-settings-unchanged = Ничего не изменилось: <b>{ $label }</b> уже { $value }.
admin-settings-on = вкл.
admin-settings-off = выкл.
admin-settings-none = —
admin-settings-not-allowed-card = Оплату картой нельзя включить: Stripe не настроен (задайте STRIPE_SECRET_KEY).

## Overview and groups
admin-settings-line-open = ▶️ Линия <b>открыта</b>: сообщения фанатов принимаются.
admin-settings-line-paused = ⏸ Линия <b>на паузе</b>: сообщения фанатов отклоняются с уведомлением, ничего не списывается.
admin-settings-overview-prices = 💬 Цены: { $list }
admin-settings-overview-money = 🪙 Низкий баланс — ниже { $low } · бонус новым фанатам { $bonus } · валюта магазина { $currency } · лимит автопополнения { $cap } в месяц
admin-settings-overview-messages = 🧾 Чеки: { $receipts } · пересылка: { $relay } · повтор правок: { $edits } · новых тем: { $topics } в минуту
admin-settings-overview-language = 🌍 Язык: { $language } · группа: { $group } · часовой пояс: { $timezone }
admin-settings-overview-tiers = 🏅 Уровни: Постоянный от { $regular } · VIP от { $vip } потраченных кредитов
admin-settings-overview-switches = 🔀 Оплата картой: { $card } · автопополнение: { $auto } · премиум-контент: { $premium }
admin-settings-overview-texts = 📝 Свои тексты: { $list }
admin-settings-texts-none = нет (используются встроенные тексты)
admin-settings-pause-button = ⏸ Поставить линию на паузу
admin-settings-resume-button = ▶️ Снова открыть линию
admin-settings-group-texts = 📝 Тексты
admin-settings-group-prices = 💬 Цены сообщений
admin-settings-group-money = 🪙 Баланс и деньги
admin-settings-group-messages = 🧾 Сообщения и чеки
admin-settings-group-language = 🌍 Язык и время
admin-settings-group-tiers = 🏅 Уровни
admin-settings-group-switches = 🔀 Переключатели
admin-settings-recent-button = 🕓 Последние изменения
admin-settings-group-title = { $title }
    Выберите, что изменить:
admin-settings-field-line = · { $label }: { $value }

## Labels (what each setting is called on the screens and in the change log)
admin-settings-label-welcome = Приветствие
admin-settings-label-terms = Условия (/terms)
admin-settings-label-privacy = Конфиденциальность (/privacy)
admin-settings-label-paysupport = Поддержка по оплате (/paysupport)
admin-settings-label-response-time = «Обычно отвечает в течение …» (чеки)
admin-settings-label-costs = Цены сообщений
admin-settings-label-low = Предупреждать о низком балансе ниже
admin-settings-label-bonus = Бонус новым фанатам
admin-settings-label-tutorial = Бонус за знакомство
admin-settings-label-tutorial-bonus = Бонус за знакомство (кредиты)
admin-settings-label-receipts = Чеки
admin-settings-label-relay = Режим пересылки
admin-settings-label-cap = Лимит автопополнения в месяц
admin-settings-label-topics = Новых тем в минуту
admin-settings-label-edits = Повтор правок на сообщение
admin-settings-label-timezone = Часовой пояс
admin-settings-label-currency = Валюта магазина
admin-settings-label-paused = Линия на паузе
admin-settings-label-card = Оплата картой
admin-settings-label-auto = Автопополнение
admin-settings-label-premium = Премиум-контент
admin-settings-label-tiers = Пороги уровней
admin-settings-label-tier-regular = Постоянный от (потрачено кредитов)
admin-settings-label-tier-vip = VIP от (потрачено кредитов)
admin-settings-label-language = Язык по умолчанию
admin-settings-label-group-language = Язык группы администраторов
admin-settings-label-cost = Цена: { $type }

## Values
admin-settings-receipts-every = после каждого сообщения
admin-settings-receipts-low = только при низком балансе
admin-settings-receipts-off = никогда
admin-settings-relay-copy = копия (без «переслано от»)
admin-settings-relay-forward = пересылка (видно имя фаната)
admin-settings-cannot-send = нельзя отправить
admin-settings-edits-off = не повторяются
admin-settings-credits = { $count ->
    [one] { $count } кредит
    [few] { $count } кредита
    [many] { $count } кредитов
   *[other] { $count } кредита
  }

## Typing a value
admin-settings-current = <b>{ $label }</b>
    Сейчас: { $value }
admin-settings-ask-int = Отправьте целое число от { $min } до { $max } или /cancel.
admin-settings-ask-amount = Отправьте сумму в { $currency } от { $min } до { $max } (например, 49.99) или /cancel.
admin-settings-ask-timezone = Отправьте часовой пояс в виде имени IANA, например Europe/Madrid, America/Sao_Paulo или UTC, или /cancel. Дни в сводке начинаются в полночь по этому поясу.
admin-settings-ask-currency = Отправьте трёхбуквенный код валюты (ISO 4217), например usd, eur или brl, или /cancel. Цены всех товаров при оплате картой указываются в этой валюте.
admin-settings-ask-cost = Отправьте цену в кредитах — целое число от { $min } до { $max } (0 = бесплатно) — или /cancel. Или запретите этот тип:
admin-settings-cost-refuse-button = 🚫 Нельзя отправить
admin-settings-edits-hint = Каждая повторённая правка расходует одну отправку из лимита группы администраторов.
admin-settings-overview-search = 🔎 Тексты сообщений для поиска хранятся: { $days }
admin-settings-label-search-retention = Хранение текстов сообщений для поиска
admin-settings-search-retention-days = { $days ->
    [0] не хранятся
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
admin-settings-search-retention-hint = Сколько дней текст и подписи пересланных сообщений доступны в /search; ежедневная задача удаляет более старые. 0 — не хранить.
admin-settings-edits-off-button = Выключить повтор правок
admin-settings-edits-on-button = Включить повтор правок ({ $limit })
admin-settings-topics-hint = Каждый новый диалог расходует четыре из 20 отправок в минуту группы администраторов; сверх этого новые фанаты ждут своей очереди (оплата списана, сообщение в очереди).
admin-settings-cap-hint = Максимум, который автопополнения одного фаната могут списать за календарный месяц.
admin-settings-tiers-hint = Кредиты, потраченные за всё время (сообщения и разблокировки, не подарки и не бонусы). Повышение происходит автоматически, а сам по себе уровень никогда не понижается; VIP должен быть выше Постоянного.
admin-settings-choose = Выберите вариант:
admin-settings-choice-current = ✅ { $label }
admin-settings-language-hint = Если вашего текста нет на языке фаната, берётся язык по умолчанию; на нём же показываются экраны администрирования, пока участник не выберет свой.
admin-settings-group-language-hint = На этом языке бот пишет в группе администраторов (карточки, входящие, заметки).

## Errors (the question stays open)
admin-settings-error-number = ⚠️ Это не целое число. Отправьте только цифры, например 5.
admin-settings-error-amount = ⚠️ Это не сумма. Отправьте число, например 49.99.
admin-settings-error-min = ⚠️ Слишком мало: минимум — { $min }.
admin-settings-error-max = ⚠️ Слишком много: максимум — { $max }.
admin-settings-error-too-long = ⚠️ Слишком длинно: символов — { $length }, максимум — { $max }. Сократите и отправьте снова.
admin-settings-error-empty = ⚠️ Отправьте какой-нибудь текст (или вернитесь и нажмите «Очистить», чтобы использовать встроенный текст).
admin-settings-error-text = ⚠️ Отправьте текст сообщением (фото и файлы здесь не подходят).
admin-settings-error-timezone = ⚠️ Такой часовой пояс мне не известен. Используйте имя IANA, например Europe/Madrid или America/New_York.
admin-settings-error-currency = ⚠️ Это не код валюты: используйте три буквы, например usd или eur.
admin-settings-error-tiers = ⚠️ Порог VIP должен быть выше порога Постоянного (сейчас Постоянный { $regular }, VIP { $vip }).
admin-settings-error-invalid = ⚠️ Это значение не подходит для этой настройки.
admin-settings-try-again = Отправьте другое значение или /cancel.

## Texts per language
admin-settings-texts-title = 📝 <b>Тексты для фанатов</b>
    Каждый задаётся для языка: фанат читает текст на своём языке, иначе — на языке по умолчанию ({ $language }), иначе — встроенный текст.
admin-settings-text-languages = <b>{ $label }</b>
    Выберите язык, на котором его написать:
admin-settings-text-lang-own = { $language } ✏️
admin-settings-text-lang-builtin = { $language } (встроенный)
admin-settings-text-current-own = <b>{ $label }</b> · { $language }
    Сейчас (ваш текст):
admin-settings-text-current-builtin = <b>{ $label }</b> · { $language }
    Сейчас: встроенный текст
admin-settings-text-current-none = <b>{ $label }</b> · { $language }
    Сейчас: не показывается
admin-settings-text-ask = Отправьте новый текст (обычный текст, не больше { $max } символов) или /cancel.
admin-settings-text-clear-button = 🗑 Очистить (встроенный текст)
admin-settings-text-cleared = ✅ Очищено: для <b>{ $label }</b> ({ $language }) снова используется встроенный текст.
admin-settings-preview = 👀 <b>Предпросмотр</b>: ровно это увидит фанат, читающий на языке { $language }.
admin-settings-preview-save = ✅ Сохранить
admin-settings-preview-edit = ✏️ Изменить ещё раз
admin-settings-preview-cancel = ✖ Отмена
admin-settings-preview-hint = Сохраните, отправьте другой вариант на замену или нажмите «Отмена».
admin-settings-draft-gone = Этот предпросмотр уже закрыт (его отменили или заменили): ничего не сохранено.
admin-settings-response-time-hint = Показывается под каждым чеком, например «Обычно я отвечаю в течение нескольких часов». Пусто — не показывается.

## Switches
admin-settings-switches-title = 🔀 <b>Переключатели</b>
admin-settings-switch-line = { $label }: <b>{ $value }</b>
admin-settings-switch-on-button = Включить: { $label }
admin-settings-switch-off-button = Выключить: { $label }
admin-settings-stars-always = ⭐ Telegram Stars включены всегда: Telegram требует их для цифровых товаров.
admin-settings-stripe-off = 💳 Оплата картой: Stripe не настроен, переключать нечего (задайте STRIPE_SECRET_KEY, чтобы продавать за карту).
admin-settings-card-hint = Выкл.: /buy, /billing и /autorecharge не предлагают оплату картой, как будто Stripe не настроен.
admin-settings-auto-hint = Выкл.: автопополнения не выполняются, а /autorecharge сообщает, что оно выключено (выбор фанатов сохраняется на будущее).
admin-settings-tutorial-hint = Вкл.: новый фанат, прошедший быстрое знакомство в /start, один раз получает бонус за знакомство. Выкл.: за знакомство ничего не начисляется.
admin-settings-tutorial-bonus-hint = Сколько кредитов новый фанат получает (один раз) за то, что прошёл быстрое знакомство в /start (0 — нисколько).
admin-settings-premium-hint = Выкл.: /content сообщает, что премиум-контент недоступен; то, что у фанатов уже есть, можно отправить снова.
admin-settings-pause-hint = На паузе: сообщения фанатов не пересылаются и не оплачиваются; каждый получает уведомление. Покупки и /balance продолжают работать.

## Recent changes
admin-settings-recent-title = 🕓 <b>Последние изменения</b> (последние: { $count })
admin-settings-recent-empty = Здесь ещё не меняли ни одной настройки.
admin-settings-recent-line = { $at } · { $who } · { $label }: { $old } → { $new }
admin-settings-owner-only = 🔒 Бонус новым фанатам, валюта магазина, лимит автопополнения и переключатели оплаты картой и автопополнения касаются денег: менять их могут только владельцы.
admin-settings-overview-discounts = 🎁 Скидки уровней на сообщения: Новый { $new }% · Постоянный { $regular }% · VIP { $vip }%
admin-settings-label-discounts = Скидки уровней
admin-settings-label-discount = Скидка «{ $tier }» (%)
admin-settings-discounts-hint = Скидка в процентах на каждое сообщение для фанатов этого уровня (от 0 до 90). Цена округляется по правилу «половина вверх» и не бывает меньше 1 кредита; о повышении уровня фанат узнаёт один раз, вместе со скидкой.
admin-settings-percent = { $value }%

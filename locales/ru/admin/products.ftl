## Products
# Экран «Товары» центра управления (/products): пакеты кредитов и пропуски, цены по способам оплаты,
# вкл./выкл., порядок, метки, синхронизация со Stripe.

admin-hub-category-products = 🛒 Товары
admin-products-title = 🛒 <b>Товары</b> · что продаёт /buy, в этом порядке (🟢 в продаже, ⚪️ нет)
admin-products-stripe-on = 💳 Цены для карт в { $currency }, синхронизированы со Stripe.
admin-products-stripe-off = 💳 Stripe не настроен: оплата картой выключена. Цены для карт (в { $currency }) сохранены на будущее.
admin-products-card-payments-off = 💳 Оплата картой выключена в настройках. Цены для карт (в { $currency }) по-прежнему хранятся в Stripe.
admin-products-empty = Пакетов и пропусков пока нет. Создайте первый ниже.
admin-products-money = { $price }
admin-products-amount-credits = { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
        [many] { $credits } кредитов
       *[other] { $credits } кредита
    }
admin-products-amount-time = { $length } безлимитных сообщений
admin-products-card = 💳 Карта: { $price }
admin-products-card-none = 💳 Карта: не продаётся за карту
admin-products-new-button = ➕ Новый пакет или пропуск
admin-products-content-button = 🖼 Эксклюзивный контент
admin-products-not-found = Такого товара нет (больше нет). Ничего не изменено.
admin-products-invalid = Недопустимое значение. Ничего не изменено.

## Product card
admin-products-item-pack = 💬 <b>Пакет кредитов</b>: { $title }
admin-products-item-pass = ⏳ <b>Пропуск</b>: { $title }
admin-products-item-active = 🟢 В продаже в /buy
admin-products-item-inactive = ⚪️ Снят с продажи (фанаты его не видят)
admin-products-item-stars = ⭐ Stars: { $stars }
admin-products-item-stripe-off = Stripe: не настроен, оплата картой выключена.
admin-products-item-stripe-none = Stripe: синхронизировать нечего (не продаётся за карту).
admin-products-item-stripe-pending = ⚠️ Stripe: <b>не синхронизировано</b>. Пока синхронизация не пройдёт, при оплате списывается цена, записанная здесь.
admin-products-item-stripe-inline = Stripe: списывается цена, записанная здесь (Price в Stripe для неё ещё не создан).
admin-products-item-stripe-synced = Stripe: синхронизировано (<code>{ $price }</code>)
admin-products-item-label = Метка в /buy: { $label }
admin-products-item-link = 🔗 Ссылка для покупки (для вашего канала или рассылки): <code>{ $link }</code>
admin-products-label-none = Без метки
admin-products-edit-title = ✏️ Название
admin-products-edit-credits = ✏️ Кредиты
admin-products-edit-length = ✏️ Длительность
admin-products-edit-stars = ✏️ Цена в ⭐ Stars
admin-products-edit-card = ✏️ Цена 💳 для карты
admin-products-activate = ▶️ Выставить на продажу
admin-products-deactivate = ⏸ Снять с продажи
admin-products-up = ⬆️ Выше
admin-products-down = ⬇️ Ниже
admin-products-retry-sync = 🔁 Повторить синхронизацию со Stripe
admin-products-create-price = 💳 Создать Price в Stripe
admin-products-activated = ✅ Снова в продаже.
admin-products-deactivated = ✅ Снят с продажи: /buy его больше не показывает.
admin-products-moved = ✅ Перемещён.
admin-products-not-moved = Он уже на этом краю списка.
admin-products-label-saved = ✅ Метка сохранена.
admin-products-saved = ✅ Сохранено.
admin-products-unchanged = Значение и так было таким: ничего не изменилось.
admin-products-created = ✅ Создан и выставлен на продажу в /buy.
admin-products-sync-done = ✅ Stripe синхронизирован: создан новый Price, старый архивирован.
admin-products-sync-off = Stripe не настроен: цена для карты сохранена, оплата картой выключена.
admin-products-sync-failed = ⚠️ <b>Синхронизация со Stripe не удалась</b>: { $error }
    Пока что при оплате списывается цена, записанная здесь. Нажмите «Повторить», чтобы попробовать снова.
admin-products-paused-fans = 🔄 Автопополнение приостановлено у { $count ->
        [one] { $count } фаната
        [few] { $count } фанатов
        [many] { $count } фанатов
       *[other] { $count } фаната
    }, использующих этот пакет; каждого попросили подтвердить новые условия или выключить его.

## Questions
admin-products-ask-current = Сейчас: { $current }
admin-products-ask-title = ✏️ Отправьте новое название (от 1 до { $max } символов) или /cancel.
admin-products-ask-credits = ✏️ Отправьте количество кредитов (от 1 до { $max }) или /cancel.
admin-products-ask-length = ✏️ Отправьте длительность пропуска, например <code>12h</code>, <code>1d</code>, <code>7d</code> или <code>1w</code> (от часа до года), или /cancel.
admin-products-ask-stars = ✏️ Отправьте цену в звёздах Telegram (от 1 до { $max }) или /cancel.
admin-products-ask-card = ✏️ Отправьте цену для карты в { $currency }, например <code>4.99</code> (не больше { $max }), или <code>0</code>, чтобы продавать только за Stars. /cancel — отмена.
admin-products-bad-title = ❌ Название должно быть от 1 до { $max } символов. Отправьте снова или /cancel.
admin-products-bad-credits = ❌ Это не целое число кредитов от 1 до { $max }. Отправьте снова или /cancel.
admin-products-bad-length = ❌ Это не длительность от часа до года (например <code>12h</code>, <code>7d</code>, <code>1w</code>). Отправьте снова или /cancel.
admin-products-bad-stars = ❌ Это не целое число звёзд от 1 до { $max }. Отправьте снова или /cancel.
admin-products-bad-card = ❌ Это не цена в { $currency } больше 0 и не больше { $max } (например <code>4.99</code>; <code>0</code> — только за Stars). Отправьте снова или /cancel.

## New product
admin-products-new-title = ➕ <b>Новый товар</b>
admin-products-ask-kind = Что вы хотите продавать?
admin-products-kind-credits = 💬 Пакет кредитов
admin-products-kind-time = ⏳ Пропуск
admin-products-new-pack = ➕ <b>Новый пакет кредитов</b>
admin-products-new-pass = ➕ <b>Новый пропуск</b>
admin-products-new-so-far-title = Название: { $title }
admin-products-step = <i>Шаг { $step } из { $steps }</i>
admin-products-cancel-hint = <i>/cancel — выйти, ничего не создавая.</i>

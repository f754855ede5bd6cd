## Buy

billing-catalog-title = 🛒 <b>Что можно купить</b>
billing-catalog-empty = Сейчас ничего не продаётся. Загляните чуть позже.
billing-catalog-packs = 💬 <b>Пакеты кредитов</b>
billing-catalog-passes = ⏳ <b>Пропуска по времени</b> (сообщения без ограничений)
billing-catalog-footer = Кредиты списываются за каждое сообщение (текст, фото, голосовое…); с пропуском все сообщения бесплатны, пока он действует.
billing-product-line = • <b>{ $title }</b>: ⭐ { $stars }
billing-product-line-card = • <b>{ $title }</b>: ⭐ { $stars } · 💳 { $price }
billing-card-button = 💳 { $price }
billing-rail-question = { $title }: оплатить звёздами Telegram или картой?
billing-rail-stars = ⭐ { $stars } Stars
billing-rail-card = 💳 Картой { $price }
billing-no-such-pack = Пакета на { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
   *[many] { $credits } кредитов
  } нет. Есть такие:
billing-pack-line = /buy{ $size } · { $title } (⭐ { $stars })
billing-not-on-sale = Этот товар больше не продаётся. Отправьте /buy, чтобы посмотреть, что есть.
billing-banned = 🚫 К сожалению, покупки для вашего аккаунта недоступны.
billing-card-blocked = 💳 Оплата картой для вашего аккаунта пока недоступна. Звёздами Telegram платить по-прежнему можно: /buy
billing-invoice-invalid = Этот счёт больше не действителен. Откройте /buy и попробуйте ещё раз.
billing-invoice-off-sale = Этот товар больше не продаётся. Выберите другой в /buy.
billing-invoice-price-changed = Цена изменилась после того, как был выставлен счёт. Актуальная цена — в /buy.

## Receipts

billing-receipt-credits = ✅ <b>+{ $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
   *[many] { $credits } кредитов
  }</b> — баланс { $balance }
    <code>{ balance-bar }</code>
    <i>Оплачено: { $paid }.</i>
billing-receipt-auto-recharge = 🔄 Автопополнение: <b>+{ $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
   *[many] { $credits } кредитов
  }</b> — баланс { $balance }
    <code>{ balance-bar }</code>
    <i>Оплачено: { $paid }.</i>
billing-receipt-pass = ✅ <b>Пропуск действует до { $until }</b>: до этого времени все сообщения бесплатны.
    <i>Оплачено: { $paid }.</i>

## Time passes

billing-pass-ending = ⏳ Ваш пропуск закончится через { $left }. Продлите его в /buy, чтобы и дальше писать бесплатно.
billing-pass-last-minute = ⏳ Ваш пропуск закончится через { $left }.
billing-pass-ended = ⌛ Ваш пропуск закончился: сообщения снова стоят кредиты.
    <code>{ balance-bar }</code>
    Отправьте /buy, чтобы купить кредиты или новый пропуск.

## Card payments

billing-card-processing = ⏳ Спасибо! Ваш банк обрабатывает платёж на { $price } за { $kind ->
        [credits] { $credits ->
            [one] { $credits } кредит
            [few] { $credits } кредита
           *[many] { $credits } кредитов
        }
        [time] пропуск на { $duration }
       *[other] { $title }
    }. Как только он пройдёт, мы напишем здесь.
billing-card-failed = ❌ Оплата картой на { $price } за { $kind ->
        [credits] { $credits ->
            [one] { $credits } кредит
            [few] { $credits } кредита
           *[many] { $credits } кредитов
        }
        [time] пропуск на { $duration }
       *[other] { $title }
    } не прошла. { $reason }
    Деньги не списаны. Можно попробовать другую карту или оплатить звёздами Telegram.
billing-card-retry-button = 🔁 Попробовать ещё раз
billing-pay-stars-button = ⭐ Оплатить звёздами
billing-card-saved = 💳 Карта { $card } сохранена. Управлять ею или удалить её можно через /billing.
billing-card-saved-auto = 💳 Карта { $card } сохранена. Управлять ею или удалить её можно через /billing. Автопополнение включено: оно сработает, когда баланс опустится ниже { $threshold ->
        [one] { $threshold } кредита
        [few] { $threshold } кредитов
       *[many] { $threshold } кредитов
    }.
billing-card-saved-auto-now = 💳 Карта { $card } сохранена. Управлять ею или удалить её можно через /billing. Автопополнение включено: оно сработает, когда баланс опустится ниже { $threshold ->
        [one] { $threshold } кредита
        [few] { $threshold } кредитов
       *[many] { $threshold } кредитов
    }. Баланс уже ниже, поэтому пополняем сейчас.
billing-card-removed = 💳 Сохранённая карта { $card } удалена.
billing-card-removed-auto = 💳 Сохранённая карта { $card } удалена. Для автопополнения нужна карта: добавьте её через /autorecharge.

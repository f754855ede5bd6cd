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
billing-buy-credits-button = 🛒 Купить кредиты

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

## Checkout

billing-checkout-link = 💳 <b>{ $title }</b> за { $price }
    Нажмите кнопку ниже, чтобы оплатить на защищённой странице Stripe. После оплаты вы вернётесь сюда, и покупка подтвердится в этом чате.
billing-checkout-pay-button = Оплатить { $price }
billing-checkout-unavailable = Оплата картой здесь недоступна. Можно оплатить звёздами Telegram: /buy
billing-checkout-error = Страницу оплаты картой сейчас не удалось открыть. Попробуйте через минуту или оплатите звёздами Telegram: /buy
billing-checkout-stars-only = Этот товар можно оплатить только звёздами Telegram: /buy
billing-card-retry-by-card-button = 💳 Ещё раз картой
billing-status-not-found = Не могу найти этот платёж. Ваши покупки — в /history.
billing-status-paid-pass = ✅ Платёж №{ $id } получен: { $title } ({ $price }). Пропуск действует до { $until }.
billing-status-paid-credits = ✅ Платёж №{ $id } получен: { $title } ({ $price }). Ваш баланс: { $balance ->
        [one] { $balance } кредит
        [few] { $balance } кредита
       *[many] { $balance } кредитов
    }.
billing-status-pending = ⏳ Платёж №{ $id } за { $title } ({ $price }) ещё не подтверждён. Если вы только что оплатили, подтверждение скоро придёт сюда. Если вы ушли со страницы оплаты, можно начать заново:
billing-status-failed = ❌ Платёж №{ $id } за { $title } ({ $price }) не прошёл. Деньги не списаны.
billing-status-refunded = ↩️ Платёж №{ $id } за { $title } ({ $price }) возвращён.
billing-status-refunded-pass = ↩️ Платёж №{ $id } за { $title } ({ $price }) возвращён (вместе с пропуском на { $duration }).
billing-portal = 🧾 Ваша страница оплаты в Stripe: сохранённые карты, чеки и история платежей. Ссылка действует несколько минут.
billing-portal-button = Открыть
billing-portal-unavailable = Оплата картой здесь не настроена, поэтому страницы оплаты нет. Покупки звёздами Telegram — в /history.
billing-portal-no-customer = У вас ещё нет платёжного профиля. Он появится при первой оплате картой: откройте /buy и нажмите на цену с 💳. Ваши покупки — в /history.
billing-portal-error = Страницу оплаты сейчас не удалось открыть. Попробуйте через минуту.

## Refunds

billing-refunded-credits = ↩️ Ваш платёж ⭐ { $stars } за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    } возвращён.{ $taken ->
        [0] {""}
       *[other] {" "}Списано { $taken ->
            [one] { $taken } кредит
            [few] { $taken } кредита
           *[many] { $taken } кредитов
        }.
    } Баланс: { $balance ->
        [one] { $balance } кредит
        [few] { $balance } кредита
       *[many] { $balance } кредитов
    }.
billing-refunded-pass = ↩️ Ваш платёж ⭐ { $stars } за пропуск на { $duration } возвращён. Теперь пропуск действует до { $until }.
billing-refunded-pass-ended = ↩️ Ваш платёж ⭐ { $stars } за пропуск на { $duration } возвращён. Пропуск закончился.
billing-card-refunded-credits = ↩️ Возвращено { $amount } из вашего платежа за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    }{ $full ->
        [yes] {" "}(весь платёж)
       *[no] {""}
    }.{ $taken ->
        [0] {""}
       *[other] {" "}Списано { $taken ->
            [one] { $taken } кредит
            [few] { $taken } кредита
           *[many] { $taken } кредитов
        }.
    } Баланс: { $balance ->
        [one] { $balance } кредит
        [few] { $balance } кредита
       *[many] { $balance } кредитов
    }.
billing-card-refunded-pass = ↩️ Возвращено { $amount } из вашего платежа за пропуск на { $duration }{ $full ->
        [yes] {" "}(весь платёж)
       *[no] {""}
    }. Теперь пропуск действует до { $until }.
billing-card-refunded-pass-ended = ↩️ Возвращено { $amount } из вашего платежа за пропуск на { $duration }{ $full ->
        [yes] {" "}(весь платёж)
       *[no] {""}
    }. Пропуск закончился.
billing-card-refunded-item = ↩️ Возвращено { $amount } из вашего платежа за { $title }.
billing-payment-unmatched = Спасибо, ваш платёж получен. С ним что-то не так, поэтому мы сообщили команде, и она во всём разберётся вместе с вами.
billing-payment-stuck = Спасибо, ваш платёж получен. Пока не удалось его зачислить, поэтому мы сообщили команде, и она во всём разберётся вместе с вами.

## Auto-recharge

billing-auto-title = 🔄 <b>Автопополнение</b>
billing-auto-status-on = Включено: покупает { $title } ({ $price }), когда баланс опускается ниже { $threshold ->
        [one] { $threshold } кредита
       *[other] { $threshold } кредитов
    }.
billing-auto-status-off = Выключено. Включите, чтобы баланс пополнялся с сохранённой карты, когда кредиты заканчиваются.
billing-auto-card = 💳 Карта: { $card } (управление — /billing)
billing-auto-no-card-yet = 💳 Сохранённой карты пока нет.
billing-auto-change-button = ✏️ Изменить
billing-auto-off-button = ⏹ Выключить
billing-auto-on-button = ▶️ Включить
billing-auto-unavailable = Для автопополнения нужна оплата картой, а она здесь не настроена. Пополните баланс через /buy.
billing-auto-off-here = Автопополнение здесь пока отключено: ничего не списывается автоматически. Пополните баланс через /buy.
billing-auto-charging-now = Баланс уже ниже этого порога, поэтому пополнение начнётся сейчас.
billing-auto-save-card = 👉 Последний шаг: сохраните карту на защищённой странице Stripe. Сейчас ничего не списывается.
billing-auto-save-card-button = 💳 Сохранить карту
billing-auto-pack-button = { $title } ({ $price })
billing-auto-which-pack = 🔄 Какой пакет покупать при автопополнении?
billing-auto-which-threshold = 🔄 Покупать, когда баланс опустится ниже скольких кредитов?
billing-auto-unknown-pack = Этот пакет больше не продаётся. Выберите другой.
billing-auto-bad-threshold = Такой порог не подходит. Выберите одну из кнопок.
billing-auto-provider-error = Не удалось связаться со Stripe. Попробуйте через минуту.
billing-auto-not-available = Автопополнение здесь недоступно.
billing-auto-turned-off = Автопополнение выключено.
billing-auto-saved = Сохранено.
billing-auto-pack-gone = 🔄 Автопополнение выключено: его пакет больше не продаётся за карту. Выберите другой через /autorecharge.
billing-auto-no-card = 🔄 Баланс на исходе, но у автопополнения ещё нет сохранённой карты. Сохраните её через /autorecharge.
billing-auto-capped = 🔄 Автопополнение приостановлено: достигнут месячный лимит { $cap }. Оно возобновится в следующем месяце, а пока пополняйте баланс через /buy.
billing-auto-confirm = 🔐 Банк просит подтвердить автопополнение на { $price } за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    }. Нажмите кнопку ниже, чтобы подтвердить.
billing-auto-confirm-buy = 🔐 Банк просит подтвердить автопополнение на { $price } за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    }. Купите пакет через /buy, чтобы пополнить баланс.
billing-auto-confirm-button = Подтвердить { $price }
billing-auto-declined = ❌ Автопополнение на { $price } за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    } не прошло: { $reason }. Обновите карту через /billing или пополните баланс через /buy.
billing-auto-declined-card = ❌ Автопополнение на { $price } за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    } не прошло: карта отклонена. Обновите карту через /billing или пополните баланс через /buy.
billing-auto-off = 🔄 Автопополнение выключено после { $failures ->
        [one] { $failures } неудачной попытки
       *[other] { $failures } неудачных попыток
    } подряд. Включите его снова через /autorecharge, когда карта заработает.

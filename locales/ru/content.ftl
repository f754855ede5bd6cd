## Content

content-media = { $files ->
    [0] { $tracks ->
        [0] { $photos ->
            [0] { $videos } видео
           *[other] { $videos ->
                [0] { $photos } фото
               *[other] { $photos } фото, { $videos } видео
            }
        }
        [one] { $tracks } аудиотрек
        [few] { $tracks } аудиотрека
       *[many] { $tracks } аудиотреков
    }
    [one] { $files } файл
    [few] { $files } файла
   *[many] { $files } файлов
  }
content-locked-paid-media = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Нажмите на картинку, чтобы открыть за ⭐ { $stars }, или воспользуйтесь кнопкой ниже: { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    }.
content-locked-card = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Открыть за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    } или за ⭐ { $stars }.
content-unlocked-card = ✅ <b>{ $title }</b> · ваше
    📎 { content-media } · можно прислать ещё раз в любой момент, бесплатно.
content-footer = 🎁 <b>Эксклюзивный контент</b>{ $pages ->
        [1] {""}
       *[other] {" "}· страница { $page } из { $pages }
    } ({ $total ->
        [one] { $total } материал
        [few] { $total } материала
       *[many] { $total } материалов
    })
    Открытое остаётся вашим: его можно прислать ещё раз бесплатно.
content-delivery-caption = 🔓 <b>{ $title }</b>
content-empty = 🎁 Эксклюзивного контента пока нет. Загляните чуть позже!
content-off = 🎁 Эксклюзивный контент сейчас недоступен. Загляните позже!
content-unavailable = Этот материал больше недоступен. Отправьте /content, чтобы увидеть актуальный список.
content-unlocked = 🔓 Открыто за { $cost ->
        [one] { $cost } кредит
        [few] { $cost } кредита
       *[many] { $cost } кредитов
    } (на балансе { $balance }). Уже отправляем!
content-resent = Это уже ваше: отправляем ещё раз, бесплатно.
content-on-its-way = Уже в пути.
content-price-changed = Цена «{ $title }» теперь { $cost ->
        [one] { $cost } кредит
        [few] { $cost } кредита
       *[many] { $cost } кредитов
    }. Ничего не списано: отправьте /content, чтобы открыть по новой цене.
content-already-owned = Это уже ваше: нажмите «📤 Прислать ещё раз», это бесплатно.
content-insufficient = 💳 <b>{ $title }</b> стоит { $cost ->
        [one] { $cost } кредит
        [few] { $cost } кредита
       *[many] { $cost } кредитов
    }, а у вас { $balance ->
        [one] { $balance } кредит
        [few] { $balance } кредита
       *[many] { $balance } кредитов
    }.
    Пополните баланс, чтобы открыть: ничего не списано.
content-button-unlock = 🔓 Открыть за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    }
content-button-stars = ⭐ { $stars } Stars
content-button-resend = 📤 Прислать ещё раз
content-button-previous = ◀️ Назад
content-button-more = ▶️ Ещё
content-paid-media-unlocked = ✅ <b>{ $title }</b> теперь ваше. Присылайте ещё раз когда угодно через /content, бесплатно.
content-invoice-unlocked = ✅ <b>{ $title }</b> открыто за ⭐ { $stars }. Уже отправляем; через /content можно получить ещё раз в любой момент, бесплатно.
content-credits-returned = ↩️ Вы оплатили в Stars <b>{ $title }</b>, хотя уже открыли это за кредиты: возвращаем { $returned ->
        [one] { $returned } кредит
        [few] { $returned } кредита
       *[many] { $returned } кредитов
    }. Баланс: { $balance ->
        [one] { $balance } кредит
        [few] { $balance } кредита
       *[many] { $balance } кредитов
    }.
content-paid-twice = ℹ️ <b>{ $title }</b> уже было вашим до этого платежа. Команда в курсе и вернёт второй платёж.
content-invoice-description = Открыть «{ $title }» ({ content-media }): пришлём сюда сразу после оплаты, а потом в любой момент через /content.
content-refunded = ↩️ Ваш платёж ⭐ { $stars } за <b>{ $title }</b> возвращён.
content-refunded-revoked = ↩️ Ваш платёж ⭐ { $stars } за <b>{ $title }</b> возвращён. Этого материала больше нет среди открытых вами.
content-precheckout-gone = Этот материал больше не продаётся. Отправьте /content, чтобы посмотреть, что есть.
content-precheckout-owned = Это уже ваше: отправьте /content и нажмите «Прислать ещё раз», это бесплатно.
content-precheckout-price = Цена изменилась с момента выставления счёта. Откройте /content, чтобы увидеть актуальную цену.

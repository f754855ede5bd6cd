## Content (admin)
# Управление эксклюзивным контентом в личном чате админа: список, инструменты одного материала, добавление и правка
# (пошаговый сценарий) и оповещение владельцев о повторной оплате материала.

content-admin-only-admins = Эти кнопки доступны только админам.
content-admin-ask-media = 📤 <b>Новый материал.</b> Отправьте медиа: фото, видео, файл или аудио, либо альбом (до 10).
    /cancel — отмена.
content-admin-cancelled = Отменено: ничего не сохранено.
content-admin-nothing-to-cancel = Нечего отменять.
content-admin-step-media = Отправьте фото, видео, файл или аудио (или альбом до 10).
content-admin-step-title = Отправьте <b>название</b> (1–64 символа).
content-admin-step-credits = Отправьте цену в <b>кредитах</b> (1–100000).
content-admin-step-stars = Отправьте цену в <b>звёздах Telegram</b> (1–10000).
content-admin-step-edit-title = Отправьте новое <b>название</b> (1–64 символа) или /cancel.
content-admin-step-edit-credits = Отправьте новую цену в <b>кредитах</b> (1–100000) или /cancel.
content-admin-step-edit-stars = Отправьте новую цену в <b>Stars</b> (1–10000) или /cancel.
content-admin-edit-prompt = ✏️ <b>{ $title }</b> (#{ $id }): { $ask }
content-admin-got-media = 📎 Медиа получено. { $ask }
    (Элементы альбома добавляются по мере поступления.)
content-admin-got-title = Название: <b>{ $title }</b>. { $ask }
content-admin-got-credits = 💳 { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
        [many] { $credits } кредитов
       *[other] { $credits } кредита
    }. { $ask }
content-admin-retry = 🙅 Так не получится: { $reason }.
    { $ask }
content-admin-bad-title = нужно название от 1 до { $max } символов
content-admin-bad-credits = нужно целое число кредитов от 1 до { $max }
content-admin-bad-stars = нужно целое число звёзд от 1 до { $max }
content-admin-album-limit = в материале может быть один альбом до { $max } фото и видео, файлов или аудиотреков
content-admin-want-text-value = отправьте новое значение текстом
content-admin-has-media = у этого материала уже есть медиа (один файл или один альбом на материал)
content-admin-unsellable = голосовые, GIF, стикеры и видеосообщения продавать нельзя: отправьте фото, видео, файл или аудио (или альбом)
content-admin-as-text = отправьте это текстом
content-admin-media-first = сначала отправьте медиа: фото, видео, файл или аудио, либо альбом
content-admin-incomplete = черновик был неполным: отправьте медиа ещё раз
content-admin-gone = Этого материала больше нет: ничего не изменено.
content-admin-prices = { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
        [many] { $credits } кредитов
       *[other] { $credits } кредита
    } · ⭐ { $stars }
content-admin-created = ✅ Добавлено: <b>{ $title }</b> (#{ $id }): { content-media } · { $prices }.
    Фанаты видят его в /content.
content-admin-saved = ✅ Сохранено: <b>{ $title }</b> · { $prices }.
content-admin-empty = 🎁 <b>Эксклюзивный контент</b>
    Пока пусто. Добавьте первый материал через /content add (или ➕ ниже).
content-admin-list-title = 🎁 <b>Эксклюзивный контент</b> · { $total ->
        [one] { $total } материал
        [few] { $total } материала
        [many] { $total } материалов
       *[other] { $total } материала
    }{ $pages ->
        [1] {""}
       *[other] {" "}· стр. { $page }/{ $pages }
    }
content-admin-list-line = { $position }. <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } разблокировка
        [few] { $unlocks } разблокировки
        [many] { $unlocks } разблокировок
       *[other] { $unlocks } разблокировки
    }
content-admin-list-line-hidden = { $position }. 🙈 <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } разблокировка
        [few] { $unlocks } разблокировки
        [many] { $unlocks } разблокировок
       *[other] { $unlocks } разблокировки
    } · скрыт
content-admin-list-hint = Нажмите на материал, чтобы изменить, скрыть или переместить его.
content-admin-item = 🎁 <b>{ $title }</b> (#{ $id })
    📎 { content-media } · { $paidMedia ->
        [yes] Stars: платное медиа
       *[no] Stars: счёт
    }
    💳 { $prices }
    🔓 { $unlocks ->
        [one] { $unlocks } разблокировка
        [few] { $unlocks } разблокировки
        [many] { $unlocks } разблокировок
       *[other] { $unlocks } разблокировки
    } · { $hidden ->
        [yes] 🙈 скрыт (снят с продажи; у купивших фанатов остаётся)
       *[no] 👁 в продаже
    }
    Позиция { $position } из { $total }
content-admin-hidden = Скрыт: снят с продажи.
content-admin-shown = Снова в продаже.
content-admin-moved-up = Перемещён выше.
content-admin-moved-down = Перемещён ниже.
content-admin-already-first = Уже первый.
content-admin-already-last = Уже последний.
content-admin-sending = Отправляю вам…
content-admin-button-add = ➕ Добавить
content-admin-button-fan-view = 👀 Как видят фанаты
content-admin-button-title = ✏️ Название
content-admin-button-credits = 💳 Кредиты
content-admin-button-stars = ⭐ Stars
content-admin-button-show = 👁 Показать
content-admin-button-hide = 🙈 Скрыть
content-admin-button-up = ⬆️ Выше
content-admin-button-down = ⬇️ Ниже
content-admin-button-send = 📤 Прислать мне
content-admin-button-list = ⬅️ Список
content-admin-double-paid-media = ⚠️ Фанат <code>{ $userId }</code> заплатил ⭐ { $stars } (платное медиа) за <b>{ $title }</b> (#{ $itemId }), хотя уже владел им. У платного медиа нет id списания для /refund: компенсируйте иначе (например, /gift в его теме).
content-admin-double-invoice = ⚠️ Фанат <code>{ $userId }</code> заплатил ⭐ { $stars } (счёт, платёж #{ $paymentId }, списание <code>{ $chargeId }</code>) за <b>{ $title }</b> (#{ $itemId }), хотя уже владел им. Верните платёж командой /refund { $paymentId } в его теме.
content-admin-item-link = 🔗 Ссылка на него (для вашего канала или рассылки): <code>{ $link }</code>

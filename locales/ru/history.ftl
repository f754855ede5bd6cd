## History

history-title = 🧾 <b>Ваша история</b> · страница { $page }/{ $pages }
history-totals = Куплено { $purchased } · потрачено { $spent } · подарки/бонусы { $gifted } · возвращено { $returned }{ $takenBack ->
        [0] {""}
       *[other] {" "}· списано при возврате { $takenBack }
    }
history-empty = Пока ничего нет.
history-line = { $date } · { $reason }: <b>{ $delta }</b> → { $balance }
history-line-details = { $date } · { $reason } ({ $details }): <b>{ $delta }</b> → { $balance }
history-reason-bonus = Бонус
history-reason-purchase = Покупка
history-reason-spend = Сообщение
history-reason-gift = Подарок
history-reason-refund = Возврат
history-reason-dispute = Спор по платежу
history-reason-adjustment = Корректировка
history-reason-auto-recharge = Автопополнение
history-reason-unlock = Открытие
history-detail-credits = { $count ->
        [one] { $count } кредит
        [few] { $count } кредита
       *[many] { $count } кредитов
    }
history-detail-pass = пропуск на { $duration }
history-detail-quantity = количество { $quantity }
history-detail-stars = ⭐ { $stars }
history-detail-message = { $type ->
        [text] текст
        [photo] фото
        [voice] голосовое
        [video] видео
        [video_note] видеосообщение
        [document] файл
        [audio] аудио
        [animation] GIF
        [sticker] стикер
       *[other] сообщение ({ $type })
    }
history-detail-album = альбом
history-detail-time-pass = пропуск на время
history-detail-welcome = приветственный бонус
history-detail-tutorial = бонус за знакомство
history-detail-reset = аккаунт сброшен командой
reset-fan-notice = 🧹 Команда сбросила ваш аккаунт (тестовый): баланс и абонемент обнулены, а /history начинается заново с этого места.
history-button-csv = 📄 Выгрузить CSV
history-csv-date = дата
history-csv-reason = тип
history-csv-credits = кредиты
history-csv-balance = баланс после
history-csv-details = подробности

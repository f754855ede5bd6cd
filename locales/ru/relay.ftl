## Relay

relay-receipt = { $status ->
    [queued] ⏳ { $count ->
        [1] В очереди
       *[other] В очереди сообщений: { $count }
    }
   *[sent] ✔️ { $count ->
        [1] Отправлено
       *[other] Отправлено сообщений: { $count }
    }
  } · { $charge ->
    [free] бесплатно по пропуску (осталось { $left })
   *[paid] −{ $cost ->
        [one] { $cost } кредит
        [few] { $cost } кредита
        [many] { $cost } кредитов
       *[other] { $cost } кредита
    }
  }{ $status ->
    [queued] {"\u000A"}Сейчас пишет много людей: { $count ->
        [1] ваше сообщение дойдёт
       *[other] ваши сообщения дойдут
    } до меня через несколько минут.
   *[sent] {""}
  }
  <code>{ balance-bar }</code>{ $low ->
    [yes] {"\u000A"}⚠️ <b>Баланс на исходе</b>: меньше { $threshold ->
        [one] { $threshold } кредита
       *[other] { $threshold } кредитов
    }. Пополните через /start.
   *[no] {""}
  }{ $answers ->
    [yes] {"\u000A"}🕒 { $responseTime }
   *[no] {""}
  }

relay-type-text = текст
relay-type-photo = фото
relay-type-voice = голосовое сообщение
relay-type-video = видео
relay-type-video-note = видеосообщение
relay-type-document = файл
relay-type-audio = аудио
relay-type-animation = GIF
relay-type-sticker = стикер

relay-insufficient = 💳 Отправить { $type } стоит { $cost ->
    [one] { $cost } кредит
    [few] { $cost } кредита
    [many] { $cost } кредитов
   *[other] { $cost } кредита
  }, а у вас { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }.
  Пополните баланс, чтобы отправить: ничего не списано.
relay-album-item-refused = 💳 Отправить { $type } стоит { $cost ->
    [one] { $cost } кредит
    [few] { $cost } кредита
    [many] { $cost } кредитов
   *[other] { $cost } кредита
  }, а у вас { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }.
  📎 Из вашего альбома не отправлено: { $type }, за это ничего не списано; то, на что хватило кредитов, отправлено вместе.
relay-unsupported = 🙅 Такие сообщения сюда отправить нельзя. Можно отправить:
  { $list }
relay-price-line = • { $type }: { $cost ->
    [one] { $cost } кредит
    [few] { $cost } кредита
    [many] { $cost } кредитов
   *[other] { $cost } кредита
  }
relay-closed = 🙅 Сейчас сообщения не принимаются.
relay-banned = 🚫 Извините, вы не можете отправлять сюда сообщения.
relay-unbanned = ✅ Вы снова можете отправлять сюда сообщения.
relay-not-open = 🙏 Спасибо, что написали! Эта линия пока не принимает сообщения. Попробуйте чуть позже; ничего не списано.
relay-paused = ⏸ Линия сейчас на паузе: это сообщение не доставлено, ничего не списано. Отправьте его снова, когда линия откроется; ваши кредиты, /balance и /buy тем временем работают.

relay-edit-not-paid = ✏️ Правки доходят до меня новым сообщением, а оно стоит { $cost ->
    [one] { $cost } кредит
    [few] { $cost } кредита
    [many] { $cost } кредитов
   *[other] { $cost } кредита
  }, у вас же { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }. Пополните баланс и отправьте сообщение ещё раз: правка не передана.
relay-edit-too-old = ✏️ Это сообщение слишком старое, правки к нему до меня уже не дойдут: отправьте новое сообщение.
relay-edit-limit = { $limit ->
    [0] ✏️ Правки сюда не доходят: отправьте новое сообщение.
   *[other] ✏️ Эта правка до меня не дошла: сообщение можно изменить не больше { $limit ->
        [one] { $limit } раза
       *[other] { $limit } раз
    }. Отправьте новое сообщение.
  }

relay-refund = ⚠️ Ваше сообщение не удалось доставить ({ $reason ->
        [bot-not-member] бота больше нет в группе команды
        [group-gone] группы команды больше не существует
        [no-rights] у бота нет прав администратора в группе
        [group-moved] группа команды перенесена или закрыта
        [message-deleted] сообщение удалили до того, как его удалось доставить
        [topic-lost] не удалось заново создать вашу переписку с командой
        [topic-closed] переписка закрыта
       *[other] { $reason }
    }). { $cost ->
    [0] Ничего не списано.
    [one] { $cost } кредит возвращён.
    [few] { $cost } кредита возвращено.
    [many] { $cost } кредитов возвращено.
   *[other] { $cost } кредита возвращено.
  }

relay-support-sent = 💳 Отправлено команде бесплатно: вам ответят здесь. (Сегодня можно отправить ещё { $left ->
    [one] { $left } сообщение
    [few] { $left } сообщения
    [many] { $left } сообщений
   *[other] { $left } сообщения
  } в поддержку.)

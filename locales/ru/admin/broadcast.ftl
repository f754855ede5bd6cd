## Broadcast
# /broadcast: рассылки и массовые подарки, сообщение с их ходом в реальном времени и отчёт (только администраторы).

admin-broadcast-title = <b>📣 Рассылка</b>
    Одно сообщение многим фанатам — в пределах лимита бота, который остаётся после живых диалогов.
admin-broadcast-running = Идёт сейчас:
admin-broadcast-new = ✏️ Новая рассылка
admin-broadcast-gift = 🎁 Массовый подарок
admin-broadcast-templates = 📋 Шаблоны
admin-broadcast-segments = 🎯 Сегменты
admin-broadcast-history-button = 📜 История
admin-broadcast-gift-history-button = 🎁 История подарков
admin-broadcast-history = <b>📜 Рассылки</b> (сначала новые)
admin-broadcast-gift-history = <b>🎁 Массовые подарки</b> (сначала новые)
admin-broadcast-none = Пока ничего не сохранено.
admin-broadcast-line = { $kind ->
    [gift] 🎁
   *[other] 📣
  } #{ $id } · { $status ->
    [draft] черновик
    [sending] идёт отправка
    [paused] на паузе
    [cancelled] отменено
    [done] готово
   *[other] { $status }
  } · { $sent }/{ $total }
admin-broadcast-compose = Отправьте сообщение для рассылки: текст, фото, видео, файл или альбом. Форматирование сохранится.
admin-broadcast-gift-compose = Отправьте сообщение, которое придёт вместе с подарком (текст, медиа или альбом); под ним добавится строка о том, что получил фанат.
admin-broadcast-unsupported = Такое сообщение разослать нельзя. Отправьте текст, фото, видео, GIF-анимацию, файл, аудио, голосовое сообщение или альбом.
admin-broadcast-gift-kind = Что подарить каждому фанату из аудитории?
admin-broadcast-gift-credits = 💎 Кредиты
admin-broadcast-gift-pass = ⏱ Пропуск
admin-broadcast-gift-credits-ask = Сколько кредитов подарить каждому фанату? (от 1 до { $max })
admin-broadcast-gift-pass-ask = На какой срок подарить пропуск каждому фанату? (например, 2h, 1d, 7d)
admin-broadcast-gift-invalid = Столько подарить не получится. Попробуйте ещё раз или отправьте /cancel.
admin-broadcast-draft = <b>✏️ Черновик рассылки</b>
admin-broadcast-gift-draft = <b>🎁 Черновик массового подарка</b>: { $what ->
    [credits] { $credits ->
        [one] по { $credits } кредиту каждому
        [few] по { $credits } кредита каждому
        [many] по { $credits } кредитов каждому
       *[other] по { $credits } кредита каждому
    }
   *[other] каждому пропуск на { $pass }
  }
admin-broadcast-content = { $kind ->
    [text] Текст
    [album] Альбом ({ $items } шт.)
    [photo] Фото
    [video] Видео
    [animation] GIF-анимация
    [document] Файл
    [audio] Аудио
    [voice] Голосовое сообщение
   *[other] { $kind }
  }{ $buttons ->
    [0] {""}
    [one] {" "}с { $buttons } кнопкой
   *[other] {" "}с { $buttons } кнопками
  }
admin-broadcast-empty = Сообщения пока нет.
admin-broadcast-audience-line = 🎯 { $audience }: сейчас <b>{ $count }</b> { $count ->
    [one] фанат
    [few] фаната
    [many] фанатов
   *[other] фаната
  }
admin-broadcast-replace-hint = <i>Отправьте другое сообщение, чтобы заменить это.</i>
admin-broadcast-preview = 👁 Предпросмотр
admin-broadcast-previewed = 👁 Предпросмотр выше: именно это получат фанаты.
admin-broadcast-buttons = 🔗 Кнопки
admin-broadcast-buttons-ask = Отправьте кнопки, по одной на строку, в виде <code>Надпись - https://ссылка</code> (не больше 8) или <code>-</code>, чтобы убрать их.
admin-broadcast-buttons-invalid = Не удалось разобрать кнопки: по одной на строку, <code>Надпись - https://ссылка</code>, не больше 8. Попробуйте ещё раз или отправьте /cancel.
admin-broadcast-audience = 🎯 Аудитория
admin-broadcast-save-template = 💾 Сохранить шаблон
admin-broadcast-review = ➡️ Проверить и отправить
admin-broadcast-audience-title = <b>🎯 Кто получит</b> (кроме заблокированных фанатов и тех, кто заблокировал бота)
admin-broadcast-any-tier = Любой уровень
admin-broadcast-active-any = Любая активность
admin-broadcast-active = { $days } дн.
admin-broadcast-paid-any = Платят или нет
admin-broadcast-never-paid = Ни разу не платили
admin-broadcast-spent = Потрачено ≥ …
admin-broadcast-spent-clear = ✖ Любые траты
admin-broadcast-spent-ask = Фанатам, которые потратили не меньше скольких кредитов? Отправьте число.
admin-broadcast-spent-invalid = Отправьте целое число кредитов от 1 до { $max }.
admin-broadcast-save-segment = 💾 Сохранить сегмент
admin-broadcast-audience-done = ✅ Готово
admin-broadcast-crit-all = Все фанаты
admin-broadcast-crit-tier = уровень { $tier }
admin-broadcast-crit-active = активны за { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  }
admin-broadcast-crit-spent = потрачено ≥ { $credits }
admin-broadcast-crit-never-paid = ни разу не платили
admin-broadcast-name-ask = Как назвать (до 40 символов)?
admin-broadcast-name-invalid = Отправьте название длиной от 1 до 40 символов.
admin-broadcast-name-taken = Это название уже занято: выберите другое.
admin-broadcast-saved = 💾 Сохранено.
admin-broadcast-confirm = Отправить эту рассылку ровно <b>{ $count }</b> { $count ->
    [one] фанату
   *[other] фанатам
  } ({ $audience })?
admin-broadcast-confirm-gift = Подарить это ровно <b>{ $count }</b> { $count ->
    [one] фанату
   *[other] фанатам
  } ({ $audience })? { $credits ->
    [0] {""}
   *[other] Всего кредитов: { $credits }.
  }
admin-broadcast-send = ✅ Отправить ({ $count })
admin-broadcast-back-draft = ✏️ К черновику
admin-broadcast-count-changed = ⚠️ Пока вы смотрели, аудитория изменилась: проверьте новое число.
admin-broadcast-nobody = Под эту аудиторию никто не подходит: сначала измените её.
admin-broadcast-started = { $kind ->
    [gift] 🎁 Массовый подарок #{ $id } запущен
   *[other] 📣 Рассылка #{ $id } запущена
  }, получателей: { $count }. Ход отправки — ниже.
admin-broadcast-open-card = 📄 Открыть
admin-broadcast-gone = Этого черновика или кампании больше нет (уже отправлено, заменено или удалено).
admin-broadcast-not-running = Отправка уже не идёт.
admin-broadcast-refused = Не получилось ({ $code }).
admin-broadcast-template = <b>📋 { $name }</b>
admin-broadcast-use = ✏️ Использовать
admin-broadcast-delete = 🗑 Удалить
admin-broadcast-deleted = 🗑 Удалено.
admin-broadcast-refresh = 🔄 Обновить
admin-broadcast-card = <b>{ $kind ->
    [gift] 🎁 Массовый подарок
   *[other] 📣 Рассылка
  } #{ $id }</b> · { $status ->
    [draft] черновик
    [sending] идёт отправка
    [paused] на паузе
    [cancelled] отменено
    [done] готово
   *[other] { $status }
  }
    { $at } · { $audience }
    Адресатов: { $targeted } · отправлено: { $sent } · заблокировали бота: { $blocked } · ошибок: { $failed } · пропущено: { $skipped }
admin-broadcast-gift-totals-credits = 🎁 Фанатов: { $gifted } × { $each } кр. = <b>{ $total ->
    [one] { $total } кредит
    [few] { $total } кредита
    [many] { $total } кредитов
   *[other] { $total } кредита
  }</b>
admin-broadcast-gift-totals-pass = 🎁 Фанатов: { $gifted } × пропуск на { $each }

campaign-pause = ⏸ Пауза
campaign-resume = ▶️ Продолжить
campaign-cancel = ✖️ Отменить
campaign-progress = <b>{ $kind ->
    [gift] 🎁 Массовый подарок
   *[other] 📣 Рассылка
  } #{ $id }</b> · { $status ->
    [sending] идёт отправка
    [paused] ⏸ на паузе
    [cancelled] ✖️ отменено
    [done] ✅ готово
   *[other] { $status }
  }
    <code>{ $bar }</code> { $percent }% ({ $done }/{ $total })
    ✅ Отправлено { $sent } · 🚫 Заблокировали { $blocked } · ⚠️ Ошибки { $failed } · ⏳ Осталось { $left }
    { $eta ->
    [some] До конца примерно { $etaLeft }
    [zero] {""}
   *[other] До конца: оцениваю…
  }
campaign-report = <b>📋 Отчёт о доставке · { $kind ->
    [gift] 🎁 массовый подарок
   *[other] 📣 рассылка
  } #{ $id }</b> ({ $status ->
    [draft] черновик
    [sending] идёт отправка
    [paused] на паузе
    [cancelled] отменено
    [done] готово
   *[other] { $status }
  })
    Адресатов: { $targeted }
    ✅ Доставлено: { $sent }
    🚫 Заблокировали бота: { $blocked }
    ⚠️ Ошибки: { $failed }
    ✖️ Не отправлено (отмена): { $skipped }{ $kind ->
        [gift] {""}
            🎁 Подарков вручено: { $gifted }
       *[other] {""}
    }
    Заняло: { $took }.

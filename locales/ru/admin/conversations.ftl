## Conversations
# Экраны «Диалоги» центра управления (/conversations): списки, один диалог и действия с ним, назначение,
# время первого ответа; строка карточки и уведомление, которые появляются при назначении.

admin-hub-category-conversations = 💬 Диалоги
admin-conversations-title = 💬 <b>Диалоги</b>
admin-conversations-counts = Открыто: { $open } · ждут ответа: { $unread } · важные: { $priority } · закреплены: { $pinned } · назначены вам: { $mine }
admin-conversations-response-title = ⏱ <b>Первый ответ</b> (от первого неотвеченного сообщения фаната до следующего ответа):
admin-conversations-response-7 = За 7 дней: медиана { $p50 } · 90 % в пределах { $p90 } ({ $count ->
    [one] { $count } ответ
    [few] { $count } ответа
    [many] { $count } ответов
   *[other] { $count } ответа
  })
admin-conversations-response-7-none = За 7 дней: ответов пока нет
admin-conversations-response-30 = За 30 дней: медиана { $p50 } · 90 % в пределах { $p90 } ({ $count ->
    [one] { $count } ответ
    [few] { $count } ответа
    [many] { $count } ответов
   *[other] { $count } ответа
  })
admin-conversations-response-30-none = За 30 дней: ответов пока нет

## Lists
admin-conversations-list-open-button = 📂 Открытые ({ $count })
admin-conversations-list-unread-button = 🔔 Непрочитанные ({ $count })
admin-conversations-list-priority-button = ⭐ Важные ({ $count })
admin-conversations-list-pinned-button = 📌 Закреплённые ({ $count })
admin-conversations-list-mine-button = 👤 Назначенные мне ({ $count })
admin-conversations-list-open-title = 📂 <b>Открытые диалоги</b> ({ $count }): сначала закреплённые, затем важные, затем по последнему сообщению
admin-conversations-list-unread-title = 🔔 <b>Ждут ответа</b> ({ $count }): сначала те, что ждут дольше всех
admin-conversations-list-priority-title = ⭐ <b>Важные</b> ({ $count })
admin-conversations-list-pinned-title = 📌 <b>Закреплённые</b> ({ $count })
admin-conversations-list-mine-title = 👤 <b>Назначены вам</b> ({ $count })
admin-conversations-empty = Здесь пусто.
admin-conversations-line-waiting = { $count ->
    [one] { $count } непрочитанное
    [few] { $count } непрочитанных
    [many] { $count } непрочитанных
   *[other] { $count } непрочитанного
  }, ждёт { $since }
admin-conversations-line-answered = есть ответ
admin-conversations-line-assignee = → { $name }
admin-conversations-topic-button = ↗ Тема

## One conversation
admin-conversations-view-title = 💬 <b>{ $name }</b> · <code>{ $id }</code>
admin-conversations-view-tier = Уровень: { $tier } · баланс: { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
    [many] { $balance } кредитов
   *[other] { $balance } кредита
  }
admin-conversations-view-waiting = ⏳ Ждёт с { $since } ({ $wait }; { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
    [many] { $count } сообщений
   *[other] { $count } сообщения
  })
admin-conversations-view-answered = ✅ Ничего не ждёт: на последнее сообщение ответили.
admin-conversations-view-assignee = 👤 Назначено: { $name }
admin-conversations-view-unassigned = 👤 Не назначено
admin-conversations-view-flags = Отметки: { $flags }
admin-conversations-flag-priority = ⭐ важный
admin-conversations-flag-pinned = 📌 закреплён
admin-conversations-flag-open = открыт
admin-conversations-flag-closed = 🔒 закрыт
admin-conversations-priority = ⭐ Отметить важным
admin-conversations-unpriority = ☆ Снять отметку «важный»
admin-conversations-pin = 📌 Закрепить
admin-conversations-unpin = Открепить
admin-conversations-close = 🔒 Закрыть
admin-conversations-reopen = 🔓 Открыть снова
admin-conversations-assign = 👤 Назначить…
admin-conversations-unassign = ✖ Снять назначение
admin-conversations-gone = Этого диалога больше нет (у фаната нет темы).
admin-conversations-done-priority = ✅ Отмечен как важный.
admin-conversations-done-unpriority = ✅ Больше не важный.
admin-conversations-done-pinned = ✅ Закреплён: он теперь первый в списке открытых.
admin-conversations-done-unpinned = ✅ Откреплён.
admin-conversations-done-closed = ✅ Закрываю тему (следующее сообщение фаната откроет её снова).
admin-conversations-done-reopened = ✅ Открываю тему снова.
admin-conversations-done-assigned = ✅ Назначено (карточка в теме скоро это покажет).
admin-conversations-done-unassigned = ✅ Назначение снято.

## Assignment
admin-conversations-pick = Кому назначить диалог с <b>{ $name }</b> (участники команды, которые могут отвечать):
admin-conversations-pick-you = (вы)
admin-conversations-not-assignable = ⚠️ Этот человек больше не может отвечать фанатам: выберите кого-то другого.
admin-conversations-assigned-notice = 👤 { $by } назначил вам диалог с <b>{ $fan }</b>. Он в вашем списке: /conversations
admin-conversations-open-topic = ↗ Открыть тему

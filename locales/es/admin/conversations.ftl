## Conversations
# Las pantallas de Conversaciones del centro de control (/conversations): las listas, una conversación y sus
# acciones, la asignación, los tiempos de primera respuesta; y la línea de la ficha y el aviso de asignación.

admin-hub-category-conversations = 💬 Conversaciones
admin-conversations-title = 💬 <b>Conversaciones</b>
admin-conversations-counts = Abiertas: { $open } · esperando respuesta: { $unread } · prioritarias: { $priority } · fijadas: { $pinned } · asignadas a ti: { $mine }
admin-conversations-response-title = ⏱ <b>Primera respuesta</b> (desde el primer mensaje sin responder de un fan hasta la siguiente respuesta):
admin-conversations-response-7 = Últimos 7 días: mediana { $p50 } · 90 % en menos de { $p90 } ({ $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
  })
admin-conversations-response-7-none = Últimos 7 días: aún no se ha respondido nada
admin-conversations-response-30 = Últimos 30 días: mediana { $p50 } · 90 % en menos de { $p90 } ({ $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
  })
admin-conversations-response-30-none = Últimos 30 días: aún no se ha respondido nada

## Lists
admin-conversations-list-open-button = 📂 Abiertas ({ $count })
admin-conversations-list-unread-button = 🔔 Sin leer ({ $count })
admin-conversations-list-priority-button = ⭐ Prioritarias ({ $count })
admin-conversations-list-pinned-button = 📌 Fijadas ({ $count })
admin-conversations-list-mine-button = 👤 Asignadas a mí ({ $count })
admin-conversations-list-open-title = 📂 <b>Conversaciones abiertas</b> ({ $count }): primero las fijadas, luego las prioritarias, luego el último mensaje
admin-conversations-list-unread-title = 🔔 <b>Esperando respuesta</b> ({ $count }): primero la espera más larga
admin-conversations-list-priority-title = ⭐ <b>Prioritarias</b> ({ $count })
admin-conversations-list-pinned-title = 📌 <b>Fijadas</b> ({ $count })
admin-conversations-list-mine-title = 👤 <b>Asignadas a ti</b> ({ $count })
admin-conversations-empty = Aquí no hay nada.
admin-conversations-line-waiting = { $count ->
    [one] { $count } sin leer
   *[other] { $count } sin leer
  }, esperando { $since }
admin-conversations-line-answered = respondida
admin-conversations-line-assignee = → { $name }
admin-conversations-topic-button = ↗ Tema

## One conversation
admin-conversations-view-title = 💬 <b>{ $name }</b> · <code>{ $id }</code>
admin-conversations-view-tier = Nivel: { $tier } · saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }
admin-conversations-view-waiting = ⏳ Esperando desde { $since } ({ $wait }; { $count ->
    [one] { $count } mensaje
   *[other] { $count } mensajes
  })
admin-conversations-view-answered = ✅ Nada pendiente: el último mensaje tiene respuesta.
admin-conversations-view-assignee = 👤 Asignada a { $name }
admin-conversations-view-unassigned = 👤 Sin asignar
admin-conversations-view-flags = Marcas: { $flags }
admin-conversations-flag-priority = ⭐ prioritaria
admin-conversations-flag-pinned = 📌 fijada
admin-conversations-flag-open = abierta
admin-conversations-flag-closed = 🔒 cerrada
admin-conversations-priority = ⭐ Marcar prioritaria
admin-conversations-unpriority = ☆ Quitar prioridad
admin-conversations-pin = 📌 Fijar
admin-conversations-unpin = Desfijar
admin-conversations-close = 🔒 Cerrar
admin-conversations-reopen = 🔓 Reabrir
admin-conversations-assign = 👤 Asignar…
admin-conversations-unassign = ✖ Quitar asignación
admin-conversations-gone = Esta conversación ya no existe (el fan no tiene tema).
admin-conversations-done-priority = ✅ Marcada como prioritaria.
admin-conversations-done-unpriority = ✅ Ya no es prioritaria.
admin-conversations-done-pinned = ✅ Fijada: encabeza la lista de abiertas.
admin-conversations-done-unpinned = ✅ Desfijada.
admin-conversations-done-closed = ✅ Cerrando el tema (el próximo mensaje del fan lo reabre).
admin-conversations-done-reopened = ✅ Reabriendo el tema.
admin-conversations-done-assigned = ✅ Asignada (la ficha del tema lo mostrará en breve).
admin-conversations-done-unassigned = ✅ Asignación quitada.

## Assignment
admin-conversations-pick = Asignar la conversación con <b>{ $name }</b> a (miembros del equipo que pueden responder):
admin-conversations-pick-you = (tú)
admin-conversations-not-assignable = ⚠️ Esa persona ya no puede responder a fans: elige a otra.
admin-conversations-assigned-notice = 👤 { $by } te asignó la conversación con <b>{ $fan }</b>. Está en tu lista: /conversations
admin-conversations-open-topic = ↗ Abrir el tema

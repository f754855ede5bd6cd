## Users
# La pantalla de Usuarios del centro de control (/users): búsqueda, filtros, la ficha de un fan y sus acciones.

admin-users-title = 👥 <b>Usuarios</b>
admin-users-none = Nadie coincide. Prueba otra búsqueda o menos filtros.
admin-users-page = Página { $page }
admin-users-find = 🔍 Buscar
admin-users-filters = ⚙️ Filtros
admin-users-reset = ✖ Borrar
admin-users-find-ask = 🔍 Envía un id, un @username o parte de un nombre (nombre, apellido o username, desde el principio).
    /cancel para detener.
admin-users-find-invalid = Eso no es algo que pueda buscar: envía un id (dígitos), un @username o parte de un nombre (hasta 64 caracteres).
admin-users-crit-none = Todos, primero los vistos más recientemente.
admin-users-crit-query = «{ $query }»
admin-users-crit-tier = nivel { $tier }
admin-users-crit-banned = bloqueados
admin-users-crit-not-banned = no bloqueados
admin-users-crit-paying = de pago
admin-users-crit-not-paying = nunca pagaron
admin-users-crit-active = vistos en { $days ->
    [one] el último día
   *[other] { $days } días
  }
admin-users-crit-spent = gastado ≥ { $credits }
admin-users-item-balance = { $balance } cr
admin-users-item-spent = gastado { $spent }
admin-users-item-banned = bloqueado

admin-users-filters-title = ⚙️ <b>Filtros</b> (combinados):
admin-users-any-tier = Cualquier nivel
admin-users-f-ban-any = Bloqueados o no
admin-users-f-banned = Bloqueados
admin-users-f-not-banned = No bloqueados
admin-users-f-pay-any = De pago o no
admin-users-f-paying = De pago
admin-users-f-not-paying = Nunca pagaron
admin-users-f-active-any = Cuando sea
admin-users-f-active = { $days ->
    [one] 24 h
   *[other] { $days } d
  }
admin-users-f-spent = 💸 Gastado al menos…
admin-users-f-spent-clear = ✖ Cualquier gasto
admin-users-spent-ask = 💸 ¿Mostrar fans cuyo gasto total (créditos en mensajes y desbloqueos) sea al menos cuánto? Envía un número.
admin-users-spent-invalid = Envía un número entero de 1 a { $max }.
admin-users-show = { $more ->
    [1] 📋 Ver resultados (más de { $count })
   *[other] 📋 Ver resultados ({ $count })
  }

admin-users-card-title = 👤 <b>{ $name }</b>
admin-users-card-id = 🆔 <code>{ $id }</code> · { $username } · idioma { $language }
admin-users-card-balance = 🪙 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }
admin-users-card-pass = ⏳ Pase hasta { $until } (quedan { $left })
admin-users-card-no-pass = ⏳ Sin pase
admin-users-card-tier = 🏅 Nivel: { $tier } (automático)
admin-users-card-tier-manual = 🏅 Nivel: { $tier } (fijado a mano)
admin-users-card-spent = 💸 Gasto total: { $spent ->
    [one] { $spent } crédito
   *[other] { $spent } créditos
  }
admin-users-card-state = 🚫 Bloqueado: { $banned } · bloqueó el bot: { $blocked }
admin-users-card-seen = 👁 Visto por última vez { $seen } · se unió { $joined }
admin-users-card-topic = 💬 Tema: { $link }
admin-users-card-no-topic = 💬 Aún sin tema (no ha escrito).
admin-users-card-payments = 🧾 <b>Últimos pagos</b>{ $count ->
    [0] : ninguno
   *[other] :
  }
admin-users-card-payment = #{ $id } { $title } · { $amount } · { $status } · { $at }
admin-users-yes = sí
admin-users-no = no
admin-users-unknown = No existe ese fan (nunca escribió al bot).
admin-users-invalid = Eso no funciona: la cantidad o la opción está fuera de rango.

admin-users-add = ➕ Añadir créditos
admin-users-remove = ➖ Quitar créditos
admin-users-pass = 🎁 Regalar un pase
admin-users-tier = 🏅 Nivel
admin-users-ban = 🚫 Bloquear
admin-users-unban = ✅ Desbloquear
admin-users-open-topic = 💬 Abrir su tema
admin-users-confirm = ✅ Confirmar
admin-users-cancel = ✖ Cancelar

admin-users-add-ask = ➕ ¿Cuántos créditos regalas a { $name } (saldo { $balance })? Envía un número.
    /cancel para detener.
admin-users-remove-ask = ➖ ¿Cuántos créditos quitas a { $name } (saldo { $balance })? Envía un número.
    /cancel para detener.
admin-users-pass-ask = 🎁 ¿De cuánto tiempo es el pase para { $name }? Envía una duración: 2h, 3d, 1w, 1d 12h.
    /cancel para detener.
admin-users-amount-invalid = Envía un número entero de créditos de 1 a { $max }.
admin-users-pass-invalid = Envía una duración de 1 minuto a 365 días, como 2h, 3d o 1w.
admin-users-remove-too-much = El saldo es { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }: un saldo nunca baja de cero. Envía como máximo eso.
admin-users-reason-ask = ➖ ¿Por qué quitas { $credits } a { $name }? Envía el motivo (se guarda en el libro de movimientos y en el registro de auditoría; el fan no lo ve).
admin-users-reason-invalid = Envía el motivo como texto, hasta { $max } caracteres.
admin-users-add-confirm = ➕ ¿Regalar <b>{ $credits }</b> créditos a { $name } (saldo ahora { $balance })? Se le avisa.
admin-users-remove-confirm = ➖ ¿Quitar <b>{ $credits }</b> créditos a { $name } (saldo ahora { $balance })?
    Motivo: { $reason }
admin-users-pass-confirm = 🎁 ¿Regalar a { $name } un pase de <b>{ $duration }</b>? Amplía el que tenga activo; se le avisa.
admin-users-confirm-press = Pulsa ✅ Confirmar o ✖ Cancelar arriba (o envía /cancel).
admin-users-confirm-gone = ⌛ Esta confirmación ya no está abierta (se usó o se reemplazó). No se hizo nada más.
admin-users-added = ✅ { $credits } créditos regalados. Saldo: { $balance }.
admin-users-removed = ✅ { $credits } créditos quitados. Saldo: { $balance }.
admin-users-passed = ✅ Pase regalado: dura hasta { $until }.
admin-users-ban-confirm = 🚫 ¿Bloquear a { $name }? Sus mensajes se rechazan (y no se cobran) hasta que lo desbloquees; se le avisa.
admin-users-unban-confirm = ✅ ¿Desbloquear a { $name }? Sus mensajes vuelven a aceptarse; se le avisa.
admin-users-banned = 🚫 Bloqueado.
admin-users-unbanned = ✅ Desbloqueado.
admin-users-already-banned = Ya está bloqueado: no cambió nada.
admin-users-already-unbanned = No está bloqueado: no cambió nada.
admin-users-tier-ask = 🏅 { $name } es { $tier }; solo por gasto sería { $automatic }.
    Un nivel fijado a mano se mantiene (sin ascensos) hasta que elijas Automático.
admin-users-tier-auto = ↺ Automático (por gasto)
admin-users-tier-set = 🏅 Nivel fijado a mano: { $tier }.
admin-users-tier-cleared = 🏅 Nivel de nuevo automático: { $tier }.

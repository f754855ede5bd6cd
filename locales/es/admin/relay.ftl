## Relay

relay-card-banned = 🚫 bloqueado
relay-card-id = 🆔 <code>{ $id }</code> · nivel { $tier }{ $banned }
relay-card-balance = 💳 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }
relay-card-pass = ⏳ Pase: quedan { $left }
relay-card-no-pass = ⏳ Pase: ninguno
relay-card-spent = 💸 Gastado en total: { $spent ->
    [one] { $spent } crédito
   *[other] { $spent } créditos
  }
relay-card-joined = 📅 Se unió el { $date }
relay-card-assignee = 👤 Asignada a { $name }
relay-card-previous = ℹ️ El historial anterior está en el tema previo, si aún existe: { $link }
relay-card-reply-here = Responde en este tema para contestar.

relay-inbox-title = 📥 <b>Bandeja</b> · { $waiting } esperando respuesta
relay-inbox-empty = Todavía no hay conversaciones.
relay-inbox-unread = 🔴 { $count } sin leer
relay-inbox-answered = ✔️ respondido
relay-inbox-just-now = ahora mismo
relay-inbox-min-ago = hace { $n } min
relay-inbox-h-ago = hace { $n } h
relay-inbox-d-ago = hace { $n } d
relay-inbox-updated = <i>Actualizado a las { $time } UTC</i>

relay-support-mark = 💳 Ayuda con un pago
relay-support-alert = 💳 <b>Ayuda con un pago</b> de { $name }{ $handle } · <code>{ $id }</code>:
  { $body }
relay-support-alert-no-text = 💳 <b>Ayuda con un pago</b> de { $name }{ $handle } · <code>{ $id }</code>:
  (un mensaje sin texto: pídele que lo describa con palabras)

relay-edit-note = ✏️ editado:
relay-edit-caption-removed = (pie de foto eliminado)

relay-not-delivered = ❗ No entregado: { $reason }.

relay-fan-blocked = 🚫 El fan bloqueó el bot: las respuestas no le llegarán hasta que lo desbloquee.
relay-fan-unblocked = 🔓 El fan desbloqueó el bot: las respuestas vuelven a llegarle.

relay-delete-no-reply = Responde /delete a una de tus respuestas para borrarla también para el fan.
relay-delete-not-yours = Solo puedes borrar tus propias respuestas: responde /delete a una de ellas.
relay-delete-not-delivered = Ese mensaje no llegó al fan, así que no hay nada que borrar.
relay-delete-too-old = Telegram solo deja a los bots borrar mensajes durante 48 horas: este se queda con el fan.
relay-delete-failed = No se borró: { $reason }.

relay-setup-needed =
    ⚙️ <b>fanbridge: falta un paso</b>
    Un fan acaba de escribir, pero los mensajes aún no tienen adónde ir: no hay grupo de administración configurado.

    1. Crea un supergrupo privado y activa los <b>Temas</b>.
    2. Añade a @{ $bot } y hazlo administrador con <b>Gestionar temas</b>, <b>Fijar mensajes</b> y <b>Eliminar mensajes</b>.
    3. Envía /setup en el grupo: compruebo lo que necesito allí y te digo lo que falta. Sin copiar ids ni reiniciar.

    Hasta entonces, a los fans se les dice que la línea aún no está abierta, y no se cobra nada.
relay-admin-topic-orphan = ⚠️ Puede que el tema del fan { $fan } exista dos veces: el bot se detuvo después de pedir a Telegram que creara «{ $name }» ({ $since }) y antes de poder registrarlo. Ahora se está creando un tema nuevo; si en el grupo aparece un tema más antiguo y vacío llamado «{ $name }», elimínalo.

## Relay

relay-receipt = { $status ->
    [queued] ⏳ { $count ->
        [1] En cola
       *[other] { $count } mensajes en cola
    }
   *[sent] ✔️ { $count ->
        [1] Enviado
       *[other] { $count } mensajes enviados
    }
  } · { $charge ->
    [free] gratis con tu pase (te quedan { $left })
   *[paid] −{ $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }
  }{ $status ->
    [queued] {"\u000A"}Ahora mismo escribe mucha gente: { $count ->
        [1] tu mensaje me llegará
       *[other] tus mensajes me llegarán
    } en unos minutos.
   *[sent] {""}
  }
  <code>{ balance-bar }</code>{ $low ->
    [yes] {"\u000A"}⚠️ <b>Saldo bajo</b>: menos de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }. Recarga con /start.
   *[no] {""}
  }{ $answers ->
    [yes] {"\u000A"}🕒 { $responseTime }
   *[no] {""}
  }

relay-type-text = texto
relay-type-photo = foto
relay-type-voice = mensaje de voz
relay-type-video = vídeo
relay-type-video-note = videomensaje
relay-type-document = archivo
relay-type-audio = audio
relay-type-animation = GIF
relay-type-sticker = sticker

relay-insufficient = 💳 Enviar { $type } cuesta { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  } y tienes { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }.
  Recarga para enviarlo: no se ha cobrado nada.
relay-album-item-refused = 💳 Enviar { $type } cuesta { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  } y tienes { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }.
  📎 Este elemento de tu álbum ({ $type }) se quedó fuera y no se cobró; lo que alcanzaste a pagar se envía junto.
relay-unsupported = 🙅 Este tipo de mensaje no se puede enviar aquí. Puedes enviar:
  { $list }
relay-price-line = • { $type }: { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  }
relay-closed = 🙅 Ahora mismo no se aceptan mensajes.
relay-banned = 🚫 Lo siento, no puedes enviar mensajes aquí.
relay-unbanned = ✅ Ya puedes volver a enviar mensajes aquí.
relay-not-open = 🙏 ¡Gracias por escribir! Esta línea todavía no recibe mensajes. Vuelve a intentarlo un poco más tarde; no se ha cobrado nada.
relay-paused = ⏸ La línea está en pausa por ahora, así que este mensaje no se entregó y no se ha cobrado nada. Vuelve a enviarlo cuando se reabra; mientras tanto, tus créditos, /balance y /buy siguen funcionando.

relay-edit-not-paid = ✏️ Las ediciones me llegan como un mensaje nuevo, que cuesta { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  }, y tienes { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }. Recarga y vuelve a enviarlo: la edición no se ha reenviado.
relay-edit-too-old = ✏️ Este mensaje es demasiado antiguo para que me lleguen sus ediciones: envía un mensaje nuevo.
relay-edit-limit = { $limit ->
    [0] ✏️ Aquí las ediciones no me llegan: envía un mensaje nuevo.
   *[other] ✏️ Esta edición no me llegó: un mensaje se puede editar { $limit ->
        [one] solo { $limit } vez
       *[other] hasta { $limit } veces
    }. Envía un mensaje nuevo.
  }

relay-refund = ⚠️ Tu mensaje no se pudo entregar ({ $reason ->
        [bot-not-member] el bot ya no está en el grupo del equipo
        [group-gone] el grupo del equipo ya no existe
        [no-rights] el bot no tiene permisos de administrador en el grupo
        [group-moved] el grupo del equipo se movió o se cerró
        [message-deleted] el mensaje se borró antes de poder entregarse
        [topic-lost] no se pudo volver a crear tu conversación con el equipo
        [topic-closed] la conversación está cerrada
       *[other] { $reason }
    }). { $cost ->
    [0] No se ha cobrado nada.
    [one] Te hemos devuelto { $cost } crédito.
   *[other] Te hemos devuelto { $cost } créditos.
  }

relay-support-sent = 💳 Enviado al equipo, sin coste: te responderán aquí. (Hoy { $left ->
    [one] te queda { $left } mensaje más de soporte
   *[other] te quedan { $left } mensajes más de soporte
  }.)

## History

history-title = 🧾 <b>Tu historial</b> · página { $page }/{ $pages }
history-totals = Comprado { $purchased } · gastado { $spent } · regalos/bonos { $gifted } · devuelto { $returned }{ $takenBack ->
        [0] {""}
       *[other] {" "}· retirado { $takenBack }
    }
history-empty = Todavía nada.
history-line = { $date } · { $reason }: <b>{ $delta }</b> → { $balance }
history-line-details = { $date } · { $reason } ({ $details }): <b>{ $delta }</b> → { $balance }
history-reason-bonus = Bono
history-reason-purchase = Compra
history-reason-spend = Mensaje
history-reason-gift = Regalo
history-reason-refund = Reembolso
history-reason-dispute = Disputa
history-reason-adjustment = Ajuste
history-reason-auto-recharge = Recarga automática
history-reason-unlock = Desbloqueo
history-detail-credits = { $count ->
        [one] { $count } crédito
       *[other] { $count } créditos
    }
history-detail-pass = pase de { $duration }
history-detail-quantity = cantidad { $quantity }
history-detail-stars = ⭐ { $stars }
history-detail-message = { $type ->
        [text] mensaje de texto
        [photo] foto
        [voice] mensaje de voz
        [video] vídeo
        [video_note] videomensaje
        [document] archivo
        [audio] audio
        [animation] GIF
        [sticker] sticker
       *[other] mensaje ({ $type })
    }
history-detail-album = álbum
history-detail-time-pass = pase de tiempo
history-detail-welcome = bono de bienvenida
history-detail-tutorial = bono del recorrido rápido
history-detail-reset = cuenta reiniciada por el equipo
reset-fan-notice = 🧹 El equipo reinició tu cuenta (una cuenta de prueba): tu saldo y tu pase de tiempo vuelven a cero y /history empieza de nuevo desde aquí.
history-button-csv = 📄 Exportar CSV
history-csv-date = fecha
history-csv-reason = tipo
history-csv-credits = créditos
history-csv-balance = saldo después
history-csv-details = detalles

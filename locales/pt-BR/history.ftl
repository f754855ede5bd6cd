## History

history-title = 🧾 <b>Seu histórico</b> · página { $page }/{ $pages }
history-totals = Comprado { $purchased } · gasto { $spent } · presentes/bônus { $gifted } · devolvido { $returned }{ $takenBack ->
        [0] {""}
       *[other] {" "}· retirado { $takenBack }
    }
history-empty = Nada ainda.
history-line = { $date } · { $reason }: <b>{ $delta }</b> → { $balance }
history-line-details = { $date } · { $reason } ({ $details }): <b>{ $delta }</b> → { $balance }
history-reason-bonus = Bônus
history-reason-purchase = Compra
history-reason-spend = Mensagem
history-reason-gift = Presente
history-reason-refund = Reembolso
history-reason-dispute = Contestação
history-reason-adjustment = Ajuste
history-reason-auto-recharge = Recarga automática
history-reason-unlock = Desbloqueio
history-detail-credits = { $count ->
        [one] { $count } crédito
       *[other] { $count } créditos
    }
history-detail-pass = passe de { $duration }
history-detail-quantity = quantidade { $quantity }
history-detail-stars = ⭐ { $stars }
history-detail-message = { $type ->
        [text] mensagem de texto
        [photo] foto
        [voice] mensagem de voz
        [video] vídeo
        [video_note] mensagem de vídeo
        [document] arquivo
        [audio] áudio
        [animation] GIF
        [sticker] figurinha
       *[other] mensagem ({ $type })
    }
history-detail-album = álbum
history-detail-time-pass = passe de tempo
history-detail-welcome = bônus de boas-vindas
history-detail-tutorial = bônus do tour rápido
history-detail-reset = conta reiniciada pela equipe
reset-fan-notice = 🧹 A equipe reiniciou sua conta (uma conta de teste): seu saldo e seu passe de tempo voltaram a zero e o /history recomeça a partir daqui.
history-button-csv = 📄 Exportar CSV
history-csv-date = data
history-csv-reason = tipo
history-csv-credits = créditos
history-csv-balance = saldo depois
history-csv-details = detalhes

## Content

content-media = { $files ->
    [0] { $tracks ->
        [0] { $photos ->
            [0] { $videos ->
                [one] { $videos } vídeo
               *[other] { $videos } vídeos
            }
            [one] { $videos ->
                [0] { $photos } foto
                [one] { $photos } foto, { $videos } vídeo
               *[other] { $photos } foto, { $videos } vídeos
            }
           *[other] { $videos ->
                [0] { $photos } fotos
                [one] { $photos } fotos, { $videos } vídeo
               *[other] { $photos } fotos, { $videos } vídeos
            }
        }
        [one] { $tracks } pista de audio
       *[other] { $tracks } pistas de audio
    }
    [one] { $files } archivo
   *[other] { $files } archivos
  }
content-locked-paid-media = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Toca la imagen para desbloquearlo por ⭐ { $stars }, o usa { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } con el botón de abajo.
content-locked-card = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Desbloquéalo por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } o ⭐ { $stars }.
content-unlocked-card = ✅ <b>{ $title }</b> · es tuyo
    📎 { content-media } · puedes pedirlo de nuevo cuando quieras, gratis.
content-footer = 🎁 <b>Contenido exclusivo</b>{ $pages ->
        [1] {""}
       *[other] {" "}· página { $page } de { $pages }
    } ({ $total ->
        [one] { $total } elemento
       *[other] { $total } elementos
    })
    Lo que desbloqueas es tuyo: puedes recibirlo de nuevo sin coste.
content-delivery-caption = 🔓 <b>{ $title }</b>
content-empty = 🎁 Todavía no hay contenido exclusivo. ¡Vuelve pronto!
content-off = 🎁 El contenido exclusivo no está disponible ahora mismo. ¡Vuelve más tarde!
content-unavailable = Este elemento ya no está disponible. Envía /content para ver la lista actual.
content-unlocked = 🔓 Desbloqueado por { $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    } (saldo: { $balance }). ¡Ya va en camino!
content-resent = Ya es tuyo: te lo enviamos de nuevo, gratis.
content-on-its-way = Ya va en camino.
content-price-changed = El precio de «{ $title }» ahora es { $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }. No se cobró nada: envía /content para desbloquearlo a ese precio.
content-already-owned = Ya es tuyo: toca «📤 Enviar de nuevo», es gratis.
content-insufficient = 💳 <b>{ $title }</b> cuesta { $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    } y tienes { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
    Recarga para desbloquearlo: no se cobró nada.
content-button-unlock = 🔓 Desbloquear por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }
content-button-stars = ⭐ { $stars } Stars
content-button-resend = 📤 Enviar de nuevo
content-button-previous = ◀️ Anterior
content-button-more = ▶️ Más
content-paid-media-unlocked = ✅ <b>{ $title }</b> ya es tuyo. Pídelo de nuevo cuando quieras desde /content, gratis.
content-invoice-unlocked = ✅ <b>{ $title }</b> desbloqueado por ⭐ { $stars }. Ya va en camino; /content te lo envía de nuevo cuando quieras, gratis.
content-credits-returned = ↩️ Pagaste con Stars <b>{ $title }</b>, que ya habías desbloqueado con créditos: te devolvemos { $returned ->
        [one] { $returned } crédito
       *[other] { $returned } créditos
    }. Saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
content-paid-twice = ℹ️ <b>{ $title }</b> ya era tuyo antes de este pago. El equipo ya lo sabe y te reembolsará el segundo pago.
content-invoice-description = Desbloquea «{ $title }» ({ content-media }): te llega aquí justo después del pago, y de nuevo cuando quieras desde /content.
content-refunded = ↩️ Se reembolsó tu pago de ⭐ { $stars } por <b>{ $title }</b>.
content-refunded-revoked = ↩️ Se reembolsó tu pago de ⭐ { $stars } por <b>{ $title }</b>. Ya no está entre tus elementos desbloqueados.
content-precheckout-gone = Este elemento ya no está a la venta. Envía /content para ver lo que hay.
content-precheckout-owned = Ya tienes este elemento: envía /content y toca «Enviar de nuevo», es gratis.
content-precheckout-price = El precio cambió desde que se creó esta factura. Abre /content para ver el precio actual.

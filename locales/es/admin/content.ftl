## Content (admin)
# Gestión del contenido premium en el chat privado de un admin: la lista, las herramientas de un elemento,
# añadir y editar (un flujo guiado), y el aviso a los propietarios de un segundo pago por un elemento.

content-admin-only-admins = Solo los admins pueden usar estos botones.
content-admin-ask-media = 📤 <b>Nuevo elemento.</b> Envía su contenido: una foto, vídeo, archivo o audio, o un álbum (hasta 10).
    /cancel para detener.
content-admin-cancelled = Cancelado: no se guardó nada.
content-admin-nothing-to-cancel = No hay nada que cancelar.
content-admin-step-media = Envía una foto, vídeo, archivo o audio (o un álbum de hasta 10).
content-admin-step-title = Envía el <b>título</b> (1–64 caracteres).
content-admin-step-credits = Envía el precio en <b>créditos</b> (1–100000).
content-admin-step-stars = Envía el precio en <b>Telegram Stars</b> (1–10000).
content-admin-step-edit-title = Envía el nuevo <b>título</b> (1–64 caracteres), o /cancel.
content-admin-step-edit-credits = Envía el nuevo precio en <b>créditos</b> (1–100000), o /cancel.
content-admin-step-edit-stars = Envía el nuevo precio en <b>Stars</b> (1–10000), o /cancel.
content-admin-edit-prompt = ✏️ <b>{ $title }</b> (#{ $id }): { $ask }
content-admin-got-media = 📎 Contenido recibido. { $ask }
    (Los elementos del álbum se van añadiendo según llegan.)
content-admin-got-title = Título: <b>{ $title }</b>. { $ask }
content-admin-got-credits = 💳 { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }. { $ask }
content-admin-retry = 🙅 Eso no vale: { $reason }.
    { $ask }
content-admin-bad-title = un título de 1 a { $max } caracteres
content-admin-bad-credits = un número entero de créditos de 1 a { $max }
content-admin-bad-stars = un número entero de Stars de 1 a { $max }
content-admin-album-limit = un elemento admite un álbum de hasta { $max } fotos y vídeos, archivos o pistas de audio
content-admin-want-text-value = envía el nuevo valor como texto
content-admin-has-media = este elemento ya tiene su contenido (un archivo o un álbum por elemento)
content-admin-unsellable = los mensajes de voz, GIF, stickers y videomensajes no se pueden vender: envía una foto, vídeo, archivo o audio (o un álbum)
content-admin-as-text = envíalo como texto
content-admin-media-first = primero envía el contenido: una foto, vídeo, archivo o audio, o un álbum
content-admin-incomplete = este borrador estaba incompleto: vuelve a enviar el contenido
content-admin-gone = Ese elemento ya no existe: no se cambió nada.
content-admin-prices = { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } · ⭐ { $stars }
content-admin-created = ✅ Añadido <b>{ $title }</b> (#{ $id }): { content-media } · { $prices }.
    Los fans lo ven en /content.
content-admin-saved = ✅ Guardado: <b>{ $title }</b> · { $prices }.
content-admin-empty = 🎁 <b>Contenido premium</b>
    Aún no hay nada. Añade el primer elemento con /content add (o ➕ abajo).
content-admin-list-title = 🎁 <b>Contenido premium</b> · { $total ->
        [one] { $total } elemento
       *[other] { $total } elementos
    }{ $pages ->
        [1] {""}
       *[other] {" "}· página { $page }/{ $pages }
    }
content-admin-list-line = { $position }. <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } desbloqueo
       *[other] { $unlocks } desbloqueos
    }
content-admin-list-line-hidden = { $position }. 🙈 <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } desbloqueo
       *[other] { $unlocks } desbloqueos
    } · oculto
content-admin-list-hint = Toca un elemento para editarlo, ocultarlo o moverlo.
content-admin-item = 🎁 <b>{ $title }</b> (#{ $id })
    📎 { content-media } · { $paidMedia ->
        [yes] Stars: contenido de pago
       *[no] Stars: factura
    }
    💳 { $prices }
    🔓 { $unlocks ->
        [one] { $unlocks } desbloqueo
       *[other] { $unlocks } desbloqueos
    } · { $hidden ->
        [yes] 🙈 oculto (fuera de venta; los fans que lo tienen lo conservan)
       *[no] 👁 a la venta
    }
    Posición { $position } de { $total }
content-admin-hidden = Oculto: fuera de venta.
content-admin-shown = De nuevo a la venta.
content-admin-moved-up = Movido arriba.
content-admin-moved-down = Movido abajo.
content-admin-already-first = Ya es el primero.
content-admin-already-last = Ya es el último.
content-admin-sending = Enviándotelo…
content-admin-button-add = ➕ Añadir
content-admin-button-fan-view = 👀 Como lo ven los fans
content-admin-button-title = ✏️ Título
content-admin-button-credits = 💳 Créditos
content-admin-button-stars = ⭐ Stars
content-admin-button-show = 👁 Mostrar
content-admin-button-hide = 🙈 Ocultar
content-admin-button-up = ⬆️ Subir
content-admin-button-down = ⬇️ Bajar
content-admin-button-send = 📤 Envíamelo
content-admin-button-list = ⬅️ Lista
content-admin-double-paid-media = ⚠️ El fan <code>{ $userId }</code> pagó ⭐ { $stars } (contenido de pago) por <b>{ $title }</b> (#{ $itemId }), que ya tenía. El contenido de pago no tiene id de cargo para /refund: compénsale de otra forma (p. ej. /gift en su tema).
content-admin-double-invoice = ⚠️ El fan <code>{ $userId }</code> pagó ⭐ { $stars } (factura, pago #{ $paymentId }, cargo <code>{ $chargeId }</code>) por <b>{ $title }</b> (#{ $itemId }), que ya tenía. Reembólsalo con /refund { $paymentId } en su tema.
content-admin-item-link = 🔗 Enlace a este contenido (para tu canal o una difusión): <code>{ $link }</code>

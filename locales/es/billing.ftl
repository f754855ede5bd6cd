## Buy

billing-catalog-title = 🛒 <b>Lo que puedes comprar</b>
billing-catalog-empty = Ahora mismo no hay nada a la venta. Vuelve a mirar pronto.
billing-catalog-packs = 💬 <b>Paquetes de créditos</b>
billing-catalog-passes = ⏳ <b>Pases de tiempo</b> (mensajes ilimitados)
billing-catalog-footer = Los créditos se gastan por mensaje (texto, foto, voz…); con un pase de tiempo todos los mensajes son gratis hasta que termine.
billing-product-line = • <b>{ $title }</b>: ⭐ { $stars }
billing-product-line-card = • <b>{ $title }</b>: ⭐ { $stars } · 💳 { $price }
billing-card-button = 💳 { $price }
billing-rail-question = { $title }: ¿pagas con Telegram Stars o con tarjeta?
billing-rail-stars = ⭐ { $stars } Stars
billing-rail-card = 💳 Tarjeta { $price }
billing-no-such-pack = No hay ningún paquete de { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }. Los paquetes:
billing-pack-line = /buy{ $size } · { $title } (⭐ { $stars })
billing-not-on-sale = Ese producto ya no está a la venta. Envía /buy para ver lo que hay.
billing-banned = 🚫 Lo sentimos, las compras no están disponibles en tu cuenta.
billing-card-blocked = 💳 Por ahora los pagos con tarjeta no están disponibles en tu cuenta. Puedes seguir pagando con Telegram Stars: /buy
billing-invoice-invalid = Esta factura ya no es válida. Abre /buy y vuelve a intentarlo.
billing-invoice-off-sale = Este producto ya no está a la venta. Elige otro en /buy.
billing-invoice-price-changed = El precio ha cambiado desde que se hizo esta factura. Abre /buy para ver el precio actual.
billing-buy-credits-button = 🛒 Comprar créditos

## Receipts

billing-receipt-credits = ✅ <b>+{ $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }</b> — saldo { $balance }
    <code>{ balance-bar }</code>
    <i>Pagado: { $paid }.</i>
billing-receipt-auto-recharge = 🔄 Recarga automática: <b>+{ $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }</b> — saldo { $balance }
    <code>{ balance-bar }</code>
    <i>Pagado: { $paid }.</i>
billing-receipt-pass = ✅ <b>Pase activo hasta el { $until }</b>: todos los mensajes son gratis hasta entonces.
    <i>Pagado: { $paid }.</i>

## Time passes

billing-pass-ending = ⏳ Tu pase de tiempo termina en { $left }. Amplíalo con /buy para seguir escribiendo gratis.
billing-pass-last-minute = ⏳ Tu pase de tiempo termina en { $left }.
billing-pass-ended = ⌛ Tu pase de tiempo ha terminado: los mensajes vuelven a costar créditos.
    <code>{ balance-bar }</code>
    Envía /buy para comprar créditos u otro pase.

## Card payments

billing-card-processing = ⏳ ¡Gracias! Tu banco está procesando tu pago de { $price } por { $kind ->
        [credits] { $credits ->
            [one] { $credits } crédito
           *[other] { $credits } créditos
        }
        [time] un pase de { $duration }
       *[other] { $title }
    }. Te escribiremos aquí en cuanto se confirme.
billing-card-failed = ❌ Tu pago con tarjeta de { $price } por { $kind ->
        [credits] { $credits ->
            [one] { $credits } crédito
           *[other] { $credits } créditos
        }
        [time] un pase de { $duration }
       *[other] { $title }
    } no se ha completado. { $reason }
    No se te ha cobrado nada. Puedes intentarlo de nuevo con otra tarjeta o pagar con Telegram Stars.
billing-card-retry-button = 🔁 Intentar de nuevo
billing-pay-stars-button = ⭐ Pagar con Stars
billing-card-saved = 💳 Tu tarjeta { $card } está guardada. Gestiónala o elimínala con /billing.
billing-card-saved-auto = 💳 Tu tarjeta { $card } está guardada. Gestiónala o elimínala con /billing. La recarga automática está activada: recarga cuando tu saldo baja de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }.
billing-card-saved-auto-now = 💳 Tu tarjeta { $card } está guardada. Gestiónala o elimínala con /billing. La recarga automática está activada: recarga cuando tu saldo baja de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }. Tu saldo ya está por debajo, así que recarga ahora.
billing-card-removed = 💳 Se ha eliminado tu tarjeta guardada { $card }.
billing-card-removed-auto = 💳 Se ha eliminado tu tarjeta guardada { $card }. La recarga automática necesita una tarjeta: añade una con /autorecharge.

## Checkout

billing-checkout-link = 💳 <b>{ $title }</b> por { $price }
    Toca abajo para pagar en la página segura de Stripe. Al terminar vuelves aquí, y la compra se confirma en este chat.
billing-checkout-pay-button = Pagar { $price }
billing-checkout-unavailable = Aquí no se puede pagar con tarjeta. Puedes pagar con Telegram Stars: /buy
billing-checkout-error = No se ha podido abrir la página de pago con tarjeta. Inténtalo de nuevo en un minuto o paga con Telegram Stars: /buy
billing-checkout-stars-only = Este producto solo se puede pagar con Telegram Stars: /buy
billing-card-retry-by-card-button = 💳 Reintentar con tarjeta
billing-status-not-found = No encuentro ese pago. Tus compras están en /history.
billing-status-paid-pass = ✅ Pago n.º { $id } recibido: { $title } ({ $price }). Tu pase dura hasta el { $until }.
billing-status-paid-credits = ✅ Pago n.º { $id } recibido: { $title } ({ $price }). Tu saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
billing-status-pending = ⏳ El pago n.º { $id } por { $title } ({ $price }) aún no está confirmado. Si acabas de pagar, la confirmación llegará aquí enseguida. Si saliste de la página de pago, puedes empezar de nuevo:
billing-status-failed = ❌ El pago n.º { $id } por { $title } ({ $price }) no se ha completado. No se te ha cobrado nada.
billing-status-refunded = ↩️ El pago n.º { $id } por { $title } ({ $price }) ha sido reembolsado.
billing-status-refunded-pass = ↩️ El pago n.º { $id } por { $title } ({ $price }) ha sido reembolsado (y con él el pase de { $duration }).
billing-portal = 🧾 Tu página de facturación: tarjetas guardadas, recibos e historial de pagos, en Stripe. El enlace funciona unos minutos.
billing-portal-button = Abrir facturación
billing-portal-unavailable = Aquí no hay pagos con tarjeta, así que no hay página de facturación. Las compras con Telegram Stars están en /history.
billing-portal-no-customer = Aún no tienes perfil de facturación. Se crea la primera vez que pagas con tarjeta: abre /buy y toca un precio 💳. Tus compras hasta ahora están en /history.
billing-portal-error = No se ha podido abrir la página de facturación. Inténtalo de nuevo en un minuto.

## Refunds

billing-refunded-credits = ↩️ Se ha reembolsado tu pago de ⭐ { $stars } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }.{ $taken ->
        [0] {""}
       *[other] {" "}Se { $taken ->
            [one] ha retirado { $taken } crédito
           *[other] han retirado { $taken } créditos
        }.
    } Saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
billing-refunded-pass = ↩️ Se ha reembolsado tu pago de ⭐ { $stars } por un pase de { $duration }. Tu pase termina ahora el { $until }.
billing-refunded-pass-ended = ↩️ Se ha reembolsado tu pago de ⭐ { $stars } por un pase de { $duration }. Tu pase ha terminado.
billing-card-refunded-credits = ↩️ Se han reembolsado { $amount } de tu pago por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }{ $full ->
        [yes] {" "}(el pago completo)
       *[no] {""}
    }.{ $taken ->
        [0] {""}
       *[other] {" "}Se { $taken ->
            [one] ha retirado { $taken } crédito
           *[other] han retirado { $taken } créditos
        }.
    } Saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
billing-card-refunded-pass = ↩️ Se han reembolsado { $amount } de tu pago por un pase de { $duration }{ $full ->
        [yes] {" "}(el pago completo)
       *[no] {""}
    }. Tu pase termina ahora el { $until }.
billing-card-refunded-pass-ended = ↩️ Se han reembolsado { $amount } de tu pago por un pase de { $duration }{ $full ->
        [yes] {" "}(el pago completo)
       *[no] {""}
    }. Tu pase ha terminado.
billing-card-refunded-item = ↩️ Se han reembolsado { $amount } de tu pago por { $title }.
billing-payment-unmatched = Gracias, tu pago ha llegado. Algo no cuadra con él, así que hemos avisado al equipo y lo resolverá contigo.
billing-payment-stuck = Gracias, tu pago ha llegado. Todavía no hemos podido aplicarlo, así que hemos avisado al equipo y lo resolverá contigo.

## Auto-recharge

billing-auto-title = 🔄 <b>Recarga automática</b>
billing-auto-status-on = Activada: compra { $title } ({ $price }) cuando tu saldo baja de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }.
billing-auto-status-off = Desactivada. Actívala para recargar automáticamente con una tarjeta guardada cuando te queden pocos créditos.
billing-auto-card = 💳 Tarjeta: { $card } (gestiónala con /billing)
billing-auto-no-card-yet = 💳 Todavía no hay ninguna tarjeta guardada.
billing-auto-change-button = ✏️ Cambiar
billing-auto-off-button = ⏹ Desactivar
billing-auto-on-button = ▶️ Activar
billing-auto-unavailable = La recarga automática necesita pagos con tarjeta, que aquí no están configurados. Recarga con /buy.
billing-auto-off-here = La recarga automática está desactivada aquí por ahora: no se cobra nada automáticamente. Recarga con /buy.
billing-auto-charging-now = Tu saldo ya está por debajo, así que se recarga ahora.
billing-auto-save-card = 👉 Último paso: guarda una tarjeta en la página segura de Stripe. Ahora no se cobra nada.
billing-auto-save-card-button = 💳 Guardar una tarjeta
billing-auto-pack-button = { $title } ({ $price })
billing-auto-which-pack = 🔄 ¿Qué paquete debe comprar la recarga automática?
billing-auto-which-threshold = 🔄 ¿Por debajo de cuántos créditos lo compramos?
billing-auto-unknown-pack = Ese paquete ya no está a la venta. Elige otro, por favor.
billing-auto-bad-threshold = Ese umbral no es válido. Elige uno de los botones, por favor.
billing-auto-provider-error = No se ha podido contactar con Stripe. Inténtalo de nuevo en un minuto.
billing-auto-not-available = La recarga automática no está disponible aquí.
billing-auto-turned-off = La recarga automática está desactivada.
billing-auto-saved = Guardado.
billing-auto-pack-gone = 🔄 La recarga automática se ha desactivado: el paquete que usaba ya no se vende con tarjeta. Elige otro con /autorecharge.
billing-auto-no-card = 🔄 Tu saldo está bajo, pero la recarga automática aún no tiene tarjeta guardada. Guarda una con /autorecharge.
billing-auto-capped = 🔄 Recarga automática en pausa: se ha alcanzado el límite mensual de { $cap }. Se reanuda el mes que viene; mientras tanto, recarga con /buy.
billing-auto-confirm = 🔐 Tu banco quiere que confirmes la recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }. Toca abajo para confirmarla.
billing-auto-confirm-buy = 🔐 Tu banco quiere que confirmes la recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }. Compra el paquete con /buy para recargar.
billing-auto-confirm-button = Confirmar { $price }
billing-auto-declined = ❌ La recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } ha fallado: { $reason }. Actualiza tu tarjeta con /billing o recarga con /buy.
billing-auto-declined-card = ❌ La recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } ha fallado: tu tarjeta fue rechazada. Actualiza tu tarjeta con /billing o recarga con /buy.
billing-auto-off = 🔄 La recarga automática se ha desactivado tras { $failures } intentos fallidos seguidos. Vuelve a activarla con /autorecharge cuando tu tarjeta funcione.

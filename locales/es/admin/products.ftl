## Products
# La pantalla de Productos del centro de control (/products): paquetes de créditos y pases, precios por vía,
# activar/desactivar, orden, etiquetas, la sincronización con Stripe.

admin-hub-category-products = 🛒 Productos
admin-products-title = 🛒 <b>Productos</b> · lo que vende /buy, en su orden (🟢 a la venta, ⚪️ no)
admin-products-stripe-on = 💳 Precios con tarjeta en { $currency }, sincronizados con Stripe.
admin-products-stripe-off = 💳 Stripe no está configurado: los pagos con tarjeta están desactivados. Los precios con tarjeta (en { $currency }) se guardan para cuando lo esté.
admin-products-card-payments-off = 💳 Los pagos con tarjeta están desactivados en Ajustes. Los precios con tarjeta (en { $currency }) se siguen guardando en Stripe.
admin-products-empty = Aún no hay paquetes ni pases. Crea uno abajo.
admin-products-money = { $price }
admin-products-amount-credits = { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }
admin-products-amount-time = { $length } de mensajes ilimitados
admin-products-card = 💳 Tarjeta: { $price }
admin-products-card-none = 💳 Tarjeta: no se vende con tarjeta
admin-products-new-button = ➕ Nuevo paquete o pase
admin-products-content-button = 🖼 Contenido premium
admin-products-not-found = Ese producto no existe (o ya no). No se cambió nada.
admin-products-invalid = Ese valor no es válido. No se cambió nada.

## Product card
admin-products-item-pack = 💬 <b>Paquete de créditos</b>: { $title }
admin-products-item-pass = ⏳ <b>Pase</b>: { $title }
admin-products-item-active = 🟢 A la venta en /buy
admin-products-item-inactive = ⚪️ Fuera de venta (los fans no lo ven)
admin-products-item-stars = ⭐ Stars: { $stars }
admin-products-item-stripe-off = Stripe: no configurado, los pagos con tarjeta están desactivados.
admin-products-item-stripe-none = Stripe: nada que sincronizar (no se vende con tarjeta).
admin-products-item-stripe-pending = ⚠️ Stripe: <b>sin sincronizar</b>. El checkout cobra el precio registrado aquí hasta que la sincronización funcione.
admin-products-item-stripe-inline = Stripe: se cobra el precio registrado aquí (aún no se ha creado un Price de Stripe).
admin-products-item-stripe-synced = Stripe: sincronizado (<code>{ $price }</code>)
admin-products-item-label = Etiqueta en /buy: { $label }
admin-products-item-link = 🔗 Enlace para comprarlo (para tu canal o una difusión): <code>{ $link }</code>
admin-products-label-none = Sin etiqueta
admin-products-edit-title = ✏️ Nombre
admin-products-edit-credits = ✏️ Créditos
admin-products-edit-length = ✏️ Duración
admin-products-edit-stars = ✏️ Precio en ⭐ Stars
admin-products-edit-card = ✏️ Precio con 💳 tarjeta
admin-products-activate = ▶️ Poner a la venta
admin-products-deactivate = ⏸ Retirar de la venta
admin-products-up = ⬆️ Subir
admin-products-down = ⬇️ Bajar
admin-products-retry-sync = 🔁 Reintentar la sincronización con Stripe
admin-products-create-price = 💳 Crear su Price de Stripe
admin-products-activated = ✅ De nuevo a la venta.
admin-products-deactivated = ✅ Retirado de la venta: /buy ya no lo muestra.
admin-products-moved = ✅ Movido.
admin-products-not-moved = Ya está en ese extremo de la lista.
admin-products-label-saved = ✅ Etiqueta guardada.
admin-products-saved = ✅ Guardado.
admin-products-unchanged = Ya tenía ese valor: no cambió nada.
admin-products-created = ✅ Creado y a la venta en /buy.
admin-products-sync-done = ✅ Stripe sincronizado: un Price nuevo, el anterior archivado.
admin-products-sync-off = Stripe no está configurado: el precio con tarjeta se guarda, los pagos con tarjeta están desactivados.
admin-products-sync-failed = ⚠️ <b>Falló la sincronización con Stripe</b>: { $error }
    Mientras tanto, el checkout cobra el precio registrado aquí. Pulsa Reintentar para volver a intentarlo.
admin-products-paused-fans = 🔄 Recarga automática pausada para { $count ->
        [one] { $count } fan
       *[other] { $count } fans
    } que usan este paquete; a cada uno se le pidió confirmar las nuevas condiciones o desactivarla.

## Questions
admin-products-ask-current = Ahora: { $current }
admin-products-ask-title = ✏️ Envía el nuevo nombre (de 1 a { $max } caracteres), o /cancel.
admin-products-ask-credits = ✏️ Envía el número de créditos (de 1 a { $max }), o /cancel.
admin-products-ask-length = ✏️ Envía cuánto dura el pase, como <code>12h</code>, <code>1d</code>, <code>7d</code> o <code>1w</code> (de una hora a un año), o /cancel.
admin-products-ask-stars = ✏️ Envía el precio en Telegram Stars (de 1 a { $max }), o /cancel.
admin-products-ask-card = ✏️ Envía el precio con tarjeta en { $currency }, como <code>4.99</code> (como máximo { $max }), o <code>0</code> para venderlo solo por Stars. /cancel para detener.
admin-products-bad-title = ❌ Un nombre necesita de 1 a { $max } caracteres. Vuelve a enviarlo, o /cancel.
admin-products-bad-credits = ❌ Eso no es un número entero de créditos de 1 a { $max }. Vuelve a enviarlo, o /cancel.
admin-products-bad-length = ❌ Esa no es una duración de una hora a un año (como <code>12h</code>, <code>7d</code>, <code>1w</code>). Vuelve a enviarla, o /cancel.
admin-products-bad-stars = ❌ Eso no es un número entero de Stars de 1 a { $max }. Vuelve a enviarlo, o /cancel.
admin-products-bad-card = ❌ Eso no es un precio en { $currency } mayor que 0 y de como máximo { $max } (como <code>4.99</code>; <code>0</code> para solo Stars). Vuelve a enviarlo, o /cancel.

## New product
admin-products-new-title = ➕ <b>Nuevo producto</b>
admin-products-ask-kind = ¿Qué quieres vender?
admin-products-kind-credits = 💬 Paquete de créditos
admin-products-kind-time = ⏳ Pase
admin-products-new-pack = ➕ <b>Nuevo paquete de créditos</b>
admin-products-new-pass = ➕ <b>Nuevo pase</b>
admin-products-new-so-far-title = Nombre: { $title }
admin-products-step = <i>Paso { $step } de { $steps }</i>
admin-products-cancel-hint = <i>/cancel para detener sin crear nada.</i>

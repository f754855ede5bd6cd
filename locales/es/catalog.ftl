## Products (what the creator sets on the Products screen, as fans see it)

billing-label-popular = 🔥 El más popular
billing-label-best-value = 💎 Mejor precio
billing-auto-paused-changed = 🔄 <b>La recarga automática está en pausa.</b> El paquete que compra, { $title }, ahora es de { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } por { $price }. ¿Mantener la recarga automática con estas condiciones?
billing-auto-paused-gone = 🔄 <b>La recarga automática está en pausa.</b> El paquete que compraba, { $title }, ya no se vende con tarjeta. Elige otro paquete o desactívala.
billing-auto-keep-button = ✅ Confirmar
billing-auto-choose-button = 🔄 Elegir un paquete
billing-auto-keep-changed = Ese paquete ha vuelto a cambiar. Abre /autorecharge para verlo como está ahora.

## Billing alerts
# Lo que leen los propietarios (con payments.refund) sobre dinero: pagos que no se pueden asociar o aplicar,
# reembolsos hechos fuera de /refund, pagos con tarjeta fallidos, sorpresas de Stripe, tarjetas guardadas que siguen en Stripe.

billing-admin-unmatched-payment = ⚠️ Un pago que no podemos asociar: usuario <code>{ $userId }</code>, un pago de ⭐ { $stars }, cargo <code>{ $chargeId }</code>, factura <code>{ $payload }</code>. Concédelo o reembólsalo a mano.
billing-admin-unmatched-paid-media = ⚠️ Un pago que no podemos asociar: usuario <code>{ $userId }</code>, una compra de contenido de pago, payload <code>{ $payload }</code>. Concédelo o reembólsalo a mano.
billing-admin-unmatched-refund = ⚠️ Un reembolso que no podemos asociar: usuario <code>{ $userId }</code>, un reembolso de Telegram de ⭐ { $stars }, cargo <code>{ $chargeId }</code>. No se retiró nada.
billing-admin-payment-stuck = 🚨 <b>No se pudo aplicar un pago</b> tras muchos intentos: usuario <code>{ $userId }</code>, { $kind }{ $chargeId ->
        [none] {""}
       *[other] , cargo <code>{ $chargeId }</code>
    }. Se guarda en <code>payment_updates</code> (id { $inboxId }); último error: <code>{ $error }</code>.
billing-admin-refund-refused = ❌ Telegram rechazó el reembolso del pago #{ $id }: { $error }.
billing-admin-refund-done = ↩️ { $summary }
billing-admin-refund-by-telegram = ↩️ Telegram reembolsó un pago del usuario <code>{ $userId }</code> fuera de /refund. { $summary }
billing-admin-card-failed = 💳 <b>Pago con tarjeta fallido</b>{ $auto ->
        [yes] {" "}(recarga automática)
       *[no] {""}
    }: { $fan }, { $amount } por { $what } (pago #{ $id }).
    Motivo del banco: «{ $reason }».{ $muted ->
        [0] {""}
        [one] {"\u000A"}({ $muted } pago con tarjeta fallido más no se avisó uno por uno: como máximo un aviso por fan por hora, { $max } en total.)
       *[other] {"\u000A"}({ $muted } pagos con tarjeta fallidos más no se avisaron uno por uno: como máximo un aviso por fan por hora, { $max } en total.)
    }
billing-admin-open-topic-button = 💬 Abrir el tema del fan
billing-admin-stripe-double = ⚠️ El pago #{ $id } de { $fan } se pagó dos veces en Stripe ({ $first } y { $second }). Reembolsa uno en el panel de Stripe.
billing-admin-stripe-mismatch = ⚠️ Stripe indica { $reported } para el pago #{ $id } de { $fan }, que cuesta { $price }. No se concedió nada: revísalo en el panel de Stripe.
billing-admin-detach-failed = ⚠️ No se pudo eliminar en Stripe la tarjeta guardada <code>{ $card }</code> de { $fan } ({ $error }). Aquí ya no se usa; elimínala del cliente en el panel de Stripe.
billing-admin-ban-button = 🚫 Bloquear a este fan
billing-admin-dispute-opened = 🚨 <b>Disputa abierta</b> por { $fan }: { $amount } en el pago #{ $id } ({ $what }), motivo «{ $reason }».
    { $held ->
        [credits] Se retiraron { $taken } de los { $credits } créditos que compró (saldo { $balance }).
        [pass] El pase del fan ahora termina { $until }.
        [pass-ended] El pase del fan se terminó.
       *[unlock] No se retiró nada (un desbloqueo).
    }
    { $autoOff ->
        [yes] La recarga automática está desactivada.{" "}
       *[no] {""}
    }{ $card ->
        [none] {""}
       *[other] La tarjeta guardada { $card } se olvida y se elimina en Stripe.{" "}
    }Los pagos con tarjeta de este fan quedan detenidos hasta ganar la disputa (Telegram Stars sigue funcionando).
    Respóndela en el panel de Stripe antes de la fecha límite.
billing-admin-dispute-kept = ✅ <b>{ $outcome ->
        [won] Disputa ganada
       *[inquiry] Consulta cerrada sin contracargo
    }</b> en el pago #{ $id } de { $fan }.{ $restored ->
        [pass] {" "}Se devolvió el tiempo de pase que se había recortado (ahora hasta { $until }).
        [credits] {" "}Se devolvieron los { $credits } créditos retirados (saldo { $balance }).
       *[none] {""}
    }{ $cards ->
        [open] {" "}Los pagos con tarjeta de este fan vuelven a funcionar.
        [stopped] {" "}Los pagos con tarjeta de este fan siguen detenidos.
       *[other-dispute] {" "}Los pagos con tarjeta de este fan siguen detenidos: otra de sus disputas está abierta o se perdió.
    }
billing-admin-dispute-lost = ❌ <b>Disputa { $status }</b> en el pago #{ $id } de { $fan }: el dinero volvió al titular de la tarjeta; los créditos siguen retirados.{ $cards ->
        [open] {" "}Los pagos con tarjeta de este fan vuelven a funcionar.
        [stopped] {" "}Los pagos con tarjeta de este fan siguen detenidos.
       *[other-dispute] {" "}Los pagos con tarjeta de este fan siguen detenidos: otra de sus disputas está abierta o se perdió.
    }

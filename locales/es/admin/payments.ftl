## Payments
# Pagos del centro de control (/payments): listas con filtros, la ficha de un pago, reembolsos, ingresos.

admin-hub-category-payments = 💰 Pagos
admin-payments-title = 💰 <b>Pagos</b>
    Pagos recientes por ambas vías con filtros, pagos fallidos, disputas abiertas y reembolsos; abre un pago para ver su ficha (y reembolsarlo); ingresos por día.
admin-payments-menu-recent = 🧾 Pagos recientes
admin-payments-menu-failed = ❌ Pagos fallidos
admin-payments-menu-disputes = ⚠️ Disputas abiertas
admin-payments-menu-refunds = ↩️ Reembolsos
admin-payments-menu-revenue = 📈 Ingresos por día (30 días)
admin-payments-filter-all = Todos
admin-payments-filter-stars = ⭐ Stars
admin-payments-filter-card = 💳 Tarjeta
admin-payments-filter-paid = Pagados
admin-payments-filter-refunded = Reembolsados
admin-payments-filter-failed = Fallidos
admin-payments-filter-disputed = En disputa
admin-payments-filter-fan = 👤 Un fan…
admin-payments-filter-fan-clear = 👤 Fan { $id } ✖
admin-payments-fan-ask = 👤 ¿Pagos de quién? Envía el id o el @username del fan (/cancel para detener).
admin-payments-fan-retry = Envía como texto el id numérico o el @username del fan.
admin-payments-fan-unknown = Aquí no hay nadie conocido como { $query }. Revisa el id o el @username y vuelve a enviarlo (/cancel para detener).
admin-payments-list-title = 🧾 <b>Pagos</b> · { $filters } · { $more ->
    [yes] más de { $total }
   *[no] { $total }
  }
admin-payments-list-empty = Ningún pago coincide.
admin-payments-refunds-title = ↩️ <b>Reembolsos</b> (totales o parciales), primero los más recientes · { $total }
admin-payments-refunds-empty = Aún no se ha reembolsado nada.
admin-payments-disputes-title = ⚠️ <b>Disputas abiertas</b> · { $total }
admin-payments-disputes-empty = No hay disputas abiertas.
admin-payments-line = #{ $id } · { $at } · { $fan } · { $amount } · { $product } · { $status }
admin-payments-open = #{ $id } · { $amount }
admin-payments-amount-stars = ⭐ { $amount }
admin-payments-amount-card = 💳 { $amount }
admin-payments-fan = { $name } ({ $id })
admin-payments-fan-username = { $name } (@{ $username }, { $id })
admin-payments-status-paid = pagado
admin-payments-status-partly-refunded = pagado, reembolsado en parte
admin-payments-status-refunded = reembolsado
admin-payments-status-failed = fallido o no completado
admin-payments-status-pending = pendiente de pago
admin-payments-status-disputed = en disputa ({ $status })
admin-payments-grant-credits = { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }
admin-payments-grant-time = un pase de { $duration }
admin-payments-grant-unlock = un elemento premium
admin-payments-unknown = No existe el pago #{ $id } (o nunca pasó de ser una factura abierta).

## Payment card
admin-payments-card-title-stars = 🧾 <b>Pago #{ $id }</b> · ⭐ Telegram Stars
admin-payments-card-title-card = 🧾 <b>Pago #{ $id }</b> · 💳 tarjeta (Stripe)
admin-payments-card-fan = 👤 Fan: { $fan }
admin-payments-card-product = 🛍 Producto: { $product } ({ $grant })
admin-payments-card-amount = 💰 Importe: { $amount }
admin-payments-card-status = 📌 Estado: { $status }
admin-payments-card-created = 🕒 Creado { $at }
admin-payments-card-paid = ✅ Pagado { $at }
admin-payments-card-refund-none = ↩️ Reembolso: ninguno
admin-payments-card-refunded = ↩️ Reembolsado (registrado { $at })
admin-payments-card-refunded-part = ↩️ Reembolsado en parte: { $refunded } de { $amount }
admin-payments-card-refund-asked = ↩️ Reembolso pedido a Stripe { $at } por { $by }: esperando la confirmación de Stripe
admin-payments-card-dispute-open = ⚠️ Disputa <code>{ $id }</code>: { $status } desde { $at }
admin-payments-card-dispute-closed = ⚠️ Disputa <code>{ $id }</code>: { $status } (cerrada { $at })
admin-payments-card-charge-stars = 🔑 Cargo de Telegram: <code>{ $charge }</code>
admin-payments-card-charge-card = 🔑 PaymentIntent: <code>{ $charge }</code>
admin-payments-stripe-payment = 🔗 Abrir en Stripe
admin-payments-stripe-dispute = 🔗 Disputa { $id } en Stripe
admin-payments-fan-payments = 👤 Pagos de este fan
admin-payments-refund-button = ↩️ Reembolsar

## Refunds
admin-payments-not-refundable-already = Este pago ya se reembolsó: no hay nada que hacer.
admin-payments-not-refundable-not-paid = Solo se puede reembolsar un pago pagado.
admin-payments-not-refundable-pending = Ya se pidió un reembolso a Stripe; los créditos del fan se ajustan cuando Stripe lo confirme.
admin-payments-not-refundable-disputed = El fan disputó este pago con su banco: Stripe no reembolsa un pago en disputa (responde a la disputa en Stripe).
admin-payments-not-refundable-stripe-off = Los pagos con tarjeta no están configurados (no hay clave de Stripe), así que este pago con tarjeta no se puede reembolsar desde aquí: reembólsalo en el panel de Stripe.
admin-payments-confirm-stars-credits = ↩️ <b>¿Reembolsar el pago #{ $id }?</b>
    { $amount } vuelven a { $fan } a través de Telegram, y se retiran los { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } que compró (como máximo lo que aún tenga). Se avisa al fan.
admin-payments-confirm-stars-time = ↩️ <b>¿Reembolsar el pago #{ $id }?</b>
    { $amount } vuelven a { $fan } a través de Telegram, y su pase se recorta en { $duration }. Se avisa al fan.
admin-payments-confirm-stars-unlock = ↩️ <b>¿Reembolsar el pago #{ $id }?</b>
    { $amount } vuelven a { $fan } a través de Telegram, y el elemento premium que desbloqueó deja de ser suyo. Se avisa al fan.
admin-payments-confirm-card = ↩️ <b>¿Reembolsar el pago #{ $id }?</b>
    Stripe reembolsa { $rest } de { $amount } a la tarjeta de { $fan }. Cuando Stripe lo confirme, se retira en proporción lo que concedió el pago (como máximo lo que aún tenga) y se avisa al fan.
admin-payments-confirm-yes = ✅ Sí, reembolsar
admin-payments-confirm-no = ✖ No, mantenerlo
admin-payments-refunded-credits = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pago #{ $id }): se retiraron { $taken } créditos; su saldo es { $balance }.
admin-payments-refunded-time = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pago #{ $id }): pase recortado en { $duration }, ahora termina { $until }.
admin-payments-refunded-time-ended = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pago #{ $id }): pase recortado en { $duration }; ya no le queda pase.
admin-payments-refunded-unlock = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pago #{ $id }): «{ $title }» ya no es suyo.
admin-payments-refunded-unlock-kept = ↩️ <b>Reembolsado</b> ⭐ { $stars } (pago #{ $id }); aún conserva «{ $title }» (pagado de otra forma).
admin-payments-refund-card-sent = ↩️ Reembolso de { $amount } (pago #{ $id }) enviado a Stripe. Los créditos del fan se ajustan, y se le avisa, cuando Stripe lo confirme.
admin-payments-refund-card-refused = Stripe rechazó el reembolso: { $detail }
admin-payments-refund-stars-refused = Telegram rechazó el reembolso: { $detail }
admin-payments-refund-pending = ⏳ Telegram no respondió, así que aún no se sabe si el pago #{ $id } se reembolsó. Se vuelve a consultar en segundo plano; el resultado se publica en el tema del fan.
admin-payments-refund-failed = El pago #{ $id } no se reembolsó: { $detail }

## Revenue
admin-payments-revenue-title = 📈 <b>Ingresos por día</b>, últimos 30 días, sin reembolsos · días en { $timezone }
admin-payments-revenue-day = Día
admin-payments-revenue-total = 30 días

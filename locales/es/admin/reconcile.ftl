## Reconciliation
# La contabilidad frente a los extractos de Stripe y de Telegram: la alerta diaria y las pantallas de Sistema.

reconcile-kind = { $kind ->
    [paid_not_granted] Pagado en { $rail }, no acreditado
    [refunded_not_clawed_back] Reembolsado en { $rail }, no retirado
    [granted_not_paid] Acreditado aquí, no pagado en { $rail }
   *[amount_differs] Importes distintos en { $rail }
}
reconcile-alert = 🧾 <b>La contabilidad y { $rail } no coinciden</b> · <code>{ $id }</code>
    { $kind ->
        [paid_not_granted] Pagado en el proveedor, nunca acreditado
        [refunded_not_clawed_back] Reembolsado en el proveedor, nunca retirado
        [granted_not_paid] Acreditado aquí, no pagado en el proveedor
       *[amount_differs] El proveedor cobró un importe distinto
    } ({ $cause ->
        [unpaid] nuestro pago sigue pendiente o falló
        [ungranted] marcado como pagado, sin abono en el libro de movimientos
        [unknown_payment] cita un pago que no tenemos
        [second_charge] nuestro pago ya se había pagado de otra forma
        [refund] un reembolso
        [dispute] una disputa
        [missing] el proveedor no tiene ese pago
        [currency] otra moneda
       *[amount] otro importe
    }): pago #{ $payment }, fan { $fan }, <code>{ $ref }</code>.
    { $action ->
        [apply] Corrígelo una vez con <code>npm run reconcile -- --apply { $id }</code>, o en /system → Conciliar.
       *[report] Solo se informa: revísalo en el panel del proveedor. No se cambia nada automáticamente.
    }
reconcile-alert-more = 🧾 { $count } diferencias nuevas más entre la contabilidad y los proveedores: consulta /system → Conciliar, o ejecuta <code>npm run reconcile</code>.
admin-reconcile-button = 🧾 Conciliar (últimos 30 días)
admin-reconcile-title = 🧾 <b>Contabilidad frente a Stripe y Telegram</b>, { $since } → { $until }
admin-reconcile-rail-read = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: { $payments } pagos{ $rail ->
    [stripe] , { $disputes } disputas
   *[stars] {""}
} leídos
admin-reconcile-rail-off = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: no configurado
admin-reconcile-rail-failed = { $rail ->
    [stripe] 💳 Stripe
   *[stars] ⭐ Telegram Stars
}: <b>no se pudo leer</b> ({ $error }), sin comparar
admin-reconcile-match = ✅ La contabilidad coincide: { $booked } pagos comparados.
admin-reconcile-count = ⚠️ { $count } diferencias ({ $fixable } se pueden corregir aquí), { $booked } pagos comparados:
admin-reconcile-line = · <code>{ $id }</code> { $what }: pago #{ $payment }, fan { $fan }{ $fixable ->
    [yes] {" "}🛠
   *[no] {""}
}
admin-reconcile-more = …y { $count } más: ejecuta <code>npm run reconcile</code> para ver la lista completa.
admin-reconcile-fix-button = 🛠 Corregir { $id }
admin-reconcile-fix-confirm = 🛠 <b>¿Corregir <code>{ $id }</code>?</b>
    { $what }: pago #{ $payment } del fan { $fan }, <code>{ $ref }</code>.
    { $kind ->
        [paid_not_granted] El fan recibe lo que pagó, como lo habría hecho la propia confirmación del pago (una sola vez, llegue lo que llegue después).
       *[other] Se retira lo que corresponde al reembolso o a la disputa, como lo habría hecho su propio aviso (una sola vez, como máximo el saldo).
    } Queda registrado en el libro de movimientos y en el registro de auditoría.
admin-reconcile-apply = ✅ Aplicar la corrección
admin-reconcile-applied = ✅ <code>{ $id }</code> corregido: registrado en el libro de movimientos y en el registro de auditoría.
admin-reconcile-gone = Nada que corregir: <code>{ $id }</code> ya no es una diferencia (ya se corrigió, o lo resolvió un aviso tardío del proveedor).
admin-reconcile-report-only = <code>{ $id }</code> solo se informa: revísalo en el panel del proveedor.
admin-reconcile-unavailable = Desde aquí no se puede leer ni Stripe ni Telegram.

## Admin topic
# Respuestas a los comandos y botones del equipo dentro del tema de un fan (/info, /gift, /ban, /note, /close…).

admin-topic-outside = Usa esto dentro del tema de un fan.

    <b>En el tema de un fan</b>
    /info · perfil, pagos, notas
    /gift 10 · regalar créditos · /gift 2h, /gift 3d · regalar un pase
    /ban · /unban
    /refund 12 · reembolsar el pago 12, Stars o tarjeta (ids en /info)
    /note texto · una nota privada (se ve en /info)
    /close · /reopen el tema (el próximo mensaje del fan también lo reabre)
admin-topic-not-allowed = Solo los admins pueden hacer eso.
admin-topic-not-a-fan = Este no es el tema de un fan.
admin-topic-failed = Eso no funciona: { $detail }.
admin-topic-buttons-only = Solo los admins pueden usar estos botones.
admin-topic-expired = Este botón ha caducado.
admin-topic-gifted-credits = 🎁 { $credits ->
    [one] { $credits } crédito regalado
   *[other] { $credits } créditos regalados
  } (saldo { $balance }).
admin-topic-gifted-pass = 🎁 Pase de { $duration } regalado (hasta { $until }).
admin-topic-gift-what = ¿Qué regalas? /gift 10 (créditos) o /gift 2h, /gift 3d (un pase).
admin-topic-gift-menu = 🎁 Regala créditos o un pase (o escribe /gift 15, /gift 2d):
admin-topic-gift-menu-used = Ya se regaló desde este menú.
admin-topic-gift-menu-credits = { $credits ->
    [one] { $credits } crédito regalado
   *[other] { $credits } créditos regalados
  }.
admin-topic-gift-menu-pass = Pase de { $duration } regalado.
admin-topic-gift-menu-done-credits = 🎁 { $admin } regaló { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }.
admin-topic-gift-menu-done-pass = 🎁 { $admin } regaló un pase de { $duration }.
admin-topic-banned = 🚫 Bloqueado: sus mensajes se rechazan.
admin-topic-unbanned = 🔓 Desbloqueado.
admin-topic-already-banned = Ya está bloqueado.
admin-topic-already-unbanned = Ya está desbloqueado.
admin-topic-banned-short = Bloqueado.
admin-topic-unbanned-short = Desbloqueado.
admin-topic-note-usage = Añade la nota después del comando: /note prefiere mensajes de voz
admin-topic-noted = 📝 Nota guardada.
admin-topic-closing = 🔒 Cerrando el tema.
admin-topic-reopening = 🔓 Reabriendo el tema.
admin-topic-refund-which = ¿Qué pago reembolsas? /refund 12 (los ids están en /info).
admin-topic-refund-card-sent = ↩️ Reembolso de { $amount } (pago #{ $id }) enviado a Stripe. Los créditos del fan se ajustan, y se le avisa, cuando Stripe lo confirme.
admin-topic-refund-card-refused = Stripe rechazó el reembolso: { $detail }.
admin-topic-refund-not-refundable = El pago #{ $id } no se puede reembolsar: { $detail }.
admin-topic-refund-stars-refused = Telegram rechazó el reembolso: { $detail }.
admin-topic-refund-already = El pago #{ $id } ya se reembolsó: no cambió nada.
admin-topic-refund-pending = ⏳ Telegram no respondió, así que aún no se sabe si el pago #{ $id } se reembolsó. Se está volviendo a consultar; el resultado se publicará aquí.
admin-topic-unknown-error = error desconocido
admin-topic-not-paid = no está pagado
admin-topic-fan-unknown = Este fan no es conocido aquí.
admin-topic-banned-by = 🚫 Bloqueado por { $admin }

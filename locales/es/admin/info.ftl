## Admin info
# El perfil de un fan para el equipo: /info y el botón 👤 Info de la ficha. Las líneas de ingresos (pagos, gasto)
# solo para quienes pueden ver ingresos.

admin-info-name = 👤 <b>{ $name }</b> · <code>{ $id }</code>
admin-info-name-username = 👤 <b>{ $name }</b> (@{ $username }) · <code>{ $id }</code>
admin-info-unnamed = Fan
admin-info-status = Nivel { $tier }{ $banned ->
    [yes] { " · 🚫 bloqueado" }
   *[no] { "" }
  }{ $blocked ->
    [yes] { " · bloqueó el bot" }
   *[no] { "" }
  }
admin-info-balance = 💳 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  } · ⏳ pase: quedan { $left }
admin-info-balance-no-pass = 💳 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  } · ⏳ pase: ninguno
admin-info-money = 💰 Pagos: { $payments } · créditos comprados: { $purchased } · gastados: { $spent }
admin-info-messages = 💬 Mensajes: { $fromFan } del fan, { $answers ->
    [one] { $answers } respuesta
   *[other] { $answers } respuestas
  }
admin-info-dates = 📅 Se unió el { $joined } · visto por última vez { $seen }
admin-info-notes-title = 📝 <b>Notas</b>
admin-info-no-notes = 📝 Aún no hay notas (añade una con /note texto).
admin-info-note = • { $text } <i>({ $date })</i>
admin-info-payments-title = 🧾 <b>Pagos recientes</b> (reembolsa uno con /refund id)
admin-info-payment-stars = • <code>{ $id }</code> · { $product } · ⭐ { $stars } · { $status ->
    [paid] pagado
    [refunded] reembolsado
    [failed] fallido
   *[other] { $status }
  } <i>({ $date })</i>
admin-info-payment-card = • <code>{ $id }</code> · { $product } · 💳 { $amount } · { $status ->
    [paid] pagado
    [refunded] reembolsado
    [failed] fallido
   *[other] { $status }
  } <i>({ $date })</i>

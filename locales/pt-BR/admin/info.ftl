## Admin info
# O perfil de um fã para a equipe: /info e o botão 👤 Info da ficha. As linhas de receita (pagamentos, gastos)
# só para quem pode ver a receita.

admin-info-name = 👤 <b>{ $name }</b> · <code>{ $id }</code>
admin-info-name-username = 👤 <b>{ $name }</b> (@{ $username }) · <code>{ $id }</code>
admin-info-unnamed = Fã
admin-info-status = Nível { $tier }{ $banned ->
    [yes] { " · 🚫 banido" }
   *[no] { "" }
  }{ $blocked ->
    [yes] { " · bloqueou o bot" }
   *[no] { "" }
  }
admin-info-balance = 💳 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  } · ⏳ passe: restam { $left }
admin-info-balance-no-pass = 💳 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  } · ⏳ passe: nenhum
admin-info-money = 💰 Pagamentos: { $payments } · créditos comprados: { $purchased } · gastos: { $spent }
admin-info-messages = 💬 Mensagens: { $fromFan } do fã, { $answers ->
    [one] { $answers } resposta
   *[other] { $answers } respostas
  }
admin-info-dates = 📅 Entrou em { $joined } · visto por último { $seen }
admin-info-notes-title = 📝 <b>Notas</b>
admin-info-no-notes = 📝 Nenhuma nota ainda (adicione uma com /note texto).
admin-info-note = • { $text } <i>({ $date })</i>
admin-info-payments-title = 🧾 <b>Pagamentos recentes</b> (reembolse um com /refund id)
admin-info-payment-stars = • <code>{ $id }</code> · { $product } · ⭐ { $stars } · { $status ->
    [paid] pago
    [refunded] reembolsado
    [failed] recusado
   *[other] { $status }
  } <i>({ $date })</i>
admin-info-payment-card = • <code>{ $id }</code> · { $product } · 💳 { $amount } · { $status ->
    [paid] pago
    [refunded] reembolsado
    [failed] recusado
   *[other] { $status }
  } <i>({ $date })</i>

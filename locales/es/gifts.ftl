## Gifts

gifts-credits = 🎁 ¡Te regalaron { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }! Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }.
gifts-pass = 🎁 Te regalaron un pase de { $duration }: tus mensajes son gratis hasta que termine.

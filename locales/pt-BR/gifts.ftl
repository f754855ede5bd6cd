## Gifts

gifts-credits = 🎁 Você ganhou { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  } de presente! Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }.
gifts-pass = 🎁 Você ganhou de presente um passe de { $duration }: suas mensagens são grátis até ele acabar.

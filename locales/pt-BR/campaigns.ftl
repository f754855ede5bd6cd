## Mass gifts
# The line added under the creator's message in a mass gift (plain text: no markup).

campaign-gift-credits = 🎁 Você ganhou { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  } de presente.
campaign-gift-pass = 🎁 Você ganhou de presente um passe de { $duration }: suas mensagens são grátis até ele acabar.

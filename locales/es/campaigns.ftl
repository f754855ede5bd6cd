## Mass gifts
# The line added under the creator's message in a mass gift (plain text: no markup).

campaign-gift-credits = 🎁 Te regalaron { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }.
campaign-gift-pass = 🎁 Te regalaron un pase de { $duration }: tus mensajes son gratis hasta que termine.

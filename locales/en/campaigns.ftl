## Mass gifts
# The line added under the creator's message in a mass gift (plain text: no markup).

campaign-gift-credits = 🎁 You received { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  } as a gift.
campaign-gift-pass = 🎁 You received a { $duration } time pass as a gift: your messages are free until it ends.

## Gifts
# What a fan reads when the team gifts them credits or a time pass.

gifts-credits = 🎁 You received { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  } as a gift! Balance: { $balance ->
    [one] { $balance } credit
   *[other] { $balance } credits
  }.
gifts-pass = 🎁 You received a { $duration } time pass as a gift: your messages are free until it ends.

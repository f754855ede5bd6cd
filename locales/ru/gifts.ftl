## Gifts

gifts-credits = 🎁 Вам подарили { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
   *[many] { $credits } кредитов
  }! Баланс: { $balance ->
    [one] { $balance } кредит
    [few] { $balance } кредита
   *[many] { $balance } кредитов
  }.
gifts-pass = 🎁 Вам подарили пропуск на { $duration }: пока он действует, сообщения бесплатны.

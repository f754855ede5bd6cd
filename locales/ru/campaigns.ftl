## Mass gifts
# The line added under the creator's message in a mass gift (plain text: no markup).

campaign-gift-credits = 🎁 Вам подарили { $credits ->
    [one] { $credits } кредит
    [few] { $credits } кредита
    [many] { $credits } кредитов
   *[other] { $credits } кредита
  }.
campaign-gift-pass = 🎁 Вам подарили пропуск на { $duration }: пока он действует, сообщения бесплатны.

## Balance

balance-title = 💳 <b>Ваш баланс</b>
balance-bar = Кредиты: { $balance }/{ $max } [{ $cells }] { $percent }%
balance-pass = ⏳ Пропуск: осталось { $left } (сообщения бесплатны)
balance-low = ⚠️ <b>Баланс на исходе</b>: меньше { $threshold ->
    [one] { $threshold } кредита
    [few] { $threshold } кредитов
   *[many] { $threshold } кредитов
  }. Пополните через /start, чтобы продолжать писать.
balance-tier = 🏅 Уровень: { $tier }
balance-perk = 🎁 Бонус уровня «{ $tier }»: сообщения на { $discount }% дешевле ({ $prices })

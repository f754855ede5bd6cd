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
balance-tip-day-pass = 💡 <b>Совет:</b> ваши сообщения за последние 24 часа стоили { $credits } кредитов (около ⭐ { $stars }). { $pass } стоит ⭐ { $passStars }, и пока он действует, все сообщения бесплатны.
balance-tip-bigger-pack = 💡 <b>Совет:</b> пакет «{ $pack }» на { $percent }% дешевле за кредит, чем «{ $last }», который вы покупали в прошлый раз.
balance-tip-button = ⭐ Купить: { $title }
balance-perk = 🎁 Бонус уровня «{ $tier }»: сообщения на { $discount }% дешевле ({ $prices })

## Balance

balance-title = 💳 <b>Tu saldo</b>
balance-bar = Créditos: { $balance }/{ $max } [{ $cells }] { $percent } %
balance-pass = ⏳ Pase de tiempo: quedan { $left } (los mensajes son gratis)
balance-low = ⚠️ <b>Saldo bajo</b>: menos de { $threshold ->
    [one] { $threshold } crédito
   *[other] { $threshold } créditos
  }. Recarga con /start para seguir escribiendo.
balance-tier = 🏅 Nivel: { $tier }
balance-tip-day-pass = 💡 <b>Consejo:</b> tus mensajes de las últimas 24 horas costaron { $credits } créditos (unas ⭐ { $stars }). Un { $pass } cuesta ⭐ { $passStars } y hace gratis cada mensaje mientras dura.
balance-tip-bigger-pack = 💡 <b>Consejo:</b> el paquete { $pack } cuesta un { $percent }% menos por crédito que el { $last } que compraste la última vez.
balance-tip-button = ⭐ Comprar { $title }
balance-perk = 🎁 Ventaja { $tier }: los mensajes cuestan un { $discount } % menos ({ $prices })

## Balance

balance-title = 💳 <b>Tu saldo</b>
balance-bar = Créditos: { $balance }/{ $max } [{ $cells }] { $percent } %
balance-pass = ⏳ Pase de tiempo: quedan { $left } (los mensajes son gratis)
balance-low = ⚠️ <b>Saldo bajo</b>: menos de { $threshold ->
    [one] { $threshold } crédito
   *[other] { $threshold } créditos
  }. Recarga con /start para seguir escribiendo.
balance-tier = 🏅 Nivel: { $tier }
balance-perk = 🎁 Ventaja { $tier }: los mensajes cuestan un { $discount } % menos ({ $prices })

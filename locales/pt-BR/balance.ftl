## Balance

balance-title = 💳 <b>Seu saldo</b>
balance-bar = Créditos: { $balance }/{ $max } [{ $cells }] { $percent }%
balance-pass = ⏳ Passe de tempo: faltam { $left } (as mensagens são grátis)
balance-low = ⚠️ <b>Saldo baixo</b>: menos de { $threshold ->
    [one] { $threshold } crédito
   *[other] { $threshold } créditos
  }. Recarregue com /start para continuar escrevendo.
balance-tier = 🏅 Nível: { $tier }
balance-perk = 🎁 Vantagem { $tier }: as mensagens custam { $discount }% menos ({ $prices })

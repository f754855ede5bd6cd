## Balance

balance-title = 💳 <b>Seu saldo</b>
balance-bar = Créditos: { $balance }/{ $max } [{ $cells }] { $percent }%
balance-pass = ⏳ Passe de tempo: faltam { $left } (as mensagens são grátis)
balance-low = ⚠️ <b>Saldo baixo</b>: menos de { $threshold ->
    [one] { $threshold } crédito
   *[other] { $threshold } créditos
  }. Recarregue com /start para continuar escrevendo.
balance-tier = 🏅 Nível: { $tier }
balance-tip-day-pass = 💡 <b>Dica:</b> suas mensagens das últimas 24 horas custaram { $credits } créditos (cerca de ⭐ { $stars }). Um { $pass } custa ⭐ { $passStars } e deixa toda mensagem grátis enquanto durar.
balance-tip-bigger-pack = 💡 <b>Dica:</b> o pacote { $pack } custa { $percent }% menos por crédito que o { $last } que você comprou da última vez.
balance-tip-button = ⭐ Comprar { $title }
balance-perk = 🎁 Vantagem { $tier }: as mensagens custam { $discount }% menos ({ $prices })

## Tiers

tier-name = { $tier ->
    [regular] Regular
    [vip] VIP
   *[new] Novo
  }

tiers-promoted = 🏅 Agora você é <b>{ $tier ->
    [vip] VIP
   *[regular] Regular
  }</b>. Obrigado por escrever! { $discount ->
    [0] {""}
   *[other] Vantagem do seu nível: cada mensagem agora custa { $discount }% menos.
  }

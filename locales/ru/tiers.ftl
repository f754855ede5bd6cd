## Tiers

tier-name = { $tier ->
    [regular] Постоянный
    [vip] VIP
   *[new] Новый
  }

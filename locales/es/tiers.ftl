## Tiers

tier-name = { $tier ->
    [regular] Habitual
    [vip] VIP
   *[new] Nuevo
  }

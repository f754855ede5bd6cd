## Tiers

tier-name = { $tier ->
    [regular] Regular
    [vip] VIP
   *[new] Novo
  }

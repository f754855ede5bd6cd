## Tiers
# A fan's tier (New → Regular → VIP by lifetime spend), in /balance, on the card and in the control center.

tier-name = { $tier ->
    [regular] Regular
    [vip] VIP
   *[new] New
  }

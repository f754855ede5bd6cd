## Tiers
# A fan's tier (New → Regular → VIP by lifetime spend), in /balance, on the card and in the control center.

tier-name = { $tier ->
    [regular] Regular
    [vip] VIP
   *[new] New
  }

# A promotion, told once per tier ($tier: regular, vip), with the tier's perk ($discount: percent off message costs, 0 = none).
tiers-promoted = 🏅 You are now <b>{ $tier ->
    [vip] VIP
   *[regular] Regular
  }</b>. Thank you for writing! { $discount ->
    [0] {""}
   *[other] Your tier's perk: every message now costs { $discount }% less.
  }

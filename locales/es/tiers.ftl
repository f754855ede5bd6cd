## Tiers

tier-name = { $tier ->
    [regular] Habitual
    [vip] VIP
   *[new] Nuevo
  }

tiers-promoted = 🏅 Ahora eres <b>{ $tier ->
    [vip] VIP
   *[regular] Habitual
  }</b>. ¡Gracias por escribir! { $discount ->
    [0] {""}
   *[other] La ventaja de tu nivel: cada mensaje cuesta ahora un { $discount } % menos.
  }

## Tiers

tier-name = { $tier ->
    [regular] Постоянный
    [vip] VIP
   *[new] Новый
  }

tiers-promoted = 🏅 Теперь ваш уровень — <b>{ $tier ->
    [vip] VIP
   *[regular] Постоянный
  }</b>. Спасибо, что пишете! { $discount ->
    [0] {""}
   *[other] Бонус уровня: каждое сообщение теперь стоит на { $discount }% дешевле.
  }

## Balance
# /balance, and the balance bar shown in receipts too.

balance-title = 💳 <b>Your balance</b>
balance-bar = Credits: { $balance }/{ $max } [{ $cells }] { $percent }%
balance-pass = ⏳ Time pass: { $left } left (messages are free)
balance-low = ⚠️ <b>Low balance</b>: under { $threshold ->
    [one] { $threshold } credit
   *[other] { $threshold } credits
  }. Top up with /start to keep writing.
balance-tier = 🏅 Tier: { $tier }
balance-perk = 🎁 { $tier } perk: messages cost { $discount }% less ({ $prices })

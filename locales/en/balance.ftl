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
balance-tip-day-pass = 💡 <b>Tip:</b> your messages of the last 24 hours took { $credits } credits (about ⭐ { $stars }). A { $pass } costs ⭐ { $passStars } and makes every message free while it runs.
balance-tip-bigger-pack = 💡 <b>Tip:</b> the { $pack } pack costs { $percent }% less per credit than the { $last } you bought last.
balance-tip-button = ⭐ Get the { $title }
balance-perk = 🎁 { $tier } perk: messages cost { $discount }% less ({ $prices })

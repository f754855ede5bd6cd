## Analytics
# The control center's Analytics (/analytics, managers and owners): daily series over 7, 30 or 90 local
# days, conversion, ARPU and ARPPU, repeat purchases, first-response time, top spenders, products;
# charts (photos) with their numbers beneath, and CSV of each series.

admin-hub-category-analytics = 📈 Analytics
admin-analytics-title = 📈 <b>Analytics</b> · last { $days } days ({ $timezone })
admin-analytics-period = { $days } days
admin-analytics-period-current = · { $days } days ·
admin-analytics-fans = 👥 New fans: <b>{ $fans }</b> · active: { $active } · paying: { $paying }
admin-analytics-conversion = 🎯 First /start → first purchase: <b>{ $converted }</b> of { $fans } new fans ({ $rate })
admin-analytics-median = ⏳ Median time to the first purchase: { $time }
admin-analytics-median-none = ⏳ Median time to the first purchase: — (no new fan has bought yet)
admin-analytics-repeat = 🔁 Repeat purchases: <b>{ $repeat }</b> of { $paying } paying fans bought twice or more ({ $rate })
admin-analytics-revenue-head = 💰 Revenue, net of refunds · per active fan (ARPU) · per paying fan (ARPPU):
admin-analytics-revenue-line = • <b>{ $net }</b> · ARPU { $arpu } · ARPPU { $arppu }
admin-analytics-revenue-none = • none in this period
admin-analytics-stars = { $stars } ⭐
admin-analytics-money = { $amount }
admin-analytics-messages = 💬 Messages: { $in } in · { $out } out
admin-analytics-credits = 🪙 Credits: { $sold } sold · { $spent } spent
admin-analytics-response = ⏱ First response: median { $p50 } · 90 % within { $p90 } ({ $count ->
    [one] { $count } answer
   *[other] { $count } answers
})
admin-analytics-response-none = ⏱ First response: no answers in this period
admin-analytics-fans-button = 👥 Fans
admin-analytics-revenue-button = 💰 Revenue
admin-analytics-messages-button = 💬 Messages
admin-analytics-credits-button = 🪙 Credits
admin-analytics-top-button = 🏆 Top spenders
admin-analytics-products-button = 📦 Products
admin-analytics-csv-button = 📄 CSV
admin-analytics-csv-day = date

## Series (charts, tables, CSV columns)
admin-analytics-fans-title = 👥 <b>Fans per day</b> · last { $days } days ({ $timezone })
admin-analytics-revenue-title = 💰 <b>Revenue per day</b>, net of refunds · last { $days } days ({ $timezone })
admin-analytics-messages-title = 💬 <b>Messages per day</b> · last { $days } days ({ $timezone })
admin-analytics-credits-title = 🪙 <b>Credits per day</b> · last { $days } days ({ $timezone })
admin-analytics-chart-fans = Fans · { $days } days
admin-analytics-chart-revenue = Revenue, net of refunds · { $days } days
admin-analytics-chart-messages = Messages · { $days } days
admin-analytics-chart-credits = Credits · { $days } days
admin-analytics-series-new = new
admin-analytics-series-paying = paying
admin-analytics-series-stars = Stars
admin-analytics-series-card = card { $currency }
admin-analytics-series-in = in
admin-analytics-series-out = out
admin-analytics-series-in-type = in: { $type }
admin-analytics-series-out-type = out: { $type }
admin-analytics-series-sold = sold
admin-analytics-series-spent = spent
admin-analytics-total = total
admin-analytics-by-type = By type:

## Top spenders and products
admin-analytics-top-title = 🏆 <b>Top spenders</b> (credits spent on messages and content) · last { $days } days
admin-analytics-top-line = { $rank }. { $name }: { $spent ->
    [one] { $spent } credit
   *[other] { $spent } credits
} · { $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
}
admin-analytics-top-none = Nobody spent credits in this period.
admin-analytics-products-title = 📦 <b>Products</b>: sales and revenue net of refunds · last { $days } days
admin-analytics-product-line = • { $title }: { $sales ->
    [one] { $sales } sale
   *[other] { $sales } sales
} · { $net }
admin-analytics-products-none = Nothing was sold in this period.

## Analytics
# «Аналитика» центра управления (/analytics, менеджеры и владельцы): ряды по дням за 7, 30 или 90 местных
# дней, конверсия, ARPU и ARPPU, повторные покупки, время первого ответа, топ по тратам, товары;
# графики (фото) с цифрами под ними и CSV каждого ряда.

admin-hub-category-analytics = 📈 Аналитика
admin-analytics-title = 📈 <b>Аналитика</b> · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  } ({ $timezone })
admin-analytics-period = { $days } дн.
admin-analytics-period-current = · { $days } дн. ·
admin-analytics-fans = 👥 Новых фанатов: <b>{ $fans }</b> · активных: { $active } · платящих: { $paying }
admin-analytics-conversion = 🎯 От первого /start до первой покупки: <b>{ $converted }</b> из { $fans ->
    [one] { $fans } нового фаната
   *[other] { $fans } новых фанатов
  } ({ $rate })
admin-analytics-median = ⏳ Медианное время до первой покупки: { $time }
admin-analytics-median-none = ⏳ Медианное время до первой покупки: — (никто из новых фанатов ещё не покупал)
admin-analytics-repeat = 🔁 Повторные покупки: <b>{ $repeat }</b> из { $paying ->
    [one] { $paying } платящего фаната
   *[other] { $paying } платящих фанатов
  } купили дважды или больше ({ $rate })
admin-analytics-revenue-head = 💰 Выручка за вычетом возвратов · на активного фаната (ARPU) · на платящего фаната (ARPPU):
admin-analytics-revenue-line = • <b>{ $net }</b> · ARPU { $arpu } · ARPPU { $arppu }
admin-analytics-revenue-none = • за этот период выручки нет
admin-analytics-stars = { $stars } ⭐
admin-analytics-money = { $amount }
admin-analytics-messages = 💬 Сообщения: входящие { $in } · исходящие { $out }
admin-analytics-credits = 🪙 Кредиты: продано { $sold } · потрачено { $spent }
admin-analytics-response = ⏱ Первый ответ: медиана { $p50 } · 90 % — не дольше { $p90 } ({ $count ->
    [one] { $count } ответ
    [few] { $count } ответа
    [many] { $count } ответов
   *[other] { $count } ответа
  })
admin-analytics-response-none = ⏱ Первый ответ: за этот период ответов не было
admin-analytics-fans-button = 👥 Фанаты
admin-analytics-revenue-button = 💰 Выручка
admin-analytics-messages-button = 💬 Сообщения
admin-analytics-credits-button = 🪙 Кредиты
admin-analytics-top-button = 🏆 Топ по тратам
admin-analytics-products-button = 📦 Товары
admin-analytics-csv-button = 📄 CSV
admin-analytics-csv-day = дата

## Series (charts, tables, CSV columns)
admin-analytics-fans-title = 👥 <b>Фанаты по дням</b> · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  } ({ $timezone })
admin-analytics-revenue-title = 💰 <b>Выручка по дням</b>, за вычетом возвратов · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  } ({ $timezone })
admin-analytics-messages-title = 💬 <b>Сообщения по дням</b> · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  } ({ $timezone })
admin-analytics-credits-title = 🪙 <b>Кредиты по дням</b> · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  } ({ $timezone })
admin-analytics-chart-fans = Фанаты · { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
  }
admin-analytics-chart-revenue = Выручка за вычетом возвратов · { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
  }
admin-analytics-chart-messages = Сообщения · { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
  }
admin-analytics-chart-credits = Кредиты · { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
  }
admin-analytics-series-new = новые
admin-analytics-series-paying = платящие
admin-analytics-series-stars = Stars
admin-analytics-series-card = карта { $currency }
admin-analytics-series-in = входящие
admin-analytics-series-out = исходящие
admin-analytics-series-in-type = входящие: { $type }
admin-analytics-series-out-type = исходящие: { $type }
admin-analytics-series-sold = продано
admin-analytics-series-spent = потрачено
admin-analytics-total = всего
admin-analytics-by-type = По типам:

## Top spenders and products
admin-analytics-top-title = 🏆 <b>Топ по тратам</b> (кредиты на сообщения и контент) · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  }
admin-analytics-top-line = { $rank }. { $name }: { $spent } кр. · { $payments ->
    [one] { $payments } платёж
    [few] { $payments } платежа
    [many] { $payments } платежей
   *[other] { $payments } платежа
  }
admin-analytics-top-none = За этот период никто не тратил кредиты.
admin-analytics-products-title = 📦 <b>Товары</b>: продажи и выручка за вычетом возвратов · { $days ->
    [one] последний { $days } день
    [few] последние { $days } дня
    [many] последние { $days } дней
   *[other] последние { $days } дня
  }
admin-analytics-product-line = • { $title }: { $sales ->
    [one] { $sales } продажа
    [few] { $sales } продажи
    [many] { $sales } продаж
   *[other] { $sales } продажи
} · { $net }
admin-analytics-products-none = За этот период ничего не продано.

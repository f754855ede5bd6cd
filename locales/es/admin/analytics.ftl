## Analytics
# Las Estadísticas del centro de control (/analytics, gestores y propietarios): series diarias de 7, 30 o 90
# días locales, conversión, ARPU y ARPPU, compras repetidas, tiempo de primera respuesta, los fans que más
# gastan, productos; gráficos (fotos) con sus cifras debajo, y el CSV de cada serie.

admin-hub-category-analytics = 📈 Estadísticas
admin-analytics-title = 📈 <b>Estadísticas</b> · últimos { $days } días ({ $timezone })
admin-analytics-period = { $days } días
admin-analytics-period-current = · { $days } días ·
admin-analytics-fans = 👥 Fans nuevos: <b>{ $fans }</b> · activos: { $active } · de pago: { $paying }
admin-analytics-conversion = 🎯 Del primer /start a la primera compra: <b>{ $converted }</b> de { $fans } fans nuevos ({ $rate })
admin-analytics-median = ⏳ Tiempo mediano hasta la primera compra: { $time }
admin-analytics-median-none = ⏳ Tiempo mediano hasta la primera compra: — (ningún fan nuevo ha comprado aún)
admin-analytics-repeat = 🔁 Compras repetidas: <b>{ $repeat }</b> de { $paying } fans de pago compraron dos o más veces ({ $rate })
admin-analytics-revenue-head = 💰 Ingresos, sin reembolsos · por fan activo (ARPU) · por fan de pago (ARPPU):
admin-analytics-revenue-line = • <b>{ $net }</b> · ARPU { $arpu } · ARPPU { $arppu }
admin-analytics-revenue-none = • ninguno en este periodo
admin-analytics-stars = { $stars } ⭐
admin-analytics-money = { $amount }
admin-analytics-messages = 💬 Mensajes: { $in } recibidos · { $out } enviados
admin-analytics-credits = 🪙 Créditos: { $sold } vendidos · { $spent } gastados
admin-analytics-response = ⏱ Primera respuesta: mediana { $p50 } · el 90 % en menos de { $p90 } ({ $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
})
admin-analytics-response-none = ⏱ Primera respuesta: ninguna respuesta en este periodo
admin-analytics-fans-button = 👥 Fans
admin-analytics-revenue-button = 💰 Ingresos
admin-analytics-messages-button = 💬 Mensajes
admin-analytics-credits-button = 🪙 Créditos
admin-analytics-top-button = 🏆 Quién más gasta
admin-analytics-products-button = 📦 Productos
admin-analytics-csv-button = 📄 CSV
admin-analytics-csv-day = fecha

## Series (gráficos, tablas, columnas del CSV)
admin-analytics-fans-title = 👥 <b>Fans por día</b> · últimos { $days } días ({ $timezone })
admin-analytics-revenue-title = 💰 <b>Ingresos por día</b>, sin reembolsos · últimos { $days } días ({ $timezone })
admin-analytics-messages-title = 💬 <b>Mensajes por día</b> · últimos { $days } días ({ $timezone })
admin-analytics-credits-title = 🪙 <b>Créditos por día</b> · últimos { $days } días ({ $timezone })
admin-analytics-chart-fans = Fans · { $days } días
admin-analytics-chart-revenue = Ingresos, sin reembolsos · { $days } días
admin-analytics-chart-messages = Mensajes · { $days } días
admin-analytics-chart-credits = Créditos · { $days } días
admin-analytics-series-new = nuevos
admin-analytics-series-paying = de pago
admin-analytics-series-stars = Stars
admin-analytics-series-card = tarjeta { $currency }
admin-analytics-series-in = recibidos
admin-analytics-series-out = enviados
admin-analytics-series-in-type = recibidos: { $type }
admin-analytics-series-out-type = enviados: { $type }
admin-analytics-series-sold = vendidos
admin-analytics-series-spent = gastados
admin-analytics-total = total
admin-analytics-by-type = Por tipo:

## Los que más gastan y productos
admin-analytics-top-title = 🏆 <b>Los fans que más gastan</b> (créditos gastados en mensajes y contenido) · últimos { $days } días
admin-analytics-top-line = { $rank }. { $name }: { $spent } créditos · { $payments ->
    [one] { $payments } pago
   *[other] { $payments } pagos
}
admin-analytics-top-none = Nadie gastó créditos en este periodo.
admin-analytics-products-title = 📦 <b>Productos</b>: ventas e ingresos sin reembolsos · últimos { $days } días
admin-analytics-product-line = • { $title }: { $sales ->
    [one] { $sales } venta
   *[other] { $sales } ventas
} · { $net }
admin-analytics-products-none = No se vendió nada en este periodo.

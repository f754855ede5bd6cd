## Analytics
# As Análises da central de controle (/analytics, gerentes e donos): séries diárias de 7, 30 ou 90 dias
# locais, conversão, ARPU e ARPPU, recompras, tempo da primeira resposta, quem mais gastou, produtos;
# gráficos (fotos) com os números embaixo, e CSV de cada série.

admin-hub-category-analytics = 📈 Análises
admin-analytics-title = 📈 <b>Análises</b> · últimos { $days } dias ({ $timezone })
admin-analytics-period = { $days } dias
admin-analytics-period-current = · { $days } dias ·
admin-analytics-fans = 👥 Fãs novos: <b>{ $fans }</b> · ativos: { $active } · pagantes: { $paying }
admin-analytics-conversion = 🎯 Do primeiro /start à primeira compra: <b>{ $converted }</b> de { $fans } fãs novos ({ $rate })
admin-analytics-median = ⏳ Tempo mediano até a primeira compra: { $time }
admin-analytics-median-none = ⏳ Tempo mediano até a primeira compra: — (nenhum fã novo comprou ainda)
admin-analytics-repeat = 🔁 Recompras: <b>{ $repeat }</b> de { $paying } fãs pagantes compraram duas vezes ou mais ({ $rate })
admin-analytics-revenue-head = 💰 Receita líquida de reembolsos · por fã ativo (ARPU) · por fã pagante (ARPPU):
admin-analytics-revenue-line = • <b>{ $net }</b> · ARPU { $arpu } · ARPPU { $arppu }
admin-analytics-revenue-none = • nada neste período
admin-analytics-stars = { $stars } ⭐
admin-analytics-money = { $amount }
admin-analytics-messages = 💬 Mensagens: { $in } recebidas · { $out } enviadas
admin-analytics-credits = 🪙 Créditos: { $sold } vendidos · { $spent } gastos
admin-analytics-response = ⏱ Primeira resposta: mediana { $p50 } · 90 % em até { $p90 } ({ $count ->
    [one] { $count } resposta
   *[other] { $count } respostas
})
admin-analytics-response-none = ⏱ Primeira resposta: nenhuma resposta neste período
admin-analytics-fans-button = 👥 Fãs
admin-analytics-revenue-button = 💰 Receita
admin-analytics-messages-button = 💬 Mensagens
admin-analytics-credits-button = 🪙 Créditos
admin-analytics-top-button = 🏆 Quem mais gastou
admin-analytics-products-button = 📦 Produtos
admin-analytics-csv-button = 📄 CSV
admin-analytics-csv-day = data

## Series (charts, tables, CSV columns)
admin-analytics-fans-title = 👥 <b>Fãs por dia</b> · últimos { $days } dias ({ $timezone })
admin-analytics-revenue-title = 💰 <b>Receita por dia</b>, líquida de reembolsos · últimos { $days } dias ({ $timezone })
admin-analytics-messages-title = 💬 <b>Mensagens por dia</b> · últimos { $days } dias ({ $timezone })
admin-analytics-credits-title = 🪙 <b>Créditos por dia</b> · últimos { $days } dias ({ $timezone })
admin-analytics-chart-fans = Fãs · { $days } dias
admin-analytics-chart-revenue = Receita líquida de reembolsos · { $days } dias
admin-analytics-chart-messages = Mensagens · { $days } dias
admin-analytics-chart-credits = Créditos · { $days } dias
admin-analytics-series-new = novos
admin-analytics-series-paying = pagantes
admin-analytics-series-stars = Stars
admin-analytics-series-card = cartão { $currency }
admin-analytics-series-in = recebidas
admin-analytics-series-out = enviadas
admin-analytics-series-in-type = recebidas: { $type }
admin-analytics-series-out-type = enviadas: { $type }
admin-analytics-series-sold = vendidos
admin-analytics-series-spent = gastos
admin-analytics-total = total
admin-analytics-by-type = Por tipo:

## Top spenders and products
admin-analytics-top-title = 🏆 <b>Quem mais gastou</b> (créditos gastos em mensagens e conteúdo) · últimos { $days } dias
admin-analytics-top-line = { $rank }. { $name }: { $spent ->
    [one] { $spent } crédito
   *[other] { $spent } créditos
  } · { $payments ->
    [one] { $payments } pagamento
   *[other] { $payments } pagamentos
}
admin-analytics-top-none = Ninguém gastou créditos neste período.
admin-analytics-products-title = 📦 <b>Produtos</b>: vendas e receita líquida de reembolsos · últimos { $days } dias
admin-analytics-product-line = • { $title }: { $sales ->
    [one] { $sales } venda
   *[other] { $sales } vendas
} · { $net }
admin-analytics-products-none = Nada foi vendido neste período.

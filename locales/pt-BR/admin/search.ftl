## Search
# A Busca da central de controle (/search, todos os membros da equipe; pagamentos para gerentes e donos):
# usuários, pagamentos por qualquer combinação de filtros, e mensagens repassadas pelo texto.

admin-hub-category-search = 🔎 Busca
admin-search-title = 🔎 <b>Busca</b>: o que você está procurando?
admin-search-users-button = 👤 Usuários
admin-search-payments-button = 💳 Pagamentos
admin-search-messages-button = 💬 Mensagens
admin-search-again-button = 🔎 Nova busca

admin-search-payments-ask = 💳 Envie a busca de pagamentos em palavras, em qualquer ordem, ou /cancel:
    <code>#123</code> o id de um pagamento · <code>@alice</code> ou <code>fan:42</code> um fã
    <code>5-20</code>, <code>&gt;=5</code>, <code>&lt;=20</code> um valor na moeda do pagamento
    <code>2026-03-01</code> ou <code>2026-03-01..2026-03-31</code> dias locais
    <code>stars</code> ou <code>card</code> · <code>paid</code>, <code>refunded</code>, <code>failed</code>, <code>disputed</code>
admin-search-payments-help = Envie pelo menos uma palavra, por exemplo <code>@alice paid</code> ou <code>stars 2026-03-01..2026-03-31</code>.
admin-search-payments-unknown = “{ $word }” não é uma palavra de busca aqui. Tente <code>#123</code>, <code>@alice</code>, <code>5-20</code>, <code>2026-03-01</code>, <code>stars</code> ou <code>paid</code>.
admin-search-payments-range = “{ $word }”: o intervalo termina antes de começar.
admin-search-payments-twice = “{ $word }”: este filtro já foi informado uma vez.
admin-search-payments-unknown-fan = Nenhum fã tem o username @{ $username }.
admin-search-payments-title = 💳 <b>Pagamentos encontrados</b>
admin-search-payments-query = Busca: { $query }
admin-search-payments-count = { $count ->
    [one] { $count } pagamento
   *[other] { $count } pagamentos
}
admin-search-payments-count-capped = mais de { $count } pagamentos
admin-search-payments-none = Nenhum pagamento corresponde.
admin-search-payment-open = #{ $id } · { $amount }
admin-search-rail-stars = Stars
admin-search-rail-card = cartão

admin-search-messages-ask = 💬 Envie palavras da mensagem (qualquer idioma; "aspas" para uma frase exata, -palavra para excluir), ou /cancel.
admin-search-messages-empty = Envie pelo menos uma palavra.
admin-search-messages-too-long = Longo demais: no máximo 200 caracteres.
admin-search-messages-title = 💬 <b>Mensagens com</b> “{ $query }”
admin-search-message-in = { $n }. ⬅️ { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-out = { $n }. ➡️ para { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-open = 🔗 { $n }. { $fan }
admin-search-messages-none = Nenhuma mensagem corresponde. Os textos { $days ->
    [0] não são guardados para a busca (Configurações → Mensagens e recibos).
    [one] são guardados por { $days } dia para a busca.
   *[other] são guardados por { $days } dias para a busca.
}
admin-search-messages-page = Página { $page }

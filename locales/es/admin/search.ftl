## Search
# La Búsqueda del centro de control (/search, todo el equipo; pagos para gestores y propietarios): usuarios,
# pagos con cualquier combinación de filtros, y mensajes reenviados por su texto.

admin-hub-category-search = 🔎 Buscar
admin-search-title = 🔎 <b>Buscar</b>: ¿qué estás buscando?
admin-search-users-button = 👤 Usuarios
admin-search-payments-button = 💳 Pagos
admin-search-messages-button = 💬 Mensajes
admin-search-again-button = 🔎 Nueva búsqueda

admin-search-payments-ask = 💳 Envía la búsqueda de pagos como palabras, en cualquier orden, o /cancel:
    <code>#123</code> un id de pago · <code>@alice</code> o <code>fan:42</code> un fan
    <code>5-20</code>, <code>&gt;=5</code>, <code>&lt;=20</code> un importe en la moneda del pago
    <code>2026-03-01</code> o <code>2026-03-01..2026-03-31</code> días locales
    <code>stars</code> o <code>card</code> · <code>paid</code>, <code>refunded</code>, <code>failed</code>, <code>disputed</code>
admin-search-payments-help = Envía al menos una palabra, p. ej. <code>@alice paid</code> o <code>stars 2026-03-01..2026-03-31</code>.
admin-search-payments-unknown = «{ $word }» no es una palabra de búsqueda válida aquí. Prueba <code>#123</code>, <code>@alice</code>, <code>5-20</code>, <code>2026-03-01</code>, <code>stars</code> o <code>paid</code>.
admin-search-payments-range = «{ $word }»: el rango termina antes de empezar.
admin-search-payments-twice = «{ $word }»: este filtro ya se indicó una vez.
admin-search-payments-unknown-fan = Ningún fan tiene el username @{ $username }.
admin-search-payments-title = 💳 <b>Pagos encontrados</b>
admin-search-payments-query = Búsqueda: { $query }
admin-search-payments-count = { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
}
admin-search-payments-count-capped = más de { $count } pagos
admin-search-payments-none = Ningún pago coincide.
admin-search-payment-open = #{ $id } · { $amount }
admin-search-rail-stars = Stars
admin-search-rail-card = tarjeta

admin-search-messages-ask = 💬 Envía palabras del mensaje (en cualquier idioma; "comillas" para una frase, -palabra para excluirla), o /cancel.
admin-search-messages-empty = Envía al menos una palabra.
admin-search-messages-too-long = Es demasiado largo: hasta 200 caracteres.
admin-search-messages-title = 💬 <b>Mensajes con</b> «{ $query }»
admin-search-message-in = { $n }. ⬅️ { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-out = { $n }. ➡️ a { $fan } { $username } · { $at } · { $type }
    { $text }
admin-search-message-open = 🔗 { $n }. { $fan }
admin-search-messages-none = Ningún mensaje coincide. { $days ->
    [0] Los textos no se guardan para la búsqueda (Ajustes → Mensajes y recibos).
    [one] Los textos se guardan { $days } día para la búsqueda.
   *[other] Los textos se guardan { $days } días para la búsqueda.
}
admin-search-messages-page = Página { $page }

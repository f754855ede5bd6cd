## Onboarding
# /start para un fan nuevo (el recorrido rápido y su bono) y para uno que vuelve, y enlaces directos a la tienda.

start-tour-button = 📖 Recorrido rápido{ $bonus ->
        [0] {""}
       *[other] {" "}· +{ $bonus } { $bonus ->
            [one] crédito gratis
           *[other] créditos gratis
        }
    }
start-tour-skip = ✖️ Saltar
start-tour-back = ◀️ Atrás
start-tour-next = Siguiente ▶️
start-tour-finish = ✅ Entendido{ $bonus ->
        [0] {""}
       *[other] {" "}· recibir { $bonus } { $bonus ->
            [one] crédito
           *[other] créditos
        }
    }
start-tour-costs-title = 💬 <b>Qué cuesta qué</b> (1/3)
    Cada mensaje que envías aquí cuesta créditos, según su tipo:
start-tour-cost-line = • { $type }: { $cost ->
        [0] gratis
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }
start-tour-pack = 💳 Los créditos vienen en paquetes, desde { $credits } créditos por ⭐ { $stars }.
start-tour-pass = ⏳ O un pase de tiempo: { $length } de mensajes sin contar créditos, por ⭐ { $stars }.
start-tour-buy = 🛒 <b>Cómo comprar</b> (2/3)
    Toca <b>▶️ Empezar</b> bajo la bienvenida, o envía /buy, y elige un paquete o un pase. Paga con Telegram Stars{ $card ->
        [yes] {" "}o con tarjeta
       *[other] {""}
    }: lo que compraste es tuyo en cuanto se completa el pago.
    /balance muestra lo que te queda; /history lo lista todo.
start-tour-replies = 📨 <b>Cómo llegan las respuestas</b> (3/3)
    Escribe aquí sin más: texto, fotos, notas de voz… Cada mensaje llega personalmente al creador, y recibes un breve recibo con tu saldo.
    La respuesta llega en este mismo chat. 👀 en tu mensaje significa que ya se leyó.
start-tour-bonus-toast = 🎁 ¡+{ $bonus } { $bonus ->
        [one] crédito
       *[other] créditos
    }!
start-tour-done = 🎉 <b>¡Todo listo!</b>{ $bonus ->
        [0] {""}
       *[other] {" "}{ $bonus } créditos gratis son tuyos.
    }
    Saldo: <b>{ $balance }</b> créditos. Escribe tu primer mensaje cuando quieras.
start-tour-already = 👍 Ya hiciste el recorrido. Saldo: <b>{ $balance }</b> créditos.
start-tour-shop = 🛒 Abrir la tienda
start-welcome-back = 👋 <b>¡Hola de nuevo!</b>
start-welcome-back-named = 👋 <b>¡Hola de nuevo, { $name }!</b>
start-welcome-back-balance = 💳 Saldo: <b>{ $balance }</b> { $balance ->
        [one] crédito
       *[other] créditos
    }
start-welcome-back-pass = ⏳ Pase de tiempo: quedan { $left } (los mensajes son gratis)
start-link-invalid = 🤔 Ese enlace no abre nada aquí. Aquí tienes el inicio.
start-link-unknown-product = 🤔 No existe ese paquete o pase. Esto es lo que está a la venta:
start-link-off-sale = ⌛ Ese paquete o pase ya no está a la venta. Esto es lo que está a la venta ahora:
start-link-content-unknown = 🤔 No existe ese contenido. Envía /content para ver lo que hay.
start-link-content-hidden = ⌛ Ese contenido ya no está disponible. Envía /content para ver lo que hay ahora.

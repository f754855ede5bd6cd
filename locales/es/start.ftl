## Start

start-welcome-default = 👋 ¡Bienvenido! Esta es una línea privada y de pago conmigo. Compra créditos o un pase de tiempo y luego escríbeme aquí: cada mensaje me llega personalmente y te respondo en este mismo chat.
start-button = ▶️ Empezar

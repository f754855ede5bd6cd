## Common

common-stale-button = Este botón ya no funciona. Envía /start para abrir un menú nuevo.
common-error = 😕 Algo salió mal de nuestro lado y el equipo ya está avisado. Vuelve a intentarlo dentro de un rato.
common-unknown-command = No conozco { $command }. Envía /help para ver lo que puedo hacer.
common-unsupported = Eso no lo puedo procesar aquí. Envía /help para ver lo que puedo hacer.
common-back = ⬅️ Atrás
common-send-start-first = Envía /start primero.
common-slow-down = ⏳ Ve un poco más despacio: vuelve a intentarlo en { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
  }.
common-not-open-yet = 🙏 ¡Gracias por escribir! Esta línea todavía no recibe mensajes. Vuelve a intentarlo un poco más tarde; no se te cobró nada.

## Units

duration-d = { $n } d
duration-h = { $n } h
duration-min = { $n } min
duration-s = { $n } s

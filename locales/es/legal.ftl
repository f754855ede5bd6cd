## Legal

legal-terms-default = Condiciones: los créditos y los pases de tiempo son bienes digitales que sirven para enviar mensajes al creador a través de este bot. Cada mensaje cuesta créditos según su tipo, como se indica en /help; un pase de tiempo hace que los mensajes sean gratis hasta que termine. Las compras ya usadas son definitivas; las no usadas se pueden reembolsar si lo pides a través de /paysupport. Los mensajes abusivos pueden conllevar un bloqueo sin reembolso de los créditos usados.
legal-paysupport-default = Ayuda con pagos: si una compra no te llegó o quieres un reembolso, envía /paysupport seguido de una breve descripción (la fecha y lo que compraste). Le llega al equipo sin coste, y te respondemos aquí en un plazo de 48 horas; los reembolsos en Telegram Stars vuelven a tu saldo de Stars.
legal-privacy-default = <b>Privacidad</b>: qué guarda este bot sobre ti y durante cuánto tiempo.
    • Tu id de Telegram, nombre, usuario e idioma: mientras uses el bot.
    • Tus mensajes: llegan al creador como copias en su grupo privado de Telegram. El bot guarda qué mensaje es cuál (para enlazar las respuestas), el texto de los mensajes de soporte de pagos y de las ediciones durante una semana, y un mensaje que el bot no pudo procesar hasta 90 días.
    • Tus créditos, compras y pases de tiempo: mientras deban conservarse las cuentas, bajo tu id numérico.
    • Las notas que el equipo escribe sobre ti: hasta que se borren.
    Los pagos con tarjeta los gestiona Stripe; el bot nunca ve el número de tu tarjeta.
    Toca <b>Borrar mis datos</b> abajo para eliminar ahora tu nombre, usuario, notas y mensajes guardados. Tu saldo, tu pase y los registros de pago se conservan bajo tu id numérico, y lo que el creador ya recibió sigue en su chat.
legal-terms = 📄 { $text }
legal-privacy = 🔒 { $text }
legal-paysupport = 🛟 { $text }
legal-paysupport-ask = ✍️ Describe el problema en tu próximo mensaje (la fecha, qué compraste y qué salió mal): le llegará al equipo sin coste.
legal-paysupport-limit = 💳 Hoy ya enviaste { $perDay } mensajes de ayuda con pagos: el equipo los tiene y te responderá aquí. Mañana podrás enviar otro.
privacy-delete-button = 🗑 Borrar mis datos
privacy-confirm = 🗑 <b>¿Borrar tus datos?</b>
    Tu nombre y usuario, las notas del equipo sobre ti y los mensajes que guardó el bot se borran ahora, y tu nombre no se vuelve a guardar. Tu saldo, tu pase de tiempo y los registros de pago se conservan, solo bajo tu id numérico. No se puede deshacer.
privacy-confirm-button = 🗑 Sí, borrar mis datos
privacy-keep-button = ✖️ No, conservarlos
privacy-kept = No se borró nada.
privacy-erased = ✅ <b>Tus datos se borraron.</b> Tu saldo y tu pase de tiempo no cambian; puedes seguir escribiendo aquí como antes. El creador ha sido avisado.

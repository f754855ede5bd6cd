## Legal

legal-terms-default = Condiciones: los créditos y los pases de tiempo son bienes digitales que sirven para enviar mensajes al creador a través de este bot. Cada mensaje cuesta créditos según su tipo, como se indica en /help; un pase de tiempo hace que los mensajes sean gratis hasta que termine. Las compras ya usadas son definitivas; las no usadas se pueden reembolsar si lo pides a través de /paysupport. Los mensajes abusivos pueden conllevar un bloqueo sin reembolso de los créditos usados.
legal-paysupport-default = Ayuda con pagos: si una compra no te llegó o quieres un reembolso, envía /paysupport seguido de una breve descripción (la fecha y lo que compraste). Le llega al equipo sin coste, y te respondemos aquí en un plazo de 48 horas; los reembolsos en Telegram Stars vuelven a tu saldo de Stars.
legal-privacy-default = Privacidad: este bot guarda tu nombre, usuario e idioma de Telegram, tus mensajes al creador (como copias en su grupo privado), tus créditos y tus compras. Los pagos con tarjeta los procesa Stripe; el bot nunca ve el número de tu tarjeta. Pide a través de /paysupport que se borren tus datos.
legal-terms = 📄 { $text }
legal-privacy = 🔒 { $text }
legal-paysupport = 🛟 { $text }
legal-paysupport-ask = ✍️ Describe el problema en tu próximo mensaje (la fecha, qué compraste y qué salió mal): le llegará al equipo sin coste.
legal-paysupport-limit = 💳 Hoy ya enviaste { $perDay } mensajes de ayuda con pagos: el equipo los tiene y te responderá aquí. Mañana podrás enviar otro.

## Admin commands
# Los menús de comandos del equipo: en el tema de un fan, y las herramientas extra de los propietarios en su chat privado.

admin-command-info = Perfil, pagos y notas de este fan
admin-command-gift = Regalar créditos (/gift 10) o un pase (/gift 2h)
admin-command-ban = Rechazar los mensajes de este fan
admin-command-unban = Volver a aceptar los mensajes de este fan
admin-command-refund = Reembolsar un pago (/refund id, ids en /info)
admin-command-note = Añadir una nota privada (/note texto)
admin-command-close = Cerrar este tema
admin-command-reopen = Reabrir este tema
admin-command-delete = Responde a tu mensaje para borrarlo para el fan
admin-command-content = Gestionar contenido premium (/content add)
admin-command-cancel = Dejar de añadir o editar contenido
admin-command-admin = Centro de control
admin-command-conversations = Conversaciones abiertas, sin leer, prioritarias y asignadas
admin-command-dashboard = Usuarios, ingresos y mensajes de un vistazo
admin-command-system = Estado, versión y colas
admin-command-users = Buscar un fan: ficha, créditos, nivel, bloqueo
admin-command-products = Paquetes, pases, precios y etiquetas
admin-command-payments = Pagos, reembolsos e ingresos por día
admin-command-broadcast = Mensajes a muchos fans, regalos masivos, plantillas
admin-command-analytics = Crecimiento, ingresos, conversión y gráficos
admin-command-search = Buscar usuarios, pagos y mensajes

admin-command-settings = Precios, textos, interruptores y pausar la línea
admin-command-reset = Restablecer una cuenta de prueba: /reset <id de usuario> [force]
admin-command-quickreplies = Respuestas guardadas para enviar en los temas de los fans

## Control center
# El centro del equipo (/admin) en el chat privado de un miembro: navegación, rechazos, las pantallas de
# Sistema y Panel, y /claim (hacerse propietario de un bot que no tiene ninguno).

admin-hub-home = 🎛 <b>Centro de control</b> · eres { $role }.
    Elige qué quieres ver:
admin-hub-home-empty = 🎛 <b>Centro de control</b> · eres { $role }.
    Aún no hay nada aquí para tu rol: respondes a los fans en sus temas del grupo de administración.
admin-hub-role-owner = propietario
admin-hub-role-manager = gestor
admin-hub-role-agent = agente
admin-hub-category-dashboard = 📊 Panel
admin-hub-category-system = ⚙️ Sistema
admin-hub-category-users = 👥 Usuarios
admin-hub-back = ◀ Atrás
admin-hub-close = ✖ Cerrar
admin-hub-closed = Menú cerrado. /admin lo vuelve a abrir.
admin-hub-refresh = 🔄 Actualizar
admin-hub-updated = <i>Actualizado { $at }</i>
admin-hub-page = Página { $page } de { $pages }
admin-hub-invalid = Este botón no funciona (puede estar dañado o ser de otra versión).
admin-hub-stale = ⌛ Este menú está desactualizado: se abrió uno más nuevo después. Abre uno nuevo aquí:
admin-hub-open-fresh = 🔄 Abrir un menú nuevo
admin-hub-no-access = Ya no formas parte del equipo, así que este menú está cerrado.
admin-hub-not-allowed = Tu rol no incluye esto. Pídeselo a un propietario si lo necesitas.
admin-hub-cancelled = Cancelado: no se cambió nada.
admin-hub-ask-gone = Esa pregunta ya no está abierta (lo que trataba ha cambiado). No se cambió nada.
admin-hub-open-private = El centro de control se abre en tu chat privado conmigo (así el grupo queda tranquilo):
admin-hub-open-button = 🎛 Abrir el centro de control
admin-hub-outbox-title = 📤 <b>Bandeja de salida</b> (pendiente de envío):
admin-hub-outbox-empty = 📤 Bandeja de salida: nada pendiente.
admin-hub-outbox-class = · { $priority } { $name }: { $pending } pendientes, el más antiguo { $age }
admin-hub-outbox-class-replies = respuestas y confirmaciones de pago
admin-hub-outbox-class-content = mensajes de los fans
admin-hub-outbox-class-notices = recibos y avisos
admin-hub-outbox-class-renders = fichas y la bandeja
admin-hub-outbox-class-bulk = difusiones

## System
admin-system-title = ⚙️ <b>Sistema</b> · fanbridge { $version } · activo desde hace { $uptime }
admin-system-database-ok = 🗄 Base de datos: responde ({ $ms } ms)
admin-system-database-down = 🗄 Base de datos: <b>no responde</b> ({ $error })
admin-system-database-size = 🗄 Tamaño: { $mb } MB
admin-system-database-size-wal = 🗄 Tamaño: { $mb } MB, registro de escritura anticipada (WAL) { $walMb } MB
admin-system-jobs-ok = ⏱ Cola de tareas: { $ready } listas, { $deferred } programadas, { $active } en curso
admin-system-jobs-down = ⏱ Cola de tareas: <b>no responde</b> ({ $error })
admin-system-webhook-polling = 📡 Telegram: long polling (sin webhook)
admin-system-webhook-ok = 📡 Webhook de Telegram: { $pending } actualizaciones pendientes, sin errores
admin-system-webhook-error = 📡 Webhook de Telegram: { $pending } actualizaciones pendientes; último error { $at }: { $error }
admin-system-webhook-down = 📡 Telegram: <b>no se pudo consultar</b> el webhook ({ $error })
admin-system-stripe-on = 💳 Stripe: configurado
admin-system-stripe-off = 💳 Stripe: no configurado (pagos con tarjeta desactivados)
admin-system-backup-ok = 💾 Última copia de seguridad: { $at } ({ $mb } MB; diaria, se guardan 7)
admin-system-backup-overdue = 💾 Última copia de seguridad: <b>{ $at }</b>, hace más de un día ({ $mb } MB): la copia diaria está fallando, mira los registros ("backup failed")
admin-system-backup-none = 💾 Aún no hay copia de seguridad: la primera se hace a las 03:30 UTC (luego a diario, se guardan 7)
admin-system-backup-missing = 💾 <b>Ninguna copia de seguridad</b> aunque ya tocaba la diaria: mira los registros ("backup failed")
admin-system-unavailable = Las cifras del sistema no están disponibles en este proceso.
admin-system-export = 📦 Exportar todos los datos
admin-system-export-confirm = 📦 <b>Exportar todos los datos</b>
    Un archivo con todo lo que guarda fanbridge: fans, los enlaces de sus mensajes, pagos, el libro de movimientos, los ajustes y el equipo. Contiene datos personales: guárdalo en un lugar seguro.
    El mismo archivo sirve para mover una instalación a otra base de datos: <code>npm run import -- file</code> (consulta el README).
admin-system-export-go = 📦 Crear la exportación
admin-system-export-caption = 📦 Exportación de fanbridge: { $rows } filas en { $tables } tablas ({ $mb } MB). Impórtala con <code>npm run import -- file</code>.
admin-system-export-sent = ✅ Exportación enviada abajo: { $rows } filas en { $tables } tablas ({ $mb } MB).
admin-system-export-kept = ✅ Exportación creada: { $rows } filas en { $tables } tablas ({ $mb } MB). Supera los 50 MB que puede enviar un bot, así que se queda en el servidor:
    <code>{ $path }</code>
admin-system-export-busy = ⏳ Ya se está creando una exportación: llegará aquí cuando esté lista.
admin-system-export-failed = ⚠️ La exportación falló: <code>{ $error }</code>. No se cambió nada.

## Dashboard
admin-dashboard-title = 📊 <b>Panel</b> · días en { $timezone }
admin-dashboard-users = 👥 <b>Usuarios</b>: { $total } · nuevos: { $today } hoy, { $week } en 7 días, { $month } en 30 días · activos en 7 días: { $active } · de pago: { $paying }
admin-dashboard-revenue-title = 💰 <b>Ingresos</b> (sin reembolsos) hoy · 7 días · 30 días
admin-dashboard-revenue-stars = ⭐ Stars: { $today } · { $week } · { $month }
admin-dashboard-revenue-card = 💳 Tarjeta: { $today } · { $week } · { $month }
admin-dashboard-revenue-card-none = 💳 Tarjeta: nada en 30 días
admin-dashboard-messages = 💬 <b>Mensajes</b> recibidos / enviados: { $inToday } / { $outToday } hoy · { $inWeek } / { $outWeek } en 7 días · { $inMonth } / { $outMonth } en 30 días
admin-dashboard-credits = 🪙 <b>Créditos</b> vendidos / gastados: { $soldToday } / { $spentToday } hoy · { $soldWeek } / { $spentWeek } en 7 días · { $soldMonth } / { $spentMonth } en 30 días

## Claim
admin-claim-done = 👑 <b>Ahora este bot es tuyo.</b>
    Siguiente paso: crea un grupo de Telegram, activa los <b>Temas</b> en sus ajustes, añade a @{ $bot }, hazlo administrador (gestionar temas, fijar y eliminar mensajes) y envía /setup en el grupo: lo reviso y empiezo a usarlo, sin copiar ningún id. Las conversaciones de los fans llegan allí, un tema por fan.
    /admin abre el centro de control.
admin-claim-already = Este bot ya es tuyo. /admin abre el centro de control.
admin-claim-missing = Envía el código que muestra el bot al arrancar: <code>/claim XXXX-XXXX-XXXX-XXXX</code>
admin-claim-invalid = Ese código es incorrecto o ha caducado. Revisa la salida del bot al arrancar (se muestra un código nuevo en cada arranque mientras el bot no tenga propietario).
admin-claim-slow-down = Demasiados intentos. Vuelve a intentarlo en { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
  }.
admin-hub-category-broadcast = 📣 Difusión

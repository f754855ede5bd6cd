## Settings
# Los Ajustes del centro de control (/settings, gestores y propietarios): cada valor que puede editar un
# propietario, cambios guiados con validación y vista previa, el interruptor de pausa de la línea y los últimos cambios.

admin-hub-category-settings = 🛠 Ajustes
admin-settings-title = 🛠 <b>Ajustes</b>
admin-settings-saved = ✅ Guardado: <b>{ $label }</b> { $old } → { $new }. Los fans lo verán en unos segundos.
admin-settings-unchanged = No ha cambiado nada: <b>{ $label }</b> ya es { $value }.
admin-settings-on = activado
admin-settings-off = desactivado
admin-settings-none = —
admin-settings-not-allowed-card = No se pueden activar los pagos con tarjeta: Stripe no está configurado (define STRIPE_SECRET_KEY).

## Overview and groups
admin-settings-line-open = ▶️ La línea está <b>abierta</b>: se aceptan los mensajes de los fans.
admin-settings-line-paused = ⏸ La línea está <b>en pausa</b>: los mensajes de los fans se rechazan con un aviso y no se cobra nada.
admin-settings-overview-prices = 💬 Precios: { $list }
admin-settings-overview-money = 🪙 Saldo bajo por debajo de { $low } · bono para fans nuevos { $bonus } · moneda de la tienda { $currency } · límite de recarga automática { $cap } al mes
admin-settings-overview-messages = 🧾 Recibos: { $receipts } · reenvío: { $relay } · ediciones reflejadas: { $edits } · temas nuevos: { $topics } por minuto
admin-settings-overview-language = 🌍 Idioma: { $language } · grupo: { $group } · zona horaria: { $timezone }
admin-settings-overview-tiers = 🏅 Niveles: Habitual desde { $regular } · VIP desde { $vip } créditos gastados
admin-settings-overview-switches = 🔀 Pagos con tarjeta: { $card } · recarga automática: { $auto } · contenido premium: { $premium }
admin-settings-overview-texts = 📝 Textos propios: { $list }
admin-settings-texts-none = ninguno (se usan los textos integrados)
admin-settings-pause-button = ⏸ Pausar la línea
admin-settings-resume-button = ▶️ Reabrir la línea
admin-settings-group-texts = 📝 Textos
admin-settings-group-prices = 💬 Precios de los mensajes
admin-settings-group-money = 🪙 Saldo y dinero
admin-settings-group-messages = 🧾 Mensajes y recibos
admin-settings-group-language = 🌍 Idioma y hora
admin-settings-group-tiers = 🏅 Niveles
admin-settings-group-switches = 🔀 Interruptores
admin-settings-recent-button = 🕓 Cambios recientes
admin-settings-group-title = { $title }
    Elige qué quieres cambiar:
admin-settings-field-line = · { $label }: { $value }

## Labels (what each setting is called on the screens and in the change log)
admin-settings-label-welcome = Texto de bienvenida
admin-settings-label-terms = Términos (/terms)
admin-settings-label-privacy = Privacidad (/privacy)
admin-settings-label-paysupport = Soporte de pagos (/paysupport)
admin-settings-label-response-time = "Suele responder en …" (recibos)
admin-settings-label-costs = Precios de los mensajes
admin-settings-label-low = Aviso de saldo bajo por debajo de
admin-settings-label-bonus = Bono para fans nuevos
admin-settings-label-tutorial = Bono del recorrido rápido
admin-settings-label-tutorial-bonus = Bono del recorrido rápido (créditos)
admin-settings-label-receipts = Recibos
admin-settings-label-relay = Modo de reenvío
admin-settings-label-cap = Límite mensual de recarga automática
admin-settings-label-topics = Temas nuevos por minuto
admin-settings-label-edits = Ediciones reflejadas por mensaje
admin-settings-label-timezone = Zona horaria
admin-settings-label-currency = Moneda de la tienda
admin-settings-label-paused = Línea en pausa
admin-settings-label-card = Pagos con tarjeta
admin-settings-label-auto = Recarga automática
admin-settings-label-premium = Contenido premium
admin-settings-label-tiers = Umbrales de nivel
admin-settings-label-tier-regular = Habitual desde (créditos gastados)
admin-settings-label-tier-vip = VIP desde (créditos gastados)
admin-settings-label-language = Idioma predeterminado
admin-settings-label-group-language = Idioma del grupo de administración
admin-settings-label-cost = Precio: { $type }

## Values
admin-settings-receipts-every = después de cada mensaje
admin-settings-receipts-low = solo cuando el saldo es bajo
admin-settings-receipts-off = nunca
admin-settings-relay-copy = copiar (sin "reenviado de")
admin-settings-relay-forward = reenviar (muestra el nombre del fan)
admin-settings-cannot-send = no se puede enviar
admin-settings-edits-off = no se reflejan
admin-settings-credits = { $count ->
    [one] { $count } crédito
   *[other] { $count } créditos
  }

## Typing a value
admin-settings-current = <b>{ $label }</b>
    Ahora: { $value }
admin-settings-ask-int = Envía un número entero de { $min } a { $max }, o /cancel.
admin-settings-ask-amount = Envía un importe en { $currency } de { $min } a { $max } (por ejemplo 49.99), o /cancel.
admin-settings-ask-timezone = Envía una zona horaria con su nombre IANA, como Europe/Madrid, America/Sao_Paulo o UTC, o /cancel. Los días del panel empiezan a su medianoche.
admin-settings-ask-currency = Envía un código de moneda de tres letras (ISO 4217), como usd, eur o brl, o /cancel. Los precios con tarjeta de todos los productos están en esta moneda.
admin-settings-ask-cost = Envía el precio en créditos, un número entero de { $min } a { $max } (0 = gratis), o /cancel. O rechaza este tipo:
admin-settings-cost-refuse-button = 🚫 No se puede enviar
admin-settings-edits-hint = Cada edición reflejada gasta un envío del cupo del grupo de administración.
admin-settings-overview-search = 🔎 Textos de mensajes guardados para la búsqueda: { $days }
admin-settings-label-search-retention = Textos de mensajes guardados para la búsqueda
admin-settings-search-retention-days = { $days ->
    [0] no se guardan
    [one] { $days } día
   *[other] { $days } días
}
admin-settings-search-retention-hint = Cuánto tiempo se pueden buscar en /search el texto y los pies de los mensajes reenviados; una tarea diaria borra los más antiguos. 0 no guarda ninguno.
admin-settings-edits-off-button = Desactivar el reflejo de ediciones
admin-settings-edits-on-button = Activar el reflejo de ediciones ({ $limit })
admin-settings-topics-hint = Cada conversación nueva cuesta cuatro de los 20 envíos por minuto del grupo de administración; por encima de esto, los fans nuevos esperan su turno (cobrados, en cola).
admin-settings-cap-hint = Lo máximo que pueden cobrar las recargas automáticas de un fan en un mes natural.
admin-settings-tiers-hint = Créditos gastados en total (mensajes y desbloqueos, no regalos ni bonos). El ascenso es automático y nunca baja por sí solo; VIP debe estar por encima de Habitual.
admin-settings-choose = Elige una opción:
admin-settings-choice-current = ✅ { $label }
admin-settings-language-hint = Tus textos recurren al idioma predeterminado, y también las pantallas de administración hasta que un miembro elija uno.
admin-settings-group-language-hint = Lo que el bot escribe en el grupo de administración (fichas, la bandeja, notas) está en este idioma.

## Errors (the question stays open)
admin-settings-error-number = ⚠️ Eso no es un número entero. Envía solo dígitos, como 5.
admin-settings-error-amount = ⚠️ Eso no es un importe. Envía un número, como 49.99.
admin-settings-error-min = ⚠️ Demasiado pequeño: el mínimo permitido es { $min }.
admin-settings-error-max = ⚠️ Demasiado grande: el máximo permitido es { $max }.
admin-settings-error-too-long = ⚠️ Demasiado largo: { $length } caracteres, como máximo { $max }. Acórtalo y vuelve a enviarlo.
admin-settings-error-empty = ⚠️ Envía algún texto (o vuelve atrás y usa Borrar para usar el texto integrado).
admin-settings-error-text = ⚠️ Envía el texto como mensaje (aquí no se pueden usar fotos ni archivos).
admin-settings-error-timezone = ⚠️ No conozco esa zona horaria. Usa un nombre IANA como Europe/Madrid o America/New_York.
admin-settings-error-currency = ⚠️ No es un código de moneda: usa tres letras, como usd o eur.
admin-settings-error-tiers = ⚠️ El umbral VIP debe estar por encima del Habitual (ahora Habitual { $regular }, VIP { $vip }).
admin-settings-error-invalid = ⚠️ Ese valor no sirve para este ajuste.
admin-settings-try-again = Envía otro valor, o /cancel.

## Texts per language
admin-settings-texts-title = 📝 <b>Textos que leen los fans</b>
    Cada uno es por idioma: un fan lee el suyo; si no, el del idioma predeterminado ({ $language }); si no, el texto integrado.
admin-settings-text-languages = <b>{ $label }</b>
    Elige el idioma en que lo escribes:
admin-settings-text-lang-own = { $language } ✏️
admin-settings-text-lang-builtin = { $language } (integrado)
admin-settings-text-current-own = <b>{ $label }</b> · { $language }
    Ahora (tu texto):
admin-settings-text-current-builtin = <b>{ $label }</b> · { $language }
    Ahora: el texto integrado
admin-settings-text-current-none = <b>{ $label }</b> · { $language }
    Ahora: no se muestra
admin-settings-text-ask = Envía el nuevo texto (texto simple, como máximo { $max } caracteres), o /cancel.
admin-settings-text-clear-button = 🗑 Borrar (usar el texto integrado)
admin-settings-text-cleared = ✅ Borrado: <b>{ $label }</b> en { $language } vuelve al texto integrado.
admin-settings-preview = 👀 <b>Vista previa</b>: esto es exactamente lo que verá un fan que lee en { $language }.
admin-settings-preview-save = ✅ Guardar
admin-settings-preview-edit = ✏️ Editar de nuevo
admin-settings-preview-cancel = ✖ Cancelar
admin-settings-preview-hint = Guarda, envía otra versión para sustituirla, o Cancela.
admin-settings-draft-gone = Esta vista previa ya no está abierta (se canceló o se sustituyó): no se guardó nada.
admin-settings-response-time-hint = Se muestra bajo cada recibo, como "Suelo responder en unas horas". Vacío: no se muestra.

## Switches
admin-settings-switches-title = 🔀 <b>Interruptores</b>
admin-settings-switch-line = { $label }: <b>{ $value }</b>
admin-settings-switch-on-button = Activar: { $label }
admin-settings-switch-off-button = Desactivar: { $label }
admin-settings-stars-always = ⭐ Las Telegram Stars están siempre activadas: Telegram las exige para los bienes digitales.
admin-settings-stripe-off = 💳 Pagos con tarjeta: Stripe no está configurado, así que no hay nada que activar (define STRIPE_SECRET_KEY para vender con tarjeta).
admin-settings-card-hint = Desactivado: /buy, /billing y /autorecharge no ofrecen pago con tarjeta, como si Stripe no estuviera configurado.
admin-settings-auto-hint = Desactivado: no se hace ninguna recarga automática y /autorecharge indica que está desactivada (los fans conservan su elección para más adelante).
admin-settings-tutorial-hint = Activado: un fan nuevo que termina el recorrido rápido de /start recibe el bono del recorrido rápido, una sola vez. Desactivado: el recorrido no da nada.
admin-settings-tutorial-bonus-hint = Créditos que recibe un fan nuevo, una sola vez, por terminar el recorrido rápido de /start (0: ninguno).
admin-settings-premium-hint = Desactivado: /content indica que el contenido premium no está disponible; lo que los fans ya tienen se puede volver a enviar.
admin-settings-pause-hint = En pausa: los mensajes de los fans no se reenvían ni se cobran; cada uno recibe un aviso. Las compras y /balance siguen funcionando.

## Recent changes
admin-settings-recent-title = 🕓 <b>Cambios recientes</b> (últimos { $count })
admin-settings-recent-empty = Aún no se ha cambiado ningún ajuste aquí.
admin-settings-recent-line = { $at } · { $who } · { $label }: { $old } → { $new }
admin-settings-owner-only = 🔒 El bono para fans nuevos, la moneda de la tienda, el límite de recarga automática y los interruptores de tarjeta y recarga automática mueven dinero: solo los propietarios los cambian.
admin-settings-overview-discounts = 🎁 Descuentos por nivel en mensajes: Nuevo { $new } % · Habitual { $regular } % · VIP { $vip } %
admin-settings-label-discounts = Descuentos por nivel
admin-settings-label-discount = Descuento { $tier } (%)
admin-settings-discounts-hint = Porcentaje de descuento en cada mensaje para los fans de este nivel (de 0 a 90). El precio se redondea hacia arriba desde la mitad y nunca baja de 1 crédito; un fan que asciende de nivel recibe un aviso una sola vez, con su descuento.
admin-settings-percent = { $value } %

## Quick replies
# /quickreplies en el centro de control, y el botón del modo inline. $title, $category: los de la plantilla.

admin-hub-category-quickreplies = ⚡ Respuestas rápidas
admin-qr-title = ⚡ <b>Respuestas rápidas</b>: { $count ->
    [one] { $count } plantilla
   *[other] { $count } plantillas
  }
admin-qr-how = Para enviar una, en el tema de un fan escribe <code>@{ $bot }</code> y una palabra de su título o texto, y elígela: le llega al fan como tu respuesta (👌 cuando se entrega).
admin-qr-empty = Aún no hay plantillas.
admin-qr-no-category = Sin categoría
admin-qr-category-button = 🗂 { $name } ({ $count })
admin-qr-new-button = ➕ Nueva plantilla
admin-qr-import-button = 📥 Importar
admin-qr-export-button = 📤 Exportar
admin-qr-category-title = 🗂 <b>{ $name }</b>: { $count ->
    [one] { $count } plantilla
   *[other] { $count } plantillas
  }
admin-qr-line = { $title } · usada { $uses }×
admin-qr-new-here-button = ➕ Nueva en esta categoría
admin-qr-card =
    ⚡ <b>{ $title }</b>
    🗂 { $category } · usada { $uses }× · última vez { $lastUsed }
admin-qr-never = nunca
admin-qr-edit-title-button = ✏️ Título
admin-qr-edit-body-button = ✏️ Texto
admin-qr-edit-category-button = 🗂 Categoría
admin-qr-up-button = ⬆️ Subir
admin-qr-down-button = ⬇️ Bajar
admin-qr-delete-button = 🗑 Eliminar
admin-qr-delete-confirm = 🗑 ¿Eliminar <b>{ $title }</b> (usada { $uses }×)? No se puede deshacer.
admin-qr-delete-yes = 🗑 Sí, eliminarla
admin-qr-deleted = 🗑 <b>{ $title }</b> se eliminó.
admin-qr-gone = ⚠️ Esa plantilla o categoría ya no existe.
admin-qr-saved = ✅ Guardado.
admin-qr-created = ✅ <b>{ $title }</b> se añadió.
admin-qr-ask-category = 🗂 Elige una categoría, envía el nombre de una nueva (hasta { $max } caracteres), o /cancel.
admin-qr-ask-title = ✏️ Envía el título (hasta { $title } caracteres; categoría: { $category }). Es lo que eliges en el tema. O /cancel.
admin-qr-ask-body = ✏️ Envía el texto que recibirán los fans (hasta { $body } caracteres; se conservan la negrita, la cursiva y los enlaces). O /cancel.
admin-qr-error-text-only = ⚠️ Envía texto, por favor.
admin-qr-error-title-empty = ⚠️ El título no puede estar vacío.
admin-qr-error-title-long = ⚠️ El título es demasiado largo: como máximo { $title } caracteres.
admin-qr-error-category-long = ⚠️ La categoría es demasiado larga: como máximo 32 caracteres.
admin-qr-error-category-invalid = ⚠️ Una categoría no puede contener «]».
admin-qr-error-body-empty = ⚠️ El texto no puede estar vacío.
admin-qr-error-body-long = ⚠️ El texto es demasiado largo: como máximo { $body } caracteres.
admin-qr-error-body-command = ⚠️ El texto no puede empezar por «/» (en un tema eso es un comando, y nunca se envía al fan).
admin-qr-error-duplicate = ⚠️ Esta categoría ya tiene una plantilla con ese título: envía otro título.
admin-qr-error-too-many = ⚠️ Como máximo { $max } plantillas en total.
admin-qr-import-ask =
    📥 Envía un archivo <b>.txt</b> (UTF-8, hasta 256 KB) o pega el texto, en el formato que genera Exportar:
    <code>=== [Categoría] Título</code> (o <code>=== Título</code>), y el texto de la plantilla en las líneas de debajo, hasta la siguiente línea <code>===</code>. Una línea de texto que empiece por === se escribe \===.
    Una plantilla cuya categoría y título ya existen recibe el texto nuevo; las demás se añaden (como máximo { $max } en total). Si hay algún error, no se importa nada. O /cancel.
admin-qr-import-done = 📥 Importado: { $added } añadidas, { $updated } actualizadas, { $unchanged } sin cambios.
admin-qr-import-errors = ⚠️ No se importó nada ({ $count ->
    [one] { $count } error
   *[other] { $count } errores
  }). Corrige el archivo y vuelve a enviarlo, o /cancel:
admin-qr-import-error-line = • línea { $line }: { $reason }
admin-qr-import-outside = texto antes de la primera línea «=== Título»
admin-qr-import-duplicate = la misma categoría y título dos veces
admin-qr-import-empty = no contiene ninguna plantilla
admin-qr-import-file-error = ⚠️ No se pudo leer ese archivo: envía un archivo .txt en UTF-8 de 256 KB como máximo, o pega el texto.
admin-qr-export-caption = 📤 { $count ->
    [one] { $count } respuesta rápida
   *[other] { $count } respuestas rápidas
  }. Edítalo y vuelve a enviarlo con 📥 Importar.
admin-qr-export-empty = Aún no hay nada que exportar.
admin-qr-inline-manage = ⚙️ Gestionar respuestas rápidas

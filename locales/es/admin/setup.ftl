## Admin setup
# Lo que se dice en privado a los propietarios mientras se configura el bot: aún sin grupo de administración, un grupo
# que espera convertirse en grupo de administración, y errores al procesar una actualización.

admin-setup-group-pending = ⏳ Me añadieron a <b>{ $title }</b> (<code>{ $chatId }</code>) y esperaré allí la configuración hasta { $until }.
    Para convertirlo en grupo de administración, envía /setup en él: compruebo lo que necesito allí y te digo lo que falta. Si no, me iré entonces.
admin-setup-error-alert = ⚠️ <b>Error de fanbridge</b> al procesar la actualización { $updateId }:
    <code>{ $message }</code>
    (Los siguientes errores de este tipo se silencian durante 10 minutos; consulta los logs.)
admin-setup-update-parked = ⚠️ <b>fanbridge apartó una actualización</b>: la actualización { $updateId } ({ $kind }) falló { $attempts } veces y queda guardada en <code>failed_updates</code> con su JSON original.
    Último error: <code>{ $error }</code>
    (Las siguientes actualizaciones apartadas en los próximos 10 minutos no se anuncian; consulta los logs.)
admin-setup-memberships-missing = 👥 <b>No todo el equipo está en todos los grupos de administración.</b> La conversación de cada fan vive en uno de ellos, así que quien responda a los fans debe ser miembro de todos. Faltan (grupo: personas):
    { $missing }
    Añádelos a esos grupos; te aviso una sola vez de cada membresía que falta.

## Setup
# /setup en un grupo: lo que falta (cada cosa con su solución), listo, rechazos; cambios posteriores en los permisos
# del bot en un grupo de administración.

admin-setup-not-owner = Solo un propietario puede configurar este grupo.
admin-setup-private = Envía /setup en el grupo con temas que debe recibir las conversaciones de los fans (añádeme allí primero: abre el grupo → Añadir miembros → @{ $bot }). Compruebo lo que necesito allí y te digo lo que falta.
admin-setup-unreadable = No pude leer los ajustes de este grupo. Comprueba que sigo siendo miembro y vuelve a enviar /setup.
admin-setup-missing = 🛠 <b>{ $title }</b> aún no está listo. Falta:
    { $missing }
    Corrígelo y vuelve a enviar /setup.
admin-setup-need-supergroup = un supergrupo: activa los <b>Temas</b> en los ajustes del grupo (Editar → Temas); Telegram convierte el grupo, luego vuelve a enviar /setup en él
admin-setup-need-forum = temas: en los ajustes del grupo activa los <b>Temas</b> (Editar → Temas)
admin-setup-need-admin = que yo sea administrador: Editar → Administradores → Añadir administrador → yo
admin-setup-need-manage-topics = el permiso para <b>gestionar temas</b> (cada fan tiene un tema): Editar → Administradores → yo → Gestionar temas
admin-setup-need-pin-messages = el permiso para <b>fijar mensajes</b> (la ficha de cada fan se fija en su tema): Editar → Administradores → yo → Fijar mensajes
admin-setup-need-delete-messages = el permiso para <b>eliminar mensajes</b> (para poder retirar tus respuestas): Editar → Administradores → yo → Eliminar mensajes
admin-setup-done = ✅ <b>{ $title }</b> ahora es { $groups ->
    [one] el grupo de administración
   *[other] un grupo de administración (uno de { $groups })
  }. Las conversaciones de los nuevos fans se abren aquí como temas, uno por fan; responde en un tema para contestar. Añade a tu equipo con /team en mi chat privado.
admin-setup-done-already = ✅ <b>{ $title }</b> ya es un grupo de administración, y todo lo que necesito está en orden.
admin-setup-done-configured = ✅ <b>{ $title }</b> es un grupo de administración según la configuración (<code>ADMIN_GROUP_ID</code>/<code>ADMIN_GROUP_IDS</code>), y todo lo que necesito está en orden.
admin-setup-rights-missing = ⚠️ Mis permisos cambiaron en el grupo de administración <b>{ $title }</b>. Ahora falta:
    { $missing }
    Las conversaciones de los fans allí pueden quedarse atascadas hasta que se corrija.
admin-setup-rights-fixed = ✅ Mis permisos en el grupo de administración <b>{ $title }</b> vuelven a estar completos: no falta nada.

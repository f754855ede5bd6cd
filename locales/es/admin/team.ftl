## Team
# La categoría Equipo del centro de control (solo propietarios): miembros, añadir (un contacto compartido o un
# mensaje reenviado), roles, quitar; la invitación que recibe un miembro nuevo.

admin-hub-category-team = 👥 Equipo
admin-command-team = Miembros del equipo: añadir, cambiar roles, quitar
admin-team-title = 👥 <b>Equipo</b> · { $count ->
    [one] una persona
   *[other] { $count } personas
  }
    Los propietarios lo hacen todo; los gestores llevan la línea (productos, ajustes, conversaciones); los agentes responden a los fans.
admin-team-empty = Aún no hay nadie en el equipo.
admin-team-line = { $who } · { $role } · añadido por { $by } el { $at }
admin-team-line-config = { $who } · { $role } (ADMIN_USER_IDS)
admin-team-by-claim = /claim
admin-team-add = ➕ Añadir un miembro
admin-team-add-ask = ➕ <b>Añadir un miembro</b>
    Pulsa <b>Elegir una persona</b> en el teclado de abajo y elígela entre tus chats, o reenvíame uno de sus mensajes.
    /cancel para detener.
admin-team-share-prompt = 👇 ¿Quién se une al equipo?
admin-team-share-button = 👤 Elegir una persona
admin-team-add-how = Eso no es una persona. Pulsa <b>Elegir una persona</b> abajo, o reenvíame un mensaje que haya escrito (no uno de un canal o grupo).
admin-team-forward-hidden = { $name } oculta su cuenta en los mensajes reenviados (por sus ajustes de privacidad), así que no sé quién es. Pulsa <b>Elegir una persona</b> abajo, o pídele que permita enlazar su cuenta al reenviar.
admin-team-share-stale = Ese botón es de una pregunta anterior. Usa el botón <b>Elegir una persona</b> más reciente, o reenvíame uno de sus mensajes.
admin-team-share-gone = Esa elección vino de un teclado antiguo: no se cambió nada. Abre /team para añadir a alguien.
admin-team-shared = Entendido: { $who }.
admin-team-pick-role = Añadir a <b>{ $who }</b> como:
admin-team-pick-role-member = <b>{ $who }</b> ya está en el equipo como { $role }. Su nuevo rol será:
admin-team-role-manager = 🧭 Gestor
admin-team-role-agent = 💬 Agente
admin-team-added = ✅ <b>{ $who }</b> está en el equipo como { $role }.
admin-team-links-sent = Le envié { $count ->
    [one] un enlace de invitación de un solo uso al grupo de administración
   *[other] enlaces de invitación de un solo uso a los { $count } grupos de administración
  } (válidos 24 horas).
admin-team-links-forward = Aún no ha iniciado un chat conmigo, así que no pude enviarle la invitación. Reenvíale estos enlaces de un solo uso (válidos 24 horas) y pídele que me abra y pulse Iniciar:
    { $links }
admin-team-links-failed = ⚠️ { $count ->
    [one] No se pudo crear un enlace de invitación
   *[other] No se pudieron crear { $count } enlaces de invitación
  }: necesito el permiso para invitar usuarios en cada grupo de administración.
admin-team-no-groups = Aún no hay grupo de administración: ejecuta /setup en tu grupo con temas y luego invítalo allí.
admin-team-open-member = 👤 Abrir su ficha
admin-team-invite = 👋 Te uniste al equipo como { $role }. Las conversaciones de los fans están en el grupo de administración; únete con estos enlaces de un solo uso (válidos 24 horas):
    { $links }
    Después, /admin abre el centro de control.
admin-team-member = 👤 <b>{ $who }</b> · <code>{ $id }</code>
    Rol: { $role }
admin-team-member-added = Añadido por { $by } el { $at }
admin-team-member-config = Un propietario de <code>ADMIN_USER_IDS</code>: cámbialo en el entorno.
admin-team-make-manager = 🧭 Hacer gestor
admin-team-make-agent = 💬 Hacer agente
admin-team-role-changed = ✅ Rol cambiado a { $role }.
admin-team-remove = 🗑 Quitar del equipo
admin-team-remove-confirm = ¿Quitar a <b>{ $who }</b> del equipo? { $self ->
    [yes] Pierdes tu propio acceso al instante.
   *[no] Pierde el centro de control al instante.
  } Lo saco de { $groups ->
    [0] ningún grupo de administración (aún no hay ninguno)
    [one] el grupo de administración
   *[other] los { $groups } grupos de administración
  }, así que ya no verá las conversaciones de los fans.
admin-team-remove-yes = 🗑 Sí, quitar
admin-team-removed = ✅ <code>{ $id }</code> quitado del equipo y de { $groups ->
    [0] ningún grupo de administración
    [one] el grupo de administración
   *[other] los { $groups } grupos de administración
  }.
admin-team-remove-failed = ⚠️ No pude sacarlo de { $count ->
    [one] un grupo de administración
   *[other] { $count } grupos de administración
  } (necesito el permiso para expulsar usuarios allí): quítalo a mano.
admin-team-not-member = Esa persona no está en el equipo (o ya no).
admin-team-config-owner = Este propietario viene de <code>ADMIN_USER_IDS</code> y no se puede cambiar ni quitar aquí: cambia el entorno y reinicia.
admin-team-last-owner = Eres el último propietario: añade otro propietario primero, o el bot se quedaría sin nadie al mando.
admin-team-stale = ⌛ Esa elección está desactualizada: vuelve a compartir la persona con ➕ Añadir un miembro.
admin-team-is-bot = Los bots no pueden unirse al equipo.

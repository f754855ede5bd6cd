## Broadcast
# /broadcast: difusiones y regalos masivos, su mensaje de progreso en directo y su informe (solo administradores).

admin-broadcast-title = <b>📣 Difusión</b>
    Envía un mensaje a muchos fans, con lo que las conversaciones en curso dejan libre del cupo del bot.
admin-broadcast-running = En curso ahora:
admin-broadcast-new = ✏️ Nueva difusión
admin-broadcast-gift = 🎁 Regalo masivo
admin-broadcast-templates = 📋 Plantillas
admin-broadcast-segments = 🎯 Segmentos
admin-broadcast-history-button = 📜 Historial
admin-broadcast-gift-history-button = 🎁 Historial de regalos
admin-broadcast-history = <b>📜 Difusiones</b> (primero las más recientes)
admin-broadcast-gift-history = <b>🎁 Regalos masivos</b> (primero los más recientes)
admin-broadcast-none = Aún no hay nada guardado.
admin-broadcast-line = { $kind ->
    [gift] 🎁
   *[other] 📣
  } #{ $id } · { $status ->
    [draft] borrador
    [sending] enviando
    [paused] en pausa
    [cancelled] { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] { $kind ->
        [gift] terminado
       *[other] terminada
    }
   *[other] { $status }
  } · { $sent }/{ $total }
admin-broadcast-compose = Envía el mensaje que quieres difundir: un texto, una foto, un vídeo, un archivo o un álbum. Se conserva su formato.
admin-broadcast-gift-compose = Envía el mensaje que acompaña al regalo (un texto, un archivo multimedia o un álbum); debajo se añade una línea que dice lo que han recibido.
admin-broadcast-unsupported = Este tipo de mensaje no se puede difundir. Envía un texto, una foto, un vídeo, una animación, un archivo, un audio, una nota de voz o un álbum.
admin-broadcast-gift-kind = ¿Qué le regalas a cada fan de la audiencia?
admin-broadcast-gift-credits = 💎 Créditos
admin-broadcast-gift-pass = ⏱ Pase de tiempo
admin-broadcast-gift-credits-ask = ¿Cuántos créditos para cada fan? (de 1 a { $max })
admin-broadcast-gift-pass-ask = ¿De cuánto tiempo es el pase para cada fan? (p. ej., 2h, 1d, 7d)
admin-broadcast-gift-invalid = Eso no es una cantidad que pueda regalar. Inténtalo de nuevo, o /cancel.
admin-broadcast-draft = <b>✏️ Borrador de difusión</b>
admin-broadcast-gift-draft = <b>🎁 Borrador de regalo masivo</b>: { $what ->
    [credits] { $credits } créditos a cada uno
   *[other] un pase de { $pass } a cada uno
  }
admin-broadcast-content = { $kind ->
    [text] Texto
    [album] Álbum de { $items }
   *[other] { $kind }
  }{ $buttons ->
    [0] {""}
    [one] {" "}con { $buttons } botón
   *[other] {" "}con { $buttons } botones
  }
admin-broadcast-empty = Aún no hay mensaje.
admin-broadcast-audience-line = 🎯 { $audience }: <b>{ $count }</b> { $count ->
    [one] fan
   *[other] fans
  } ahora
admin-broadcast-replace-hint = <i>Envía otro mensaje para sustituir este.</i>
admin-broadcast-preview = 👁 Vista previa
admin-broadcast-previewed = 👁 La vista previa está arriba: esto es lo que recibirán los fans.
admin-broadcast-buttons = 🔗 Botones
admin-broadcast-buttons-ask = Envía los botones, uno por línea como <code>Texto - https://enlace</code> (como máximo 8), o <code>-</code> para quitarlos.
admin-broadcast-buttons-invalid = No pude leer esos botones: uno por línea, <code>Texto - https://enlace</code>, como máximo 8. Inténtalo de nuevo, o /cancel.
admin-broadcast-audience = 🎯 Audiencia
admin-broadcast-save-template = 💾 Guardar como plantilla
admin-broadcast-review = ➡️ Revisar y enviar
admin-broadcast-audience-title = <b>🎯 Quién lo recibe</b> (nunca los fans bloqueados ni los que bloquearon el bot)
admin-broadcast-any-tier = Cualquier nivel
admin-broadcast-active-any = Cualquier actividad
admin-broadcast-active = { $days } d
admin-broadcast-paid-any = De pago o no
admin-broadcast-never-paid = Nunca pagaron
admin-broadcast-spent = Gastado ≥ …
admin-broadcast-spent-clear = ✖ Cualquier gasto
admin-broadcast-spent-ask = ¿Fans que gastaron al menos cuántos créditos?
admin-broadcast-spent-invalid = Envía un número entero de créditos de 1 a { $max }, por favor.
admin-broadcast-save-segment = 💾 Guardar como segmento
admin-broadcast-audience-done = ✅ Listo
admin-broadcast-crit-all = Todos los fans
admin-broadcast-crit-tier = nivel { $tier }
admin-broadcast-crit-active = activos en los últimos { $days } días
admin-broadcast-crit-spent = gastado ≥ { $credits }
admin-broadcast-crit-never-paid = nunca pagaron
admin-broadcast-name-ask = ¿Qué nombre le pones? (hasta 40 caracteres)
admin-broadcast-name-invalid = Un nombre de 1 a 40 caracteres, por favor.
admin-broadcast-name-taken = Ese nombre ya existe: elige otro.
admin-broadcast-saved = 💾 Guardado.
admin-broadcast-confirm = ¿Enviar esta difusión a exactamente <b>{ $count }</b> { $count ->
    [one] fan
   *[other] fans
  } ({ $audience })?
admin-broadcast-confirm-gift = ¿Regalar esto a exactamente <b>{ $count }</b> { $count ->
    [one] fan
   *[other] fans
  } ({ $audience })? { $credits ->
    [0] {""}
   *[other] En total son { $credits } créditos.
  }
admin-broadcast-send = ✅ Enviar a { $count }
admin-broadcast-back-draft = ✏️ Volver al borrador
admin-broadcast-count-changed = ⚠️ La audiencia ha cambiado desde que la miraste: revisa el nuevo recuento.
admin-broadcast-nobody = Nadie coincide con esta audiencia: cámbiala primero.
admin-broadcast-started = { $kind ->
    [gift] 🎁 Regalo masivo
   *[other] 📣 Difusión
  } #{ $id } en marcha para { $count ->
    [one] { $count } fan
   *[other] { $count } fans
  }. Su progreso aparece abajo.
admin-broadcast-open-card = 📄 Abrir
admin-broadcast-gone = Este borrador o esta campaña ya no existe (se envió, se sustituyó o se descartó).
admin-broadcast-not-running = Ya no está en curso.
admin-broadcast-refused = Eso no funcionó ({ $code }).
admin-broadcast-template = <b>📋 { $name }</b>
admin-broadcast-use = ✏️ Usar
admin-broadcast-delete = 🗑 Eliminar
admin-broadcast-deleted = 🗑 Eliminado.
admin-broadcast-refresh = 🔄 Actualizar
admin-broadcast-card = <b>{ $kind ->
    [gift] 🎁 Regalo masivo
   *[other] 📣 Difusión
  } #{ $id }</b> · { $status ->
    [draft] borrador
    [sending] enviando
    [paused] ⏸ en pausa
    [cancelled] ✖️ { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] ✅ { $kind ->
        [gift] terminado
       *[other] terminada
    }
   *[other] { $status }
  }
    { $at } · { $audience }
    Destinatarios { $targeted } · enviados { $sent } · bloqueados { $blocked } · fallidos { $failed } · omitidos { $skipped }
admin-broadcast-gift-totals-credits = 🎁 { $gifted } fans × { $each } créditos = <b>{ $total } créditos</b>
admin-broadcast-gift-totals-pass = 🎁 { $gifted } fans × un pase de { $each }

campaign-pause = ⏸ Pausar
campaign-resume = ▶️ Reanudar
campaign-cancel = ✖️ Cancelar
campaign-progress = <b>{ $kind ->
    [gift] 🎁 Regalo masivo
   *[other] 📣 Difusión
  } #{ $id }</b> · { $status ->
    [sending] enviando
    [paused] ⏸ en pausa
    [cancelled] ✖️ { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] ✅ { $kind ->
        [gift] terminado
       *[other] terminada
    }
   *[other] { $status }
  }
    <code>{ $bar }</code> { $percent } % ({ $done }/{ $total })
    ✅ Enviados { $sent } · 🚫 Bloqueados { $blocked } · ⚠️ Fallidos { $failed } · ⏳ Faltan { $left }
    { $eta ->
    [some] Tiempo restante: unos { $etaLeft }
    [zero] {""}
   *[other] Tiempo restante: calculando…
  }
campaign-report = <b>📋 Informe de entrega · { $kind ->
    [gift] 🎁 regalo masivo
   *[other] 📣 difusión
  } #{ $id }</b> ({ $status ->
    [sending] enviando
    [paused] en pausa
    [cancelled] { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] { $kind ->
        [gift] terminado
       *[other] terminada
    }
   *[other] { $status }
  })
    Destinatarios: { $targeted }
    ✅ Entregados: { $sent }
    🚫 Bloquearon el bot: { $blocked }
    ⚠️ Fallidos: { $failed }
    ✖️ No enviados (cancelación): { $skipped }{ $kind ->
        [gift] {""}
            🎁 Regalos entregados: { $gifted }
       *[other] {""}
    }
    Duración: { $took }.

## Broadcast
# /broadcast: transmissões e presentes em massa, a mensagem de progresso ao vivo e o relatório (só admins).

admin-broadcast-title = <b>📣 Transmissão</b>
    Envie uma mensagem para muitos fãs, dentro do que as conversas ao vivo deixam livre da cota de envios do bot.
admin-broadcast-running = Em andamento:
admin-broadcast-new = ✏️ Nova transmissão
admin-broadcast-gift = 🎁 Presente em massa
admin-broadcast-templates = 📋 Modelos
admin-broadcast-segments = 🎯 Segmentos
admin-broadcast-history-button = 📜 Histórico
admin-broadcast-gift-history-button = 🎁 Presentes enviados
admin-broadcast-history = <b>📜 Transmissões</b> (mais recentes primeiro)
admin-broadcast-gift-history = <b>🎁 Presentes em massa</b> (mais recentes primeiro)
admin-broadcast-none = Nada salvo ainda.
admin-broadcast-line = { $kind ->
    [gift] 🎁
   *[other] 📣
  } #{ $id } · { $status ->
    [draft] rascunho
    [sending] enviando
    [paused] em pausa
    [cancelled] { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] { $kind ->
        [gift] concluído
       *[other] concluída
    }
   *[other] { $status }
  } · { $sent }/{ $total }
admin-broadcast-compose = Envie a mensagem a transmitir: um texto, uma foto, um vídeo, um arquivo ou um álbum. A formatação é mantida.
admin-broadcast-gift-compose = Envie a mensagem que acompanha o presente (um texto, uma mídia ou um álbum); embaixo dela entra uma linha dizendo o que o fã ganhou.
admin-broadcast-unsupported = Esse tipo de mensagem não pode ser transmitido. Envie um texto, uma foto, um vídeo, um GIF, um arquivo, um áudio, uma mensagem de voz ou um álbum.
admin-broadcast-gift-kind = O que você vai dar para cada fã do público?
admin-broadcast-gift-credits = 💎 Créditos
admin-broadcast-gift-pass = ⏱ Passe de tempo
admin-broadcast-gift-credits-ask = Quantos créditos para cada fã? (de 1 a { $max })
admin-broadcast-gift-pass-ask = De quanto tempo é o passe para cada fã? (por exemplo 2h, 1d, 7d)
admin-broadcast-gift-invalid = Essa não é uma quantidade que eu consiga dar. Tente de novo, ou /cancel.
admin-broadcast-draft = <b>✏️ Rascunho da transmissão</b>
admin-broadcast-gift-draft = <b>🎁 Rascunho do presente em massa</b>: { $what ->
    [credits] { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } para cada fã
   *[other] um passe de { $pass } para cada fã
  }
admin-broadcast-content = { $kind ->
    [text] Texto
    [album] Álbum com { $items } itens
    [photo] Foto
    [video] Vídeo
    [animation] GIF
    [document] Arquivo
    [audio] Áudio
    [voice] Mensagem de voz
   *[other] { $kind }
  }{ $buttons ->
    [0] {""}
    [one] {" "}com { $buttons } botão
   *[other] {" "}com { $buttons } botões
  }
admin-broadcast-empty = Nenhuma mensagem ainda.
admin-broadcast-audience-line = 🎯 { $audience }: <b>{ $count }</b> { $count ->
    [one] fã
   *[other] fãs
  } agora
admin-broadcast-replace-hint = <i>Envie outra mensagem para substituir esta.</i>
admin-broadcast-preview = 👁 Prévia
admin-broadcast-previewed = 👁 A prévia está acima: é isso que os fãs vão receber.
admin-broadcast-buttons = 🔗 Botões
admin-broadcast-buttons-ask = Envie os botões, um por linha, como <code>Texto - https://link</code> (no máximo 8), ou <code>-</code> para removê-los.
admin-broadcast-buttons-invalid = Não consegui ler esses botões: um por linha, <code>Texto - https://link</code>, no máximo 8. Tente de novo, ou /cancel.
admin-broadcast-audience = 🎯 Público
admin-broadcast-save-template = 💾 Salvar como modelo
admin-broadcast-review = ➡️ Revisar e enviar
admin-broadcast-audience-title = <b>🎯 Quem recebe</b> (nunca fãs banidos nem fãs que bloquearam o bot)
admin-broadcast-any-tier = Qualquer nível
admin-broadcast-active-any = Qualquer atividade
admin-broadcast-active = { $days }d
admin-broadcast-paid-any = Pagantes ou não
admin-broadcast-never-paid = Nunca pagaram
admin-broadcast-spent = Gastou ≥ …
admin-broadcast-spent-clear = ✖ Qualquer gasto
admin-broadcast-spent-ask = Fãs que gastaram pelo menos quantos créditos?
admin-broadcast-spent-invalid = Envie um número inteiro de créditos de 1 a { $max }.
admin-broadcast-save-segment = 💾 Salvar como segmento
admin-broadcast-audience-done = ✅ Pronto
admin-broadcast-crit-all = Todos os fãs
admin-broadcast-crit-tier = nível { $tier }
admin-broadcast-crit-active = { $days ->
    [one] ativos no último dia
   *[other] ativos nos últimos { $days } dias
  }
admin-broadcast-crit-spent = gasto ≥ { $credits }
admin-broadcast-crit-never-paid = nunca pagaram
admin-broadcast-name-ask = Que nome dar (até 40 caracteres)?
admin-broadcast-name-invalid = Envie um nome de 1 a 40 caracteres.
admin-broadcast-name-taken = Esse nome já está em uso: escolha outro.
admin-broadcast-saved = 💾 Salvo.
admin-broadcast-confirm = Enviar esta transmissão para exatamente <b>{ $count }</b> { $count ->
    [one] fã
   *[other] fãs
  } ({ $audience })?
admin-broadcast-confirm-gift = Dar isto para exatamente <b>{ $count }</b> { $count ->
    [one] fã
   *[other] fãs
  } ({ $audience })? { $credits ->
    [0] {""}
    [one] Isso dá { $credits } crédito no total.
   *[other] Isso dá { $credits } créditos no total.
  }
admin-broadcast-send = ✅ Enviar para { $count }
admin-broadcast-back-draft = ✏️ Voltar ao rascunho
admin-broadcast-count-changed = ⚠️ O público mudou desde que você olhou: confira o novo número.
admin-broadcast-nobody = Ninguém corresponde a este público: mude-o primeiro.
admin-broadcast-started = { $kind ->
    [gift] 🎁 Presente em massa
   *[other] 📣 Transmissão
  } #{ $id }: envio iniciado para { $count ->
    [one] { $count } fã
   *[other] { $count } fãs
  }. O progresso aparece logo abaixo.
admin-broadcast-open-card = 📄 Abrir
admin-broadcast-gone = Este rascunho ou campanha não existe mais (foi enviado, substituído ou descartado).
admin-broadcast-not-running = Não está mais em andamento.
admin-broadcast-refused = Não deu certo ({ $code }).
admin-broadcast-template = <b>📋 { $name }</b>
admin-broadcast-use = ✏️ Usar
admin-broadcast-delete = 🗑 Apagar
admin-broadcast-deleted = 🗑 Apagado.
admin-broadcast-refresh = 🔄 Atualizar
admin-broadcast-card = <b>{ $kind ->
    [gift] 🎁 Presente em massa
   *[other] 📣 Transmissão
  } #{ $id }</b> · { $status ->
    [draft] rascunho
    [sending] enviando
    [paused] em pausa
    [cancelled] { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] { $kind ->
        [gift] concluído
       *[other] concluída
    }
   *[other] { $status }
  }
    { $at } · { $audience }
    Destinatários { $targeted } · enviadas { $sent } · bloquearam { $blocked } · falharam { $failed } · canceladas { $skipped }
admin-broadcast-gift-totals-credits = 🎁 { $gifted ->
    [one] { $gifted } fã
   *[other] { $gifted } fãs
  } × { $each ->
    [one] { $each } crédito
   *[other] { $each } créditos
  } = <b>{ $total ->
    [one] { $total } crédito
   *[other] { $total } créditos
  }</b>
admin-broadcast-gift-totals-pass = 🎁 { $gifted ->
    [one] { $gifted } fã
   *[other] { $gifted } fãs
  } × um passe de { $each }

campaign-pause = ⏸ Pausar
campaign-resume = ▶️ Retomar
campaign-cancel = ✖️ Cancelar
campaign-progress = <b>{ $kind ->
    [gift] 🎁 Presente em massa
   *[other] 📣 Transmissão
  } #{ $id }</b> · { $status ->
    [sending] enviando
    [paused] ⏸ em pausa
    [cancelled] ✖️ { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] ✅ { $kind ->
        [gift] concluído
       *[other] concluída
    }
   *[other] { $status }
  }
    <code>{ $bar }</code> { $percent }% ({ $done }/{ $total })
    ✅ Enviadas { $sent } · 🚫 Bloquearam { $blocked } · ⚠️ Falharam { $failed } · ⏳ Faltam { $left }
    { $eta ->
    [some] Previsão: cerca de { $etaLeft }
    [zero] {""}
   *[other] Previsão: calculando…
  }
campaign-report = <b>📋 Relatório de entrega · { $kind ->
    [gift] 🎁 presente em massa
   *[other] 📣 transmissão
  } #{ $id }</b> ({ $status ->
    [sending] enviando
    [paused] em pausa
    [cancelled] { $kind ->
        [gift] cancelado
       *[other] cancelada
    }
    [done] { $kind ->
        [gift] concluído
       *[other] concluída
    }
   *[other] { $status }
  })
    Destinatários: { $targeted }
    ✅ Entregues: { $sent }
    🚫 Bloquearam o bot: { $blocked }
    ⚠️ Falharam: { $failed }
    ✖️ Não enviadas (cancelamento): { $skipped }{ $kind ->
        [gift] {""}
            🎁 Presentes dados: { $gifted }
       *[other] {""}
    }
    Duração: { $took }.

## Relay

relay-receipt = { $status ->
    [queued] ⏳ { $count ->
        [1] Na fila
       *[other] { $count } mensagens na fila
    }
   *[sent] ✔️ { $count ->
        [1] Enviada
       *[other] { $count } mensagens enviadas
    }
  } · { $charge ->
    [free] grátis com seu passe (restam { $left })
   *[paid] −{ $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }
  }{ $status ->
    [queued] {"\u000A"}Muita gente está escrevendo agora: { $count ->
        [1] sua mensagem chega
       *[other] suas mensagens chegam
    } até mim em alguns minutos.
   *[sent] {""}
  }
  <code>{ balance-bar }</code>{ $low ->
    [yes] {"\u000A"}⚠️ <b>Saldo baixo</b>: menos de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }. Recarregue com /start.
   *[no] {""}
  }{ $answers ->
    [yes] {"\u000A"}🕒 { $responseTime }
   *[no] {""}
  }

relay-type-text = texto
relay-type-photo = foto
relay-type-voice = mensagem de voz
relay-type-video = vídeo
relay-type-video-note = mensagem de vídeo
relay-type-document = arquivo
relay-type-audio = áudio
relay-type-animation = GIF
relay-type-sticker = figurinha

relay-insufficient = 💳 Enviar { $type } custa { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  }, e você tem { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }.
  Recarregue para enviar: nada foi cobrado.
relay-album-item-refused = 💳 Enviar { $type } custa { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  }, e você tem { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }.
  📎 Este item do seu álbum ({ $type }) ficou de fora e não foi cobrado; os itens que deu para pagar seguem juntos.
relay-unsupported = 🙅 Este tipo de mensagem não pode ser enviado aqui. Você pode enviar:
  { $list }
relay-price-line = • { $type }: { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  }
relay-closed = 🙅 No momento, não estamos aceitando mensagens.
relay-banned = 🚫 Desculpe, você não pode enviar mensagens aqui.
relay-unbanned = ✅ Você já pode enviar mensagens aqui de novo.
relay-not-open = 🙏 Obrigado por escrever! Esta linha ainda não está aberta para mensagens. Tente de novo daqui a pouco; nada foi cobrado.
relay-paused = ⏸ A linha está pausada no momento, então esta mensagem não foi entregue e nada foi cobrado. Envie de novo quando ela reabrir; enquanto isso, seus créditos, /balance e /buy continuam funcionando.

relay-edit-not-paid = ✏️ Edições chegam até mim como uma mensagem nova, que custa { $cost ->
    [one] { $cost } crédito
   *[other] { $cost } créditos
  }, e você tem { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }. Recarregue e envie de novo: a edição não foi repassada.
relay-edit-too-old = ✏️ Esta mensagem é antiga demais para que as edições cheguem até mim: envie uma mensagem nova.
relay-edit-limit = { $limit ->
    [0] ✏️ Aqui as edições não chegam até mim: envie uma mensagem nova.
   *[other] ✏️ Esta edição não chegou até mim: uma mensagem pode ser editada até { $limit ->
        [one] { $limit } vez
       *[other] { $limit } vezes
    }. Envie uma mensagem nova.
  }

relay-refund = ⚠️ Não foi possível entregar sua mensagem ({ $reason ->
        [bot-not-member] o bot não faz mais parte do grupo da equipe
        [group-gone] o grupo da equipe não existe mais
        [no-rights] o bot não tem permissões de administrador no grupo
        [group-moved] o grupo da equipe foi movido ou fechado
        [message-deleted] a mensagem foi apagada antes de ser entregue
        [topic-lost] não foi possível recriar sua conversa com a equipe
        [topic-closed] a conversa está fechada
       *[other] { $reason }
    }). { $cost ->
    [0] Nada foi cobrado.
    [one] { $cost } crédito devolvido.
   *[other] { $cost } créditos devolvidos.
  }

relay-support-sent = 💳 Enviada à equipe, sem custo: a resposta chega aqui. (Hoje você ainda pode enviar { $left ->
    [one] { $left } mensagem
   *[other] { $left } mensagens
  } de suporte.)

## Content (admin)
# Gestão do conteúdo premium no chat privado de um admin: a lista, as ferramentas de um item, adicionar e editar
# (um fluxo guiado), e o alerta aos donos sobre um segundo pagamento por um item.

content-admin-only-admins = Só admins podem usar estes botões.
content-admin-ask-media = 📤 <b>Novo item.</b> Envie a mídia: uma foto, vídeo, arquivo ou áudio, ou um álbum (até 10).
    /cancel para parar.
content-admin-cancelled = Cancelado: nada foi salvo.
content-admin-nothing-to-cancel = Não há nada para cancelar.
content-admin-step-media = Envie uma foto, vídeo, arquivo ou áudio (ou um álbum de até 10).
content-admin-step-title = Envie o <b>título</b> (1–64 caracteres).
content-admin-step-credits = Envie o preço em <b>créditos</b> (1–100000).
content-admin-step-stars = Envie o preço em <b>Telegram Stars</b> (1–10000).
content-admin-step-edit-title = Envie o novo <b>título</b> (1–64 caracteres), ou /cancel.
content-admin-step-edit-credits = Envie o novo preço em <b>créditos</b> (1–100000), ou /cancel.
content-admin-step-edit-stars = Envie o novo preço em <b>Stars</b> (1–10000), ou /cancel.
content-admin-edit-prompt = ✏️ <b>{ $title }</b> (#{ $id }): { $ask }
content-admin-got-media = 📎 Mídia recebida. { $ask }
    (Os itens do álbum vão sendo adicionados conforme chegam.)
content-admin-got-title = Título: <b>{ $title }</b>. { $ask }
content-admin-got-credits = 💳 { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }. { $ask }
content-admin-retry = 🙅 Assim não dá: { $reason }.
    { $ask }
content-admin-bad-title = um título de 1 a { $max } caracteres
content-admin-bad-credits = um número inteiro de créditos de 1 a { $max }
content-admin-bad-stars = um número inteiro de Stars de 1 a { $max }
content-admin-album-limit = um item comporta um álbum de até { $max } fotos e vídeos, arquivos ou faixas de áudio
content-admin-want-text-value = envie o novo valor como texto
content-admin-has-media = este item já tem sua mídia (um arquivo ou um álbum por item)
content-admin-unsellable = mensagens de voz, GIFs, figurinhas e vídeos redondos não podem ser vendidos: envie uma foto, vídeo, arquivo ou áudio (ou um álbum)
content-admin-as-text = envie como texto
content-admin-media-first = envie a mídia primeiro: uma foto, vídeo, arquivo ou áudio, ou um álbum
content-admin-incomplete = este rascunho estava incompleto: envie a mídia de novo
content-admin-gone = Esse item não existe mais: nada foi alterado.
content-admin-prices = { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } · ⭐ { $stars }
content-admin-created = ✅ <b>{ $title }</b> adicionado (#{ $id }): { content-media } · { $prices }.
    Os fãs o veem em /content.
content-admin-saved = ✅ Salvo: <b>{ $title }</b> · { $prices }.
content-admin-empty = 🎁 <b>Conteúdo premium</b>
    Nada ainda. Adicione o primeiro item com /content add (ou ➕ abaixo).
content-admin-list-title = 🎁 <b>Conteúdo premium</b> · { $total ->
        [one] { $total } item
       *[other] { $total } itens
    }{ $pages ->
        [1] {""}
       *[other] {" "}· página { $page }/{ $pages }
    }
content-admin-list-line = { $position }. <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } desbloqueio
       *[other] { $unlocks } desbloqueios
    }
content-admin-list-line-hidden = { $position }. 🙈 <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } desbloqueio
       *[other] { $unlocks } desbloqueios
    } · oculto
content-admin-list-hint = Toque num item para editar, ocultar ou mover.
content-admin-item = 🎁 <b>{ $title }</b> (#{ $id })
    📎 { content-media } · { $paidMedia ->
        [yes] Stars: mídia paga
       *[no] Stars: fatura
    }
    💳 { $prices }
    🔓 { $unlocks ->
        [one] { $unlocks } desbloqueio
       *[other] { $unlocks } desbloqueios
    } · { $hidden ->
        [yes] 🙈 oculto (fora de venda; fãs que já têm continuam com ele)
       *[no] 👁 à venda
    }
    Posição { $position } de { $total }
content-admin-hidden = Oculto: fora de venda.
content-admin-shown = À venda de novo.
content-admin-moved-up = Movido para cima.
content-admin-moved-down = Movido para baixo.
content-admin-already-first = Já é o primeiro.
content-admin-already-last = Já é o último.
content-admin-sending = Enviando para você…
content-admin-button-add = ➕ Adicionar
content-admin-button-fan-view = 👀 Como os fãs veem
content-admin-button-title = ✏️ Título
content-admin-button-credits = 💳 Créditos
content-admin-button-stars = ⭐ Stars
content-admin-button-show = 👁 Mostrar
content-admin-button-hide = 🙈 Ocultar
content-admin-button-up = ⬆️ Subir
content-admin-button-down = ⬇️ Descer
content-admin-button-send = 📤 Enviar para mim
content-admin-button-list = ⬅️ Lista
content-admin-double-paid-media = ⚠️ O fã <code>{ $userId }</code> pagou ⭐ { $stars } (mídia paga) por <b>{ $title }</b> (#{ $itemId }), que já tinha. Mídia paga não tem id de cobrança para o /refund: compense de outra forma (por exemplo, /gift no tópico dele).
content-admin-double-invoice = ⚠️ O fã <code>{ $userId }</code> pagou ⭐ { $stars } (fatura, pagamento #{ $paymentId }, cobrança <code>{ $chargeId }</code>) por <b>{ $title }</b> (#{ $itemId }), que já tinha. Reembolse com /refund { $paymentId } no tópico dele.
content-admin-item-link = 🔗 Link deste item (para o seu canal ou uma transmissão): <code>{ $link }</code>

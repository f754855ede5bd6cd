## Content

content-media = { $files ->
    [0] { $tracks ->
        [0] { $photos ->
            [0] { $videos ->
                [one] { $videos } vídeo
               *[other] { $videos } vídeos
            }
            [one] { $videos ->
                [0] { $photos } foto
                [one] { $photos } foto, { $videos } vídeo
               *[other] { $photos } foto, { $videos } vídeos
            }
           *[other] { $videos ->
                [0] { $photos } fotos
                [one] { $photos } fotos, { $videos } vídeo
               *[other] { $photos } fotos, { $videos } vídeos
            }
        }
        [one] { $tracks } faixa de áudio
       *[other] { $tracks } faixas de áudio
    }
    [one] { $files } arquivo
   *[other] { $files } arquivos
  }
content-locked-paid-media = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Toque na imagem para desbloquear por ⭐ { $stars }, ou use { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } no botão abaixo.
content-locked-card = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Desbloqueie por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } ou ⭐ { $stars }.
content-unlocked-card = ✅ <b>{ $title }</b> · é seu
    📎 { content-media } · peça de novo quando quiser, de graça.
content-footer = 🎁 <b>Conteúdo exclusivo</b>{ $pages ->
        [1] {""}
       *[other] {" "}· página { $page } de { $pages }
    } ({ $total ->
        [one] { $total } item
       *[other] { $total } itens
    })
    O que você desbloqueia é seu: pode receber de novo sem custo.
content-delivery-caption = 🔓 <b>{ $title }</b>
content-empty = 🎁 Ainda não há conteúdo exclusivo. Volte em breve!
content-off = 🎁 O conteúdo exclusivo não está disponível no momento. Volte mais tarde!
content-unavailable = Este item não está mais disponível. Envie /content para ver a lista atual.
content-unlocked = 🔓 Desbloqueado por { $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    } (saldo: { $balance }). Já está a caminho!
content-resent = Isto já é seu: enviando de novo, de graça.
content-on-its-way = Já está a caminho.
content-price-changed = O preço de “{ $title }” agora é { $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }. Nada foi cobrado: envie /content para desbloquear por esse preço.
content-already-owned = Isto já é seu: toque em “📤 Enviar de novo”, de graça.
content-insufficient = 💳 <b>{ $title }</b> custa { $cost ->
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }, e você tem { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
    Recarregue para desbloquear: nada foi cobrado.
content-button-unlock = 🔓 Desbloquear por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }
content-button-stars = ⭐ { $stars } Stars
content-button-resend = 📤 Enviar de novo
content-button-previous = ◀️ Anterior
content-button-more = ▶️ Mais
content-paid-media-unlocked = ✅ <b>{ $title }</b> agora é seu. Peça de novo quando quiser em /content, de graça.
content-invoice-unlocked = ✅ <b>{ $title }</b> desbloqueado por ⭐ { $stars }. Já está a caminho; /content envia de novo quando quiser, de graça.
content-credits-returned = ↩️ Você pagou em Stars por <b>{ $title }</b>, que já tinha desbloqueado com créditos: devolvemos { $returned ->
        [one] { $returned } crédito
       *[other] { $returned } créditos
    }. Saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
content-paid-twice = ℹ️ <b>{ $title }</b> já era seu antes deste pagamento. A equipe já sabe e vai reembolsar o segundo pagamento.
content-invoice-description = Desbloqueie “{ $title }” ({ content-media }): enviado aqui logo após o pagamento, e de novo quando quiser em /content.
content-refunded = ↩️ Seu pagamento de ⭐ { $stars } por <b>{ $title }</b> foi reembolsado.
content-refunded-revoked = ↩️ Seu pagamento de ⭐ { $stars } por <b>{ $title }</b> foi reembolsado. Ele não está mais entre seus itens desbloqueados.
content-precheckout-gone = Este item não está mais à venda. Envie /content para ver o que há.
content-precheckout-owned = Você já tem este item: envie /content e toque em “Enviar de novo”, de graça.
content-precheckout-price = O preço mudou desde que esta fatura foi criada. Abra /content para ver o preço atual.

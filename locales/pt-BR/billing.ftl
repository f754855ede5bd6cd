## Buy

billing-catalog-title = 🛒 <b>O que você pode comprar</b>
billing-catalog-empty = No momento não há nada à venda. Volte daqui a pouco.
billing-catalog-packs = 💬 <b>Pacotes de créditos</b>
billing-catalog-passes = ⏳ <b>Passes de tempo</b> (mensagens ilimitadas)
billing-catalog-footer = Os créditos pagam cada mensagem (texto, foto, áudio…); com um passe de tempo, todas as mensagens são grátis até ele acabar.
billing-product-line = • <b>{ $title }</b>: ⭐ { $stars }
billing-product-line-card = • <b>{ $title }</b>: ⭐ { $stars } · 💳 { $price }
billing-card-button = 💳 { $price }
billing-rail-question = { $title }: pagar com Telegram Stars ou com cartão?
billing-rail-stars = ⭐ { $stars } Stars
billing-rail-card = 💳 Cartão { $price }
billing-no-such-pack = Não existe pacote de { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }. Os pacotes:
billing-pack-line = /buy{ $size } · { $title } (⭐ { $stars })
billing-not-on-sale = Esse produto não está mais à venda. Envie /buy para ver o que há.
billing-banned = 🚫 Desculpe, compras não estão disponíveis na sua conta.
billing-card-blocked = 💳 Pagamentos com cartão não estão disponíveis na sua conta por enquanto. Você ainda pode pagar com Telegram Stars: /buy
billing-invoice-invalid = Esta fatura não é mais válida. Abra /buy e tente de novo.
billing-invoice-off-sale = Este produto não está mais à venda. Escolha outro em /buy.
billing-invoice-price-changed = O preço mudou desde que esta fatura foi criada. Abra /buy para ver o preço atual.
billing-buy-credits-button = 🛒 Comprar créditos

## Receipts

billing-receipt-credits = ✅ <b>+{ $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }</b> — saldo { $balance }
    <code>{ balance-bar }</code>
    <i>Pago: { $paid }.</i>
billing-receipt-auto-recharge = 🔄 Recarga automática: <b>+{ $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  }</b> — saldo { $balance }
    <code>{ balance-bar }</code>
    <i>Pago: { $paid }.</i>
billing-receipt-pass = ✅ <b>Passe ativo até { $until }</b>: todas as mensagens são grátis até lá.
    <i>Pago: { $paid }.</i>

## Time passes

billing-pass-ending = ⏳ Seu passe de tempo acaba em { $left }. Renove com /buy para continuar escrevendo de graça.
billing-pass-last-minute = ⏳ Seu passe de tempo acaba em { $left }.
billing-pass-ended = ⌛ Seu passe de tempo acabou: as mensagens voltam a custar créditos.
    <code>{ balance-bar }</code>
    Envie /buy para comprar créditos ou outro passe.

## Card payments

billing-card-processing = ⏳ Obrigado! Seu banco está processando o pagamento de { $price } por { $kind ->
        [credits] { $credits ->
            [one] { $credits } crédito
           *[other] { $credits } créditos
        }
        [time] um passe de { $duration }
       *[other] { $title }
    }. Você receberá uma mensagem aqui assim que ele for aprovado.
billing-card-failed = ❌ Seu pagamento com cartão de { $price } por { $kind ->
        [credits] { $credits ->
            [one] { $credits } crédito
           *[other] { $credits } créditos
        }
        [time] um passe de { $duration }
       *[other] { $title }
    } não foi concluído. { $reason }
    Nada foi cobrado. Você pode tentar de novo com outro cartão ou pagar com Telegram Stars.
billing-card-retry-button = 🔁 Tentar de novo
billing-pay-stars-button = ⭐ Pagar com Stars
billing-card-saved = 💳 Seu cartão { $card } foi salvo. Gerencie ou remova com /billing.
billing-card-saved-auto = 💳 Seu cartão { $card } foi salvo. Gerencie ou remova com /billing. A recarga automática está ligada: ela recarrega quando seu saldo fica abaixo de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }.
billing-card-saved-auto-now = 💳 Seu cartão { $card } foi salvo. Gerencie ou remova com /billing. A recarga automática está ligada: ela recarrega quando seu saldo fica abaixo de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }. Seu saldo já está abaixo disso, então ela recarrega agora.
billing-card-removed = 💳 Seu cartão salvo { $card } foi removido.
billing-card-removed-auto = 💳 Seu cartão salvo { $card } foi removido. A recarga automática precisa de um cartão: adicione um com /autorecharge.

## Checkout

billing-checkout-link = 💳 <b>{ $title }</b> por { $price }
    Toque abaixo para pagar na página segura da Stripe. Quando terminar, você volta para cá e a compra é confirmada neste chat.
billing-checkout-pay-button = Pagar { $price }
billing-checkout-unavailable = Pagamentos com cartão não estão disponíveis aqui. Você pode pagar com Telegram Stars: /buy
billing-checkout-error = Não foi possível abrir a página de pagamento com cartão agora. Tente de novo em um minuto ou pague com Telegram Stars: /buy
billing-checkout-stars-only = Este produto só pode ser pago com Telegram Stars: /buy
billing-card-retry-by-card-button = 💳 Tentar de novo com cartão
billing-status-not-found = Não encontrei esse pagamento. Suas compras estão em /history.
billing-status-paid-pass = ✅ Pagamento nº { $id } recebido: { $title } ({ $price }). Seu passe vale até { $until }.
billing-status-paid-credits = ✅ Pagamento nº { $id } recebido: { $title } ({ $price }). Seu saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
billing-status-pending = ⏳ O pagamento nº { $id } de { $title } ({ $price }) ainda não foi confirmado. Se você acabou de pagar, a confirmação chega aqui em instantes. Se saiu da página de pagamento, pode começar de novo:
billing-status-failed = ❌ O pagamento nº { $id } de { $title } ({ $price }) não foi concluído. Nada foi cobrado.
billing-status-refunded = ↩️ O pagamento nº { $id } de { $title } ({ $price }) foi reembolsado.
billing-status-refunded-pass = ↩️ O pagamento nº { $id } de { $title } ({ $price }) foi reembolsado (junto com o passe de { $duration }).
billing-portal = 🧾 Sua página de cobrança: cartões salvos, recibos e histórico de pagamentos, na Stripe. O link vale por alguns minutos.
billing-portal-button = Abrir cobrança
billing-portal-unavailable = Pagamentos com cartão não estão configurados aqui, então não há página de cobrança. Compras com Telegram Stars estão em /history.
billing-portal-no-customer = Você ainda não tem perfil de cobrança. Ele é criado na primeira vez que você paga com cartão: abra /buy e toque em um preço 💳. Suas compras até agora estão em /history.
billing-portal-error = Não foi possível abrir a página de cobrança agora. Tente de novo em um minuto.

## Refunds

billing-refunded-credits = ↩️ Seu pagamento de ⭐ { $stars } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } foi reembolsado.{ $taken ->
        [0] {""}
       *[other] {" "}{ $taken ->
            [one] { $taken } crédito foi retirado
           *[other] { $taken } créditos foram retirados
        }.
    } Saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
billing-refunded-pass = ↩️ Seu pagamento de ⭐ { $stars } por um passe de { $duration } foi reembolsado. Seu passe agora termina em { $until }.
billing-refunded-pass-ended = ↩️ Seu pagamento de ⭐ { $stars } por um passe de { $duration } foi reembolsado. Seu passe terminou.
billing-card-refunded-credits = ↩️ { $amount } do seu pagamento por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } { $full ->
        [yes] foram reembolsados (o pagamento inteiro)
       *[no] foram reembolsados
    }.{ $taken ->
        [0] {""}
       *[other] {" "}{ $taken ->
            [one] { $taken } crédito foi retirado
           *[other] { $taken } créditos foram retirados
        }.
    } Saldo: { $balance ->
        [one] { $balance } crédito
       *[other] { $balance } créditos
    }.
billing-card-refunded-pass = ↩️ { $amount } do seu pagamento por um passe de { $duration } { $full ->
        [yes] foram reembolsados (o pagamento inteiro)
       *[no] foram reembolsados
    }. Seu passe agora termina em { $until }.
billing-card-refunded-pass-ended = ↩️ { $amount } do seu pagamento por um passe de { $duration } { $full ->
        [yes] foram reembolsados (o pagamento inteiro)
       *[no] foram reembolsados
    }. Seu passe terminou.
billing-card-refunded-item = ↩️ { $amount } do seu pagamento por { $title } foram reembolsados.
billing-payment-unmatched = Obrigado, seu pagamento chegou. Há algo estranho com ele, então a equipe foi avisada e vai resolver com você.
billing-payment-stuck = Obrigado, seu pagamento chegou. Ainda não conseguimos aplicá-lo, então a equipe foi avisada e vai resolver com você.

## Auto-recharge

billing-auto-title = 🔄 <b>Recarga automática</b>
billing-auto-status-on = Ativada: compra { $title } ({ $price }) quando seu saldo fica abaixo de { $threshold ->
        [one] { $threshold } crédito
       *[other] { $threshold } créditos
    }.
billing-auto-status-off = Desativada. Ative para recarregar automaticamente com um cartão salvo quando seus créditos estiverem acabando.
billing-auto-card = 💳 Cartão: { $card } (gerencie com /billing)
billing-auto-no-card-yet = 💳 Nenhum cartão salvo ainda.
billing-auto-change-button = ✏️ Alterar
billing-auto-off-button = ⏹ Desativar
billing-auto-on-button = ▶️ Ativar
billing-auto-unavailable = A recarga automática precisa de pagamentos com cartão, que não estão configurados aqui. Recarregue com /buy.
billing-auto-off-here = A recarga automática está desligada aqui por enquanto: nada é cobrado automaticamente. Recarregue com /buy.
billing-auto-charging-now = Seu saldo já está abaixo disso, então a recarga acontece agora.
billing-auto-save-card = 👉 Último passo: salve um cartão na página segura da Stripe. Nada é cobrado agora.
billing-auto-save-card-button = 💳 Salvar um cartão
billing-auto-pack-button = { $title } ({ $price })
billing-auto-which-pack = 🔄 Qual pacote a recarga automática deve comprar?
billing-auto-which-threshold = 🔄 Comprar quando seu saldo ficar abaixo de quantos créditos?
billing-auto-unknown-pack = Esse pacote não está mais à venda. Escolha outro, por favor.
billing-auto-bad-threshold = Esse limite não é válido. Escolha um dos botões, por favor.
billing-auto-provider-error = Não foi possível falar com a Stripe agora. Tente de novo em um minuto.
billing-auto-not-available = A recarga automática não está disponível aqui.
billing-auto-turned-off = A recarga automática está desativada.
billing-auto-saved = Salvo.
billing-auto-pack-gone = 🔄 A recarga automática foi desativada: o pacote que ela usava não é mais vendido por cartão. Escolha outro com /autorecharge.
billing-auto-no-card = 🔄 Seu saldo está baixo, mas a recarga automática ainda não tem cartão salvo. Salve um com /autorecharge.
billing-auto-capped = 🔄 Recarga automática pausada: o limite deste mês de { $cap } foi atingido. Ela volta no mês que vem; até lá, recarregue com /buy.
billing-auto-confirm = 🔐 Seu banco quer que você confirme a recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }. Toque abaixo para confirmar.
billing-auto-confirm-buy = 🔐 Seu banco quer que você confirme a recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }. Compre o pacote com /buy para recarregar.
billing-auto-confirm-button = Confirmar { $price }
billing-auto-declined = ❌ A recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } falhou: { $reason }. Atualize seu cartão com /billing ou recarregue com /buy.
billing-auto-declined-card = ❌ A recarga automática de { $price } por { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } falhou: seu cartão foi recusado. Atualize seu cartão com /billing ou recarregue com /buy.
billing-auto-off = 🔄 A recarga automática foi desativada após { $failures } tentativas seguidas sem sucesso. Ative de novo com /autorecharge quando seu cartão funcionar.

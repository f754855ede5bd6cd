## Products (what the creator sets on the Products screen, as fans see it)

billing-label-popular = 🔥 Mais popular
billing-label-best-value = 💎 Melhor custo-benefício
billing-auto-paused-changed = 🔄 <b>A recarga automática está pausada.</b> O pacote que ela compra, { $title }, agora é de { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    } por { $price }. Manter a recarga automática com essas condições?
billing-auto-paused-gone = 🔄 <b>A recarga automática está pausada.</b> O pacote que ela comprava, { $title }, não é mais vendido por cartão. Escolha outro pacote ou desative a recarga automática.
billing-auto-keep-button = ✅ Confirmar
billing-auto-choose-button = 🔄 Escolher um pacote
billing-auto-keep-changed = Esse pacote mudou de novo. Abra /autorecharge para vê-lo como está agora.

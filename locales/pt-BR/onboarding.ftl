## Onboarding
# /start para um fã novo (o tour rápido e o bônus) e para quem volta, e links diretos para a loja.

start-tour-button = 📖 Tour rápido{ $bonus ->
        [0] {""}
       *[other] {" "}· +{ $bonus } { $bonus ->
            [one] crédito grátis
           *[other] créditos grátis
        }
    }
start-tour-skip = ✖️ Pular
start-tour-back = ◀️ Voltar
start-tour-next = Próximo ▶️
start-tour-finish = ✅ Entendi{ $bonus ->
        [0] {""}
       *[other] {" "}· ganhar { $bonus } { $bonus ->
            [one] crédito
           *[other] créditos
        }
    }
start-tour-costs-title = 💬 <b>Quanto custa o quê</b> (1/3)
    Cada mensagem que você envia aqui custa créditos, conforme o tipo:
start-tour-cost-line = • { $type }: { $cost ->
        [0] grátis
        [one] { $cost } crédito
       *[other] { $cost } créditos
    }
start-tour-pack = 💳 Os créditos vêm em pacotes, a partir de { $credits } créditos por ⭐ { $stars }.
start-tour-pass = ⏳ Ou um passe de tempo: { $length } de mensagens sem contar créditos, por ⭐ { $stars }.
start-tour-buy = 🛒 <b>Como comprar</b> (2/3)
    Toque em <b>▶️ Começar</b> abaixo das boas-vindas, ou envie /buy, e escolha um pacote ou um passe. Pague com Telegram Stars{ $card ->
        [yes] {" "}ou com cartão
       *[other] {""}
    }: o que você comprou é seu assim que o pagamento for concluído.
    /balance mostra o que resta; /history lista tudo.
start-tour-replies = 📨 <b>Como chegam as respostas</b> (3/3)
    É só escrever aqui: texto, fotos, mensagens de voz… Cada mensagem chega pessoalmente ao criador, e você recebe um breve recibo com seu saldo.
    A resposta chega neste mesmo chat. 👀 na sua mensagem significa que ela foi lida.
start-tour-bonus-toast = 🎁 +{ $bonus } { $bonus ->
        [one] crédito
       *[other] créditos
    }!
start-tour-done = 🎉 <b>Tudo pronto!</b>{ $bonus ->
        [0] {""}
       *[other] {" "}{ $bonus } créditos grátis são seus.
    }
    Saldo: <b>{ $balance }</b> créditos. Escreva sua primeira mensagem quando quiser.
start-tour-already = 👍 Você já fez o tour. Saldo: <b>{ $balance }</b> créditos.
start-tour-shop = 🛒 Abrir a loja
start-welcome-back = 👋 <b>Que bom ver você de novo!</b>
start-welcome-back-named = 👋 <b>Que bom ver você de novo, { $name }!</b>
start-welcome-back-balance = 💳 Saldo: <b>{ $balance }</b> { $balance ->
        [one] crédito
       *[other] créditos
    }
start-welcome-back-pass = ⏳ Passe de tempo: restam { $left } (as mensagens são grátis)
start-link-invalid = 🤔 Esse link não abre nada aqui. Aqui está o início.
start-link-unknown-product = 🤔 Esse pacote ou passe não existe. Veja o que está à venda:
start-link-off-sale = ⌛ Esse pacote ou passe não está mais à venda. Veja o que está à venda agora:
start-link-content-unknown = 🤔 Esse conteúdo não existe. Envie /content para ver o que há.
start-link-content-hidden = ⌛ Esse conteúdo não está mais disponível. Envie /content para ver o que há agora.

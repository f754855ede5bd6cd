## Help

help-text =
    <b>Como funciona</b>
    Compre créditos ou um passe de tempo e depois é só me escrever aqui: cada mensagem custa alguns créditos conforme o tipo, e todas chegam pessoalmente a mim.

    /start · boas-vindas e loja
    /balance · seus créditos e seu passe de tempo
    /buy · créditos e passes de tempo (rápido: /buy10, /buy25, /buy50)
    /history · suas compras e gastos (exportar em CSV)
    /content · fotos, vídeos e arquivos exclusivos
    /language · mudar o idioma
    /help · esta ajuda
    /terms · termos de compra · /privacy · seus dados · /paysupport · ajuda com um pagamento

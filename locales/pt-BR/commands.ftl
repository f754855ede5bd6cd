## Commands

command-start = Boas-vindas e loja
command-balance = Seus créditos e seu passe de tempo
command-buy = Comprar créditos ou um passe de tempo
command-history = Compras e gastos
command-billing = Cartões salvos e recibos (pagamentos com cartão)
command-autorecharge = Recarga automática quando os créditos acabam
command-content = Fotos, vídeos e arquivos exclusivos
command-language = Mudar o idioma
command-help = Como funciona
command-terms = Termos de compra
command-privacy = Seus dados
command-paysupport = Ajuda com um pagamento

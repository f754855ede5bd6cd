## Common

common-stale-button = Este botão expirou. Envie /start para abrir um menu novo.
common-error = 😕 Algo deu errado do nosso lado, e a equipe já foi avisada. Tente de novo daqui a pouco.
common-unknown-command = Não conheço { $command }. Envie /help para ver o que eu sei fazer.
common-unsupported = Não consigo tratar isso aqui. Envie /help para ver o que eu sei fazer.
common-back = ⬅️ Voltar
common-send-start-first = Envie /start primeiro.
common-slow-down = ⏳ Vá com calma: tente de novo em { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
  }.
common-not-open-yet = 🙏 Obrigado por escrever! Este canal ainda não está recebendo mensagens. Tente de novo daqui a pouco; nada foi cobrado.

## Units

duration-d = { $n } d
duration-h = { $n } h
duration-min = { $n } min
duration-s = { $n } s

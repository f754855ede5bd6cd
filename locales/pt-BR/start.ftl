## Start

start-welcome-default = 👋 Boas-vindas! Esta é uma linha privada e paga comigo. Compre créditos ou um passe de tempo e depois é só escrever aqui: cada mensagem chega pessoalmente a mim, e eu respondo neste mesmo chat.
start-button = ▶️ Começar

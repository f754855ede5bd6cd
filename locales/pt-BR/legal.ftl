## Legal

legal-terms-default = Termos: créditos e passes de tempo são bens digitais usados para enviar mensagens ao criador por este bot. Cada mensagem custa créditos conforme o tipo, como mostra o /help; um passe de tempo deixa as mensagens grátis até acabar. Compras já usadas são definitivas; as não usadas podem ser reembolsadas se você pedir pelo /paysupport. Mensagens abusivas podem levar a um bloqueio sem reembolso dos créditos usados.
legal-paysupport-default = Ajuda com pagamentos: se uma compra não chegou ou você quer um reembolso, envie /paysupport seguido de uma breve descrição (a data e o que você comprou). Chega à equipe sem custo, e respondemos aqui em até 48 horas; reembolsos em Telegram Stars voltam para o seu saldo de Stars.
legal-privacy-default = <b>Privacidade</b>: o que este bot guarda sobre você, e por quanto tempo.
    • Seu id do Telegram, nome, usuário e idioma: enquanto você usar o bot.
    • Suas mensagens: chegam ao criador como cópias no grupo privado dele no Telegram. O bot guarda qual mensagem é qual (para ligar as respostas), o texto das mensagens de suporte de pagamento e das edições por uma semana, e uma mensagem que o bot não conseguiu processar por até 90 dias.
    • Seus créditos, compras e passes de tempo: enquanto as contas precisarem ser mantidas, sob seu id numérico.
    • Notas que a equipe escreve sobre você: até serem apagadas.
    Pagamentos com cartão são feitos pela Stripe; o bot nunca vê o número do seu cartão.
    Toque em <b>Apagar meus dados</b> abaixo para remover agora seu nome, usuário, notas e mensagens guardadas. Seu saldo, passe e registros de pagamento ficam sob seu id numérico, e o que o criador já recebeu continua no chat dele.
legal-terms = 📄 { $text }
legal-privacy = 🔒 { $text }
legal-paysupport = 🛟 { $text }
legal-paysupport-ask = ✍️ Descreva o problema na sua próxima mensagem (a data, o que você comprou, o que deu errado): ela chega à equipe sem custo.
legal-paysupport-limit = 💳 Você já enviou { $perDay } mensagens de ajuda com pagamentos hoje: a equipe recebeu e vai responder aqui. Amanhã você pode enviar outra.
privacy-delete-button = 🗑 Apagar meus dados
privacy-confirm = 🗑 <b>Apagar seus dados?</b>
    Seu nome e usuário, as notas da equipe sobre você e as mensagens que o bot guardou são apagados agora, e seu nome não volta a ser guardado. Seu saldo, passe de tempo e registros de pagamento ficam, apenas sob seu id numérico. Isso não pode ser desfeito.
privacy-confirm-button = 🗑 Sim, apagar meus dados
privacy-keep-button = ✖️ Não, manter
privacy-kept = Nada foi apagado.
privacy-erased = ✅ <b>Seus dados foram apagados.</b> Seu saldo e seu passe de tempo não mudam; você pode continuar escrevendo aqui como antes. O criador foi avisado.

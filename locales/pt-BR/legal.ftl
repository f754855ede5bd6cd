## Legal

legal-terms-default = Termos: créditos e passes de tempo são bens digitais usados para enviar mensagens ao criador por este bot. Cada mensagem custa créditos conforme o tipo, como mostra o /help; um passe de tempo deixa as mensagens grátis até acabar. Compras já usadas são definitivas; as não usadas podem ser reembolsadas se você pedir pelo /paysupport. Mensagens abusivas podem levar a um bloqueio sem reembolso dos créditos usados.
legal-paysupport-default = Ajuda com pagamentos: se uma compra não chegou ou você quer um reembolso, envie /paysupport seguido de uma breve descrição (a data e o que você comprou). Chega à equipe sem custo, e respondemos aqui em até 48 horas; reembolsos em Telegram Stars voltam para o seu saldo de Stars.
legal-privacy-default = Privacidade: este bot guarda seu nome, nome de usuário e idioma do Telegram, suas mensagens ao criador (como cópias no grupo privado dele), seus créditos e suas compras. Pagamentos com cartão são processados pela Stripe; o bot nunca vê o número do seu cartão. Peça pelo /paysupport para apagar seus dados.
legal-terms = 📄 { $text }
legal-privacy = 🔒 { $text }
legal-paysupport = 🛟 { $text }
legal-paysupport-ask = ✍️ Descreva o problema na sua próxima mensagem (a data, o que você comprou, o que deu errado): ela chega à equipe sem custo.
legal-paysupport-limit = 💳 Você já enviou { $perDay } mensagens de ajuda com pagamentos hoje: a equipe recebeu e vai responder aqui. Amanhã você pode enviar outra.

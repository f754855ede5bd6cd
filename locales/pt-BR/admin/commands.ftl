## Admin commands
# Os menus de comandos da equipe: no tópico de um fã, e as ferramentas extras dos donos no chat privado.

admin-command-info = Perfil, pagamentos e notas deste fã
admin-command-gift = Dar créditos (/gift 10) ou um passe (/gift 2h)
admin-command-ban = Recusar as mensagens deste fã
admin-command-unban = Voltar a aceitar as mensagens deste fã
admin-command-refund = Reembolsar um pagamento (/refund id, ids no /info)
admin-command-note = Adicionar uma nota privada (/note texto)
admin-command-close = Fechar este tópico
admin-command-reopen = Reabrir este tópico
admin-command-delete = Responda à sua resposta para apagá-la para o fã
admin-command-content = Gerenciar conteúdo premium (/content add)
admin-command-cancel = Parar de adicionar ou editar conteúdo
admin-command-admin = Central de controle
admin-command-conversations = Conversas abertas, não lidas, prioritárias e atribuídas
admin-command-dashboard = Usuários, receita e mensagens num relance
admin-command-system = Saúde, versão e filas
admin-command-users = Encontrar um fã: ficha, créditos, nível, banimento
admin-command-products = Pacotes, passes, preços e selos
admin-command-payments = Pagamentos, reembolsos e receita por dia
admin-command-broadcast = Mensagem para muitos fãs, presentes em massa, modelos
admin-command-analytics = Crescimento, receita, conversão e gráficos
admin-command-search = Encontrar usuários, pagamentos e mensagens

admin-command-settings = Preços, textos, chaves e pausa da linha
admin-command-reset = Zerar uma conta de teste: /reset <id do usuário> [force]
admin-command-quickreplies = Respostas salvas para enviar nos tópicos dos fãs

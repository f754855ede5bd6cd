## Control center
# A central da equipe (/admin) no chat privado de um membro: navegação, recusas, as telas Sistema e Painel,
# e /claim (tornar-se dono de um bot que não tem nenhum).

admin-hub-home = 🎛 <b>Central de controle</b> · você é { $role }.
    Escolha o que ver:
admin-hub-home-empty = 🎛 <b>Central de controle</b> · você é { $role }.
    Ainda não há nada aqui para o seu papel: você responde aos fãs nos tópicos deles no grupo de administração.
admin-hub-role-owner = dono
admin-hub-role-manager = gerente
admin-hub-role-agent = agente
admin-hub-category-dashboard = 📊 Painel
admin-hub-category-system = ⚙️ Sistema
admin-hub-category-users = 👥 Usuários
admin-hub-back = ◀ Voltar
admin-hub-close = ✖ Fechar
admin-hub-closed = Menu fechado. /admin abre de novo.
admin-hub-refresh = 🔄 Atualizar
admin-hub-updated = <i>Atualizado { $at }</i>
admin-hub-page = Página { $page } de { $pages }
admin-hub-invalid = Este botão não funciona (pode estar danificado ou ser de outra versão).
admin-hub-stale = ⌛ Este menu está desatualizado: um mais novo foi aberto depois. Abra um novo aqui:
admin-hub-open-fresh = 🔄 Abrir um menu novo
admin-hub-no-access = Você não faz mais parte da equipe, então este menu está fechado.
admin-hub-not-allowed = Seu papel não inclui isso. Peça a um dono se precisar.
admin-hub-cancelled = Cancelado: nada foi alterado.
admin-hub-ask-gone = Essa pergunta não está mais aberta (o assunto dela mudou). Nada foi alterado.
admin-hub-open-private = A central de controle abre no seu chat privado comigo (assim o grupo fica tranquilo):
admin-hub-open-button = 🎛 Abrir a central de controle
admin-hub-outbox-title = 📤 <b>Caixa de saída</b> (aguardando envio):
admin-hub-outbox-empty = 📤 Caixa de saída: nada aguardando.
admin-hub-outbox-class = · { $priority } { $name }: { $pending } aguardando, a mais antiga { $age }
admin-hub-outbox-class-replies = respostas e confirmações de pagamento
admin-hub-outbox-class-content = mensagens dos fãs
admin-hub-outbox-class-notices = recibos e avisos
admin-hub-outbox-class-renders = fichas e a caixa de entrada
admin-hub-outbox-class-bulk = transmissões

## System
admin-system-title = ⚙️ <b>Sistema</b> · fanbridge { $version } · no ar há { $uptime }
admin-system-database-ok = 🗄 Banco de dados: respondendo ({ $ms } ms)
admin-system-database-down = 🗄 Banco de dados: <b>sem resposta</b> ({ $error })
admin-system-database-size = 🗄 Tamanho: { $mb } MB
admin-system-database-size-wal = 🗄 Tamanho: { $mb } MB, log de escrita antecipada (WAL) { $walMb } MB
admin-system-jobs-ok = ⏱ Fila de tarefas: { $ready } prontas, { $deferred } agendadas, { $active } em execução
admin-system-jobs-down = ⏱ Fila de tarefas: <b>sem resposta</b> ({ $error })
admin-system-webhook-polling = 📡 Telegram: long polling (sem webhook)
admin-system-webhook-ok = 📡 Webhook do Telegram: { $pending } atualizações aguardando, sem erro
admin-system-webhook-error = 📡 Webhook do Telegram: { $pending } atualizações aguardando; último erro { $at }: { $error }
admin-system-webhook-down = 📡 Telegram: <b>não foi possível consultar</b> o webhook ({ $error })
admin-system-stripe-on = 💳 Stripe: configurado
admin-system-stripe-off = 💳 Stripe: não configurado (pagamentos com cartão desligados)
admin-system-backup-ok = 💾 Último backup: { $at } ({ $mb } MB; diário, 7 guardados)
admin-system-backup-overdue = 💾 Último backup: <b>{ $at }</b>, há mais de um dia ({ $mb } MB): o backup diário está falhando, veja os logs ("backup failed")
admin-system-backup-none = 💾 Ainda sem backup: o primeiro é feito às 03:30 UTC (depois diariamente, 7 guardados)
admin-system-backup-missing = 💾 <b>Nenhum backup</b> embora o diário já devesse existir: veja os logs ("backup failed")
admin-system-unavailable = Os números do sistema não estão disponíveis neste processo.
admin-system-export = 📦 Exportar todos os dados
admin-system-export-confirm = 📦 <b>Exportar todos os dados</b>
    Um arquivo com tudo o que o fanbridge guarda: fãs, os links das mensagens deles, pagamentos, o livro-razão, as configurações e a equipe. Ele contém dados pessoais: guarde-o com segurança.
    O mesmo arquivo leva uma instalação para outro banco de dados: <code>npm run import -- file</code> (veja o README).
    Com o banco de dados embutido, as mensagens dos fãs esperam enquanto ele é gravado (a leitura é de um único retrato consistente).
admin-system-export-go = 📦 Gerar a exportação
admin-system-export-caption = 📦 Exportação do fanbridge: { $rows } linhas em { $tables } tabelas ({ $mb } MB). Importe com <code>npm run import -- file</code>.
admin-system-export-sent = ✅ Exportação enviada abaixo: { $rows } linhas em { $tables } tabelas ({ $mb } MB).
admin-system-export-kept = ✅ Exportação gravada: { $rows } linhas em { $tables } tabelas ({ $mb } MB). Passa dos 50 MB que um bot pode enviar, então fica no servidor:
    <code>{ $path }</code>
admin-system-export-busy = ⏳ Uma exportação já está sendo gerada: ela chega aqui quando estiver pronta.
admin-system-export-failed = ⚠️ A exportação falhou: <code>{ $error }</code>. Nada foi alterado.

## Dashboard
admin-dashboard-title = 📊 <b>Painel</b> · dias em { $timezone }
admin-dashboard-users = 👥 <b>Usuários</b>: { $total } · novos: { $today } hoje, { $week } em 7 dias, { $month } em 30 dias · ativos em 7 dias: { $active } · pagantes: { $paying }
admin-dashboard-revenue-title = 💰 <b>Receita</b> (líquida de reembolsos) hoje · 7 dias · 30 dias
admin-dashboard-revenue-stars = ⭐ Stars: { $today } · { $week } · { $month }
admin-dashboard-revenue-card = 💳 Cartão: { $today } · { $week } · { $month }
admin-dashboard-revenue-card-none = 💳 Cartão: nada em 30 dias
admin-dashboard-messages = 💬 <b>Mensagens</b> recebidas / enviadas: { $inToday } / { $outToday } hoje · { $inWeek } / { $outWeek } em 7 dias · { $inMonth } / { $outMonth } em 30 dias
admin-dashboard-credits = 🪙 <b>Créditos</b> vendidos / gastos: { $soldToday } / { $spentToday } hoje · { $soldWeek } / { $spentWeek } em 7 dias · { $soldMonth } / { $spentMonth } em 30 dias

## Claim
admin-claim-done = 👑 <b>Agora este bot é seu.</b>
    Próximo passo: crie um grupo no Telegram, ative os <b>Tópicos</b> nas configurações dele, adicione @{ $bot }, torne-o administrador (gerenciar tópicos, fixar e apagar mensagens) e envie /setup no grupo: eu verifico e começo a usá-lo, sem copiar nenhum id. As conversas dos fãs chegam lá, um tópico por fã.
    /admin abre a central de controle.
admin-claim-already = Este bot já é seu. /admin abre a central de controle.
admin-claim-missing = Envie o código que aparece na saída de inicialização do bot: <code>/claim XXXX-XXXX-XXXX-XXXX</code>
admin-claim-invalid = Esse código está errado ou expirou. Confira a saída de inicialização do bot (um código novo é exibido a cada início enquanto o bot não tiver dono).
admin-claim-slow-down = Tentativas demais. Tente de novo em { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
  }.
admin-hub-category-broadcast = 📣 Transmissão

## Team
# A categoria Equipe da central de controle (só donos): membros, adicionar (um contato compartilhado ou uma
# mensagem encaminhada), papéis, remover; o convite que um novo membro recebe.

admin-hub-category-team = 👥 Equipe
admin-command-team = Membros da equipe: adicionar, mudar papéis, remover
admin-team-title = 👥 <b>Equipe</b> · { $count ->
    [0] ninguém
    [one] uma pessoa
   *[other] { $count } pessoas
  }
    Donos fazem tudo; gerentes cuidam da operação (produtos, configurações, conversas); agentes respondem aos fãs.
admin-team-empty = Ninguém na equipe ainda.
admin-team-line = { $who } · { $role } · adicionado por { $by } em { $at }
admin-team-line-config = { $who } · { $role } (ADMIN_USER_IDS)
admin-team-by-claim = /claim
admin-team-add = ➕ Adicionar membro
admin-team-add-ask = ➕ <b>Adicionar membro</b>
    Toque em <b>Escolher uma pessoa</b> no teclado abaixo e escolha entre seus chats, ou me encaminhe uma mensagem dela.
    /cancel para parar.
admin-team-share-prompt = 👇 Quem entra na equipe?
admin-team-share-button = 👤 Escolher uma pessoa
admin-team-add-how = Isso não é uma pessoa. Toque em <b>Escolher uma pessoa</b> abaixo, ou me encaminhe uma mensagem escrita por ela (não de um canal ou grupo).
admin-team-forward-hidden = { $name } oculta a conta em mensagens encaminhadas (configurações de privacidade), então não consigo saber quem é. Toque em <b>Escolher uma pessoa</b> abaixo, ou peça para permitir o link da conta em encaminhamentos.
admin-team-share-stale = Esse botão é de uma pergunta anterior. Use o botão <b>Escolher uma pessoa</b> mais recente, ou me encaminhe uma mensagem dela.
admin-team-share-gone = Essa escolha veio de um teclado antigo: nada foi alterado. Abra /team para adicionar alguém.
admin-team-shared = Certo: { $who }.
admin-team-pick-role = Adicionar <b>{ $who }</b> como:
admin-team-pick-role-member = <b>{ $who }</b> já está na equipe como { $role }. O novo papel será:
admin-team-role-manager = 🧭 Gerente
admin-team-role-agent = 💬 Agente
admin-team-added = ✅ <b>{ $who }</b> está na equipe como { $role }.
admin-team-links-sent = Enviei { $count ->
    [one] um link de convite de uso único para o grupo de administração
   *[other] links de convite de uso único para os { $count } grupos de administração
  } (válidos por 24 horas).
admin-team-links-forward = A pessoa ainda não iniciou um chat comigo, então não consegui enviar o convite. Encaminhe estes links de uso único (válidos por 24 horas) e peça para ela me abrir e tocar em Iniciar:
    { $links }
admin-team-links-failed = ⚠️ { $count ->
    [one] Um link de convite não pôde ser criado
   *[other] { $count } links de convite não puderam ser criados
  }: preciso da permissão de convidar usuários em cada grupo de administração.
admin-team-no-groups = Ainda não há grupo de administração: rode /setup no seu grupo com tópicos e depois convide a pessoa para lá.
admin-team-open-member = 👤 Abrir a ficha
admin-team-invite = 👋 Você entrou na equipe como { $role }. As conversas dos fãs ficam no grupo de administração; entre com estes links de uso único (válidos por 24 horas):
    { $links }
    Depois, /admin abre a central de controle.
admin-team-member = 👤 <b>{ $who }</b> · <code>{ $id }</code>
    Papel: { $role }
admin-team-member-added = Adicionado por { $by } em { $at }
admin-team-member-config = Um dono de <code>ADMIN_USER_IDS</code>: altere isso no ambiente.
admin-team-make-manager = 🧭 Tornar gerente
admin-team-make-agent = 💬 Tornar agente
admin-team-role-changed = ✅ Papel alterado para { $role }.
admin-team-remove = 🗑 Remover da equipe
admin-team-remove-confirm = Remover <b>{ $who }</b> da equipe? { $self ->
    [yes] Você perde o seu próprio acesso na hora.
   *[no] A pessoa perde a central de controle na hora.
  } Eu a tiro { $groups ->
    [0] de nenhum grupo de administração (ainda não há nenhum)
    [one] do grupo de administração
   *[other] dos { $groups } grupos de administração
  }, então ela não vê mais as conversas dos fãs.
admin-team-remove-yes = 🗑 Sim, remover
admin-team-removed = ✅ <code>{ $id }</code> removido da equipe e { $groups ->
    [0] de nenhum grupo de administração
    [one] do grupo de administração
   *[other] dos { $groups } grupos de administração
  }.
admin-team-remove-failed = ⚠️ Não consegui tirar a pessoa { $count ->
    [one] de um grupo de administração
   *[other] de { $count } grupos de administração
  } (preciso da permissão de banir usuários lá): remova manualmente.
admin-team-not-member = Essa pessoa não está (mais) na equipe.
admin-team-config-owner = Este dono vem de <code>ADMIN_USER_IDS</code> e não pode ser alterado nem removido aqui: altere o ambiente e reinicie.
admin-team-last-owner = Você é o último dono: adicione outro dono primeiro, senão o bot fica sem ninguém no comando.
admin-team-stale = ⌛ Essa escolha está desatualizada: compartilhe a pessoa de novo com ➕ Adicionar membro.
admin-team-is-bot = Bots não podem entrar na equipe.

## Admin setup
# O que os donos recebem em privado enquanto o bot é configurado: ainda sem grupo de administração, um grupo
# esperando virar o grupo de administração, e erros ao processar uma atualização.

admin-setup-group-pending = ⏳ Fui adicionado a <b>{ $title }</b> (<code>{ $chatId }</code>) e vou esperar a configuração lá até { $until }.
    Para torná-lo um grupo de administração, envie /setup nele: eu verifico o que preciso lá e digo o que falta. Caso contrário, saio dele nesse momento.
admin-setup-error-alert = ⚠️ <b>Erro do fanbridge</b> ao processar a atualização { $updateId }:
    <code>{ $message }</code>
    (Outros erros desse tipo ficam silenciados por 10 minutos; veja os logs.)
admin-setup-update-parked = ⚠️ <b>O fanbridge deixou uma atualização de lado</b>: a atualização { $updateId } ({ $kind }) falhou { $attempts } vezes e está guardada em <code>failed_updates</code> com o JSON original.
    Último erro: <code>{ $error }</code>
    (Outras atualizações deixadas de lado nos próximos 10 minutos não são anunciadas; veja os logs.)
admin-setup-memberships-missing = 👥 <b>Nem toda a equipe está em todos os grupos de administração.</b> A conversa de cada fã fica em um dos grupos de administração, então quem responde aos fãs precisa ser membro de todos. Faltando (grupo: pessoas):
    { $missing }
    Adicione-os a esses grupos; aviso uma única vez sobre cada participação que falta.

## Setup
# /setup num grupo: o que falta (cada item com a solução), pronto, recusas; mudanças posteriores nas permissões
# do bot num grupo de administração.

admin-setup-not-owner = Só um dono pode configurar este grupo.
admin-setup-private = Envie /setup no grupo com tópicos que deve receber as conversas dos fãs (me adicione lá primeiro: abra o grupo → Adicionar membros → @{ $bot }). Eu verifico o que preciso lá e digo o que falta.
admin-setup-unreadable = Não consegui ler as configurações deste grupo. Confira se ainda sou membro e envie /setup de novo.
admin-setup-missing = 🛠 <b>{ $title }</b> ainda não está pronto. Falta:
    { $missing }
    Corrija isso e envie /setup de novo.
admin-setup-need-supergroup = um supergrupo: ative os <b>Tópicos</b> nas configurações do grupo (Editar → Tópicos); o Telegram converte o grupo, depois envie /setup nele de novo
admin-setup-need-forum = tópicos: nas configurações do grupo ative os <b>Tópicos</b> (Editar → Tópicos)
admin-setup-need-admin = eu como administrador: Editar → Administradores → Adicionar administrador → eu
admin-setup-need-manage-topics = a permissão para <b>gerenciar tópicos</b> (cada fã ganha um tópico): Editar → Administradores → eu → Gerenciar tópicos
admin-setup-need-pin-messages = a permissão para <b>fixar mensagens</b> (a ficha de cada fã fica fixada no tópico dele): Editar → Administradores → eu → Fixar mensagens
admin-setup-need-delete-messages = a permissão para <b>apagar mensagens</b> (para suas respostas poderem ser retiradas): Editar → Administradores → eu → Apagar mensagens
admin-setup-done = ✅ <b>{ $title }</b> agora é { $groups ->
    [one] o grupo de administração
   *[other] um grupo de administração (um de { $groups })
  }. As conversas de novos fãs abrem aqui como tópicos, um por fã; responda num tópico para falar com o fã. Adicione sua equipe com /team no meu chat privado.
admin-setup-done-already = ✅ <b>{ $title }</b> já é um grupo de administração, e tudo o que preciso está no lugar.
admin-setup-done-configured = ✅ <b>{ $title }</b> é um grupo de administração pela configuração (<code>ADMIN_GROUP_ID</code>/<code>ADMIN_GROUP_IDS</code>), e tudo o que preciso está no lugar.
admin-setup-rights-missing = ⚠️ Minhas permissões mudaram no grupo de administração <b>{ $title }</b>. Agora falta:
    { $missing }
    As conversas dos fãs lá podem travar até isso ser corrigido.
admin-setup-rights-fixed = ✅ Minhas permissões no grupo de administração <b>{ $title }</b> estão completas de novo: não falta nada.

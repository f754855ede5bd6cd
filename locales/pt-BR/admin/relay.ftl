## Relay

relay-card-banned = 🚫 banido
relay-card-id = 🆔 <code>{ $id }</code> · nível { $tier }{ $banned }
relay-card-balance = 💳 Saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }
relay-card-pass = ⏳ Passe: restam { $left }
relay-card-no-pass = ⏳ Passe: nenhum
relay-card-spent = 💸 Total gasto: { $spent ->
    [one] { $spent } crédito
   *[other] { $spent } créditos
  }
relay-card-joined = 📅 Entrou em { $date }
relay-card-assignee = 👤 Atribuída a { $name }
relay-card-previous = ℹ️ O histórico anterior está no tópico antigo, se ele ainda existir: { $link }
relay-card-reply-here = Responda neste tópico para falar com o fã.

relay-inbox-title = 📥 <b>Caixa de entrada</b> · { $waiting } aguardando resposta
relay-inbox-empty = Nenhuma conversa ainda.
relay-inbox-unread = 🔴 { $count } não lidas
relay-inbox-answered = ✔️ respondida
relay-inbox-just-now = agora mesmo
relay-inbox-min-ago = há { $n } min
relay-inbox-h-ago = há { $n } h
relay-inbox-d-ago = há { $n } d
relay-inbox-updated = <i>Atualizado às { $time } UTC</i>

relay-support-mark = 💳 Suporte de pagamento
relay-support-alert = 💳 <b>Suporte de pagamento</b> de { $name }{ $handle } · <code>{ $id }</code>:
  { $body }
relay-support-alert-no-text = 💳 <b>Suporte de pagamento</b> de { $name }{ $handle } · <code>{ $id }</code>:
  (uma mensagem sem texto: peça para descrever o problema em palavras)

relay-edit-note = ✏️ editada:
relay-edit-caption-removed = (legenda removida)

relay-not-delivered = ❗ Não entregue: { $reason }.

relay-fan-blocked = 🚫 O fã bloqueou o bot: as respostas não chegarão até ele enquanto não desbloquear.
relay-fan-unblocked = 🔓 O fã desbloqueou o bot: as respostas voltam a chegar.

relay-delete-no-reply = Responda /delete a uma das suas respostas para apagá-la também para o fã.
relay-delete-not-yours = Só é possível apagar as suas próprias respostas: responda /delete a uma delas.
relay-delete-not-delivered = Essa mensagem não chegou ao fã, então não há nada para apagar.
relay-delete-too-old = O Telegram só deixa bots apagarem mensagens por 48 horas: esta fica com o fã.
relay-delete-failed = Não apagada: { $reason }.

relay-setup-needed =
    ⚙️ <b>fanbridge: falta um passo</b>
    Um fã acabou de escrever, mas as mensagens ainda não têm para onde ir: nenhum grupo de administração foi configurado.

    1. Crie um supergrupo privado e ative os <b>Tópicos</b>.
    2. Adicione @{ $bot } e torne-o administrador com <b>Gerenciar tópicos</b>, <b>Fixar mensagens</b> e <b>Apagar mensagens</b>.
    3. Envie /setup no grupo: eu verifico o que preciso lá e digo o que falta. Sem copiar ids, sem reiniciar.

    Até lá, os fãs são avisados de que a linha ainda não está aberta, e nada é cobrado.
relay-admin-topic-orphan = ⚠️ O tópico do fã { $fan } pode estar duplicado: o bot parou depois de pedir ao Telegram para criar “{ $name }” ({ $since }) e antes de conseguir registrá-lo. Um tópico novo está sendo criado agora; se o grupo mostrar um tópico vazio mais antigo chamado “{ $name }”, apague esse.

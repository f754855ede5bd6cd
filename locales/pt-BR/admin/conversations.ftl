## Conversations
# As telas de Conversas da central de controle (/conversations): as listas, uma conversa e suas ações,
# atribuição, tempos de primeira resposta; e a linha da ficha e o aviso que a atribuição traz.

admin-hub-category-conversations = 💬 Conversas
admin-conversations-title = 💬 <b>Conversas</b>
admin-conversations-counts = Abertas: { $open } · aguardando resposta: { $unread } · prioritárias: { $priority } · fixadas: { $pinned } · atribuídas a você: { $mine }
admin-conversations-response-title = ⏱ <b>Primeira resposta</b> (da primeira mensagem sem resposta de um fã até a resposta seguinte):
admin-conversations-response-7 = Últimos 7 dias: mediana { $p50 } · 90 % em até { $p90 } ({ $count ->
    [one] { $count } resposta
   *[other] { $count } respostas
  })
admin-conversations-response-7-none = Últimos 7 dias: nada respondido ainda
admin-conversations-response-30 = Últimos 30 dias: mediana { $p50 } · 90 % em até { $p90 } ({ $count ->
    [one] { $count } resposta
   *[other] { $count } respostas
  })
admin-conversations-response-30-none = Últimos 30 dias: nada respondido ainda

## Lists
admin-conversations-list-open-button = 📂 Abertas ({ $count })
admin-conversations-list-unread-button = 🔔 Não lidas ({ $count })
admin-conversations-list-priority-button = ⭐ Prioritárias ({ $count })
admin-conversations-list-pinned-button = 📌 Fixadas ({ $count })
admin-conversations-list-mine-button = 👤 Atribuídas a mim ({ $count })
admin-conversations-list-open-title = 📂 <b>Conversas abertas</b> ({ $count }): fixadas primeiro, depois prioritárias, depois a mensagem mais recente
admin-conversations-list-unread-title = 🔔 <b>Aguardando resposta</b> ({ $count }): a espera mais longa primeiro
admin-conversations-list-priority-title = ⭐ <b>Prioritárias</b> ({ $count })
admin-conversations-list-pinned-title = 📌 <b>Fixadas</b> ({ $count })
admin-conversations-list-mine-title = 👤 <b>Atribuídas a você</b> ({ $count })
admin-conversations-empty = Nada aqui.
admin-conversations-line-waiting = { $count ->
    [one] { $count } não lida
   *[other] { $count } não lidas
  }, aguardando { $since }
admin-conversations-line-answered = respondida
admin-conversations-line-assignee = → { $name }
admin-conversations-topic-button = ↗ Tópico

## One conversation
admin-conversations-view-title = 💬 <b>{ $name }</b> · <code>{ $id }</code>
admin-conversations-view-tier = Nível: { $tier } · saldo: { $balance ->
    [one] { $balance } crédito
   *[other] { $balance } créditos
  }
admin-conversations-view-waiting = ⏳ Aguardando desde { $since } ({ $wait }; { $count ->
    [one] { $count } mensagem
   *[other] { $count } mensagens
  })
admin-conversations-view-answered = ✅ Nada pendente: a última mensagem foi respondida.
admin-conversations-view-assignee = 👤 Atribuída a { $name }
admin-conversations-view-unassigned = 👤 Não atribuída
admin-conversations-view-flags = Marcações: { $flags }
admin-conversations-flag-priority = ⭐ prioritária
admin-conversations-flag-pinned = 📌 fixada
admin-conversations-flag-open = aberta
admin-conversations-flag-closed = 🔒 fechada
admin-conversations-priority = ⭐ Marcar prioridade
admin-conversations-unpriority = ☆ Tirar prioridade
admin-conversations-pin = 📌 Fixar
admin-conversations-unpin = Desafixar
admin-conversations-close = 🔒 Fechar
admin-conversations-reopen = 🔓 Reabrir
admin-conversations-assign = 👤 Atribuir…
admin-conversations-unassign = ✖ Remover atribuição
admin-conversations-gone = Esta conversa não existe mais (o fã não tem tópico).
admin-conversations-done-priority = ✅ Marcada como prioritária.
admin-conversations-done-unpriority = ✅ Não é mais prioritária.
admin-conversations-done-pinned = ✅ Fixada: ela encabeça a lista de abertas.
admin-conversations-done-unpinned = ✅ Desafixada.
admin-conversations-done-closed = ✅ Fechando o tópico (a próxima mensagem do fã o reabre).
admin-conversations-done-reopened = ✅ Reabrindo o tópico.
admin-conversations-done-assigned = ✅ Atribuída (a ficha no tópico mostra isso em instantes).
admin-conversations-done-unassigned = ✅ Atribuição removida.

## Assignment
admin-conversations-pick = Atribuir a conversa com <b>{ $name }</b> a (membros da equipe que podem responder):
admin-conversations-pick-you = (você)
admin-conversations-not-assignable = ⚠️ Essa pessoa não pode mais responder aos fãs: escolha outra.
admin-conversations-assigned-notice = 👤 { $by } atribuiu a você a conversa com <b>{ $fan }</b>. Ela está na sua lista: /conversations
admin-conversations-open-topic = ↗ Abrir o tópico

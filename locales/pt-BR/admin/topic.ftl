## Admin topic
# Respostas aos comandos e botões da equipe dentro do tópico de um fã (/info, /gift, /ban, /note, /close…).

admin-topic-outside = Use isto dentro do tópico de um fã.

    <b>No tópico de um fã</b>
    /info · perfil, pagamentos, notas
    /gift 10 · dar créditos · /gift 2h, /gift 3d · dar um passe
    /ban · /unban
    /refund 12 · reembolsar o pagamento 12, Stars ou cartão (ids no /info)
    /note texto · uma nota privada (aparece no /info)
    /close · /reopen o tópico (a próxima mensagem do fã também o reabre)
admin-topic-not-allowed = Só admins podem fazer isso.
admin-topic-not-a-fan = Este não é o tópico de um fã.
admin-topic-failed = Não deu certo: { $detail }.
admin-topic-buttons-only = Só admins podem usar estes botões.
admin-topic-expired = Este botão expirou.
admin-topic-gifted-credits = 🎁 { $credits ->
    [one] { $credits } crédito dado
   *[other] { $credits } créditos dados
  } de presente (saldo { $balance }).
admin-topic-gifted-pass = 🎁 Passe de { $duration } dado de presente (até { $until }).
admin-topic-gift-what = Dar o quê? /gift 10 (créditos) ou /gift 2h, /gift 3d (um passe).
admin-topic-gift-menu = 🎁 Dê créditos ou um passe de presente (ou digite /gift 15, /gift 2d):
admin-topic-gift-menu-used = Já foi dado um presente por este menu.
admin-topic-gift-menu-credits = { $credits ->
    [one] { $credits } crédito dado
   *[other] { $credits } créditos dados
  } de presente.
admin-topic-gift-menu-pass = Passe de { $duration } dado de presente.
admin-topic-gift-menu-done-credits = 🎁 { $admin } deu { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
  } de presente.
admin-topic-gift-menu-done-pass = 🎁 { $admin } deu um passe de { $duration } de presente.
admin-topic-banned = 🚫 Banido: as mensagens dele são recusadas.
admin-topic-unbanned = 🔓 Desbanido.
admin-topic-already-banned = Já está banido.
admin-topic-already-unbanned = Já está desbanido.
admin-topic-banned-short = Banido.
admin-topic-unbanned-short = Desbanido.
admin-topic-note-usage = Escreva a nota depois do comando: /note prefere mensagens de voz
admin-topic-noted = 📝 Anotado.
admin-topic-closing = 🔒 Fechando o tópico.
admin-topic-reopening = 🔓 Reabrindo o tópico.
admin-topic-refund-which = Reembolsar qual pagamento? /refund 12 (os ids estão no /info).
admin-topic-refund-card-sent = ↩️ Reembolso de { $amount } (pagamento #{ $id }) enviado ao Stripe. Os créditos do fã são ajustados, e ele é avisado, quando o Stripe confirmar.
admin-topic-refund-card-refused = O Stripe recusou o reembolso: { $detail }.
admin-topic-refund-not-refundable = O pagamento #{ $id } não pode ser reembolsado: { $detail }.
admin-topic-refund-stars-refused = O Telegram recusou o reembolso: { $detail }.
admin-topic-refund-already = O pagamento #{ $id } já foi reembolsado: nada mudou.
admin-topic-refund-pending = ⏳ O Telegram não respondeu, então ainda não se sabe se o pagamento #{ $id } foi reembolsado. A consulta está sendo repetida; o resultado vai aparecer aqui.
admin-topic-unknown-error = erro desconhecido
admin-topic-not-paid = não está pago
admin-topic-fan-unknown = Este fã não é conhecido aqui.
admin-topic-banned-by = 🚫 Banido por { $admin }

## Onboarding (the team's side)
# /reset para contas de teste, e o aviso aos donos quando um fã apaga os próprios dados.

admin-reset-usage = 🧹 <b>/reset</b> zera uma conta de teste: o saldo e o passe de tempo, com um único ajuste no livro-razão (nada é apagado; o /history recomeça a partir dele).
    No seu chat privado: <code>/reset 123456789</code>. No tópico do fã: <code>/reset</code>.
    Um fã que pagou com dinheiro de verdade só é zerado com <code>force</code> no final.
admin-reset-done = 🧹 Conta { $id } zerada: { $credits ->
        [one] { $credits } crédito removido
       *[other] { $credits } créditos removidos
    }{ $pass ->
        [yes] , passe de tempo encerrado
       *[other] {""}
    }.{ $payments ->
        [0] {""}
        [one] {" "}(Forçado: { $payments } pagamento real continua na contabilidade.)
       *[other] {" "}(Forçado: { $payments } pagamentos reais continuam na contabilidade.)
    }
admin-reset-has-payments = ⚠️ A conta { $id } tem { $payments ->
        [one] { $payments } pagamento real
       *[other] { $payments } pagamentos reais
    }: não é uma conta de teste. Para zerá-la mesmo assim, adicione <code>force</code>.
admin-reset-not-allowed = Só os donos podem zerar contas.
admin-reset-unknown = 🤔 Nenhum fã com o id { $id } usou este bot.
admin-reset-duplicate = Este /reset já foi feito.
privacy-admin-erased = 🔒 O fã { $id } apagou os próprios dados (/privacy): nome e username removidos, { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    } e { $links ->
        [one] { $links } link de mensagem
       *[other] { $links } links de mensagem
    } apagados. O livro-razão e os pagamentos dele continuam sob o id { $id }.

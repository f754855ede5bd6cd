## Onboarding (the team's side)
# /reset para cuentas de prueba, y el aviso a los propietarios cuando un fan borra sus datos.

admin-reset-usage = 🧹 <b>/reset</b> deja una cuenta de prueba a cero: su saldo y su pase de tiempo, con un único ajuste en el libro de movimientos (no se borra nada; /history vuelve a empezar después).
    En tu chat privado: <code>/reset 123456789</code>. En el tema del fan: <code>/reset</code>.
    A un fan que pagó dinero real solo se le restablece añadiendo <code>force</code> al final.
admin-reset-done = 🧹 Cuenta { $id } restablecida: { $credits ->
        [one] { $credits } crédito retirado
       *[other] { $credits } créditos retirados
    }{ $pass ->
        [yes] , pase de tiempo terminado
       *[other] {""}
    }.{ $payments ->
        [0] {""}
        [one] {" "}(Forzado: { $payments } pago real sigue en la contabilidad.)
       *[other] {" "}(Forzado: { $payments } pagos reales siguen en la contabilidad.)
    }
admin-reset-has-payments = ⚠️ La cuenta { $id } tiene { $payments ->
        [one] { $payments } pago real
       *[other] { $payments } pagos reales
    }: no es una cuenta de prueba. Para restablecerla de todos modos, añade <code>force</code>.
admin-reset-not-allowed = Solo los propietarios pueden restablecer cuentas.
admin-reset-unknown = 🤔 Ningún fan con el id { $id } ha usado este bot.
admin-reset-duplicate = Este restablecimiento ya se hizo.
privacy-admin-erased = 🔒 El fan { $id } borró sus datos (/privacy): nombre y username borrados; { $notes ->
        [one] { $notes } nota
       *[other] { $notes } notas
    } y { $links ->
        [one] { $links } enlace de mensaje
       *[other] { $links } enlaces de mensajes
    } eliminados. Su libro de movimientos y sus pagos se conservan con el id { $id }.

## Onboarding (the team's side)
# /reset for test accounts, and the owners' notice when a fan deletes their data.

admin-reset-usage = 🧹 <b>/reset</b> puts a test account back to zero: its balance and time pass, with one adjustment in the ledger (nothing is deleted; /history starts again after it).
    In your private chat: <code>/reset 123456789</code>. In the fan's topic: <code>/reset</code>.
    A fan who paid real money is only reset with <code>force</code> at the end.
admin-reset-done = 🧹 Account { $id } reset: { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } removed{ $pass ->
        [yes] , time pass ended
       *[other] {""}
    }.{ $payments ->
        [0] {""}
       [one] {" "}(Forced: { $payments } real payment stays in the books.)
       *[other] {" "}(Forced: { $payments } real payments stay in the books.)
    }
admin-reset-has-payments = ⚠️ Account { $id } has { $payments ->
        [one] { $payments } real payment
       *[other] { $payments } real payments
    }: it is not a test account. To reset it anyway, add <code>force</code>.
admin-reset-not-allowed = Only owners can reset accounts.
admin-reset-unknown = 🤔 No fan with the id { $id } has used this bot.
admin-reset-duplicate = This reset request was carried out already: nothing more was changed.
privacy-admin-erased = 🔒 Fan { $id } deleted their data (/privacy): name and username cleared, { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    } and { $links ->
        [one] { $links } message link
       *[other] { $links } message links
    } deleted. Their ledger and payments stay under the id { $id }.

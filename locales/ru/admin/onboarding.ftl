## Onboarding (the team's side)
# /reset для тестовых аккаунтов и уведомление владельцам, когда фанат удаляет свои данные.

admin-reset-usage = 🧹 <b>/reset</b> обнуляет тестовый аккаунт — его баланс и пропуск — одной корректировкой в журнале операций (ничего не удаляется; /history начинается заново после неё).
    В личном чате со мной: <code>/reset 123456789</code>. В теме фаната: <code>/reset</code>.
    Фаната, который платил реальные деньги, можно обнулить, только добавив в конце <code>force</code>.
admin-reset-done = 🧹 Аккаунт { $id } обнулён: { $credits ->
        [one] списан { $credits } кредит
        [few] списано { $credits } кредита
        [many] списано { $credits } кредитов
       *[other] списано { $credits } кредита
    }{ $pass ->
        [yes] , пропуск завершён
       *[other] {""}
    }.{ $payments ->
        [0] {""}
       *[other] {" "}(Принудительно; реальные платежи остаются в учёте: { $payments }.)
    }
admin-reset-has-payments = ⚠️ У аккаунта { $id } { $payments ->
        [one] { $payments } реальный платёж
        [few] { $payments } реальных платежа
        [many] { $payments } реальных платежей
       *[other] { $payments } реального платежа
    }: это не тестовый аккаунт. Чтобы всё равно обнулить его, добавьте <code>force</code>.
admin-reset-not-allowed = Обнулять аккаунты могут только владельцы.
admin-reset-unknown = 🤔 Фанат с id { $id } этим ботом не пользовался.
admin-reset-duplicate = Это обнуление уже выполнено.
privacy-admin-erased = 🔒 Фанат { $id } удалил свои данные (/privacy): имя и username стёрты, удалены: { $notes ->
        [one] { $notes } заметка
        [few] { $notes } заметки
        [many] { $notes } заметок
       *[other] { $notes } заметки
    } и { $links ->
        [one] { $links } ссылка на сообщение
        [few] { $links } ссылки на сообщения
        [many] { $links } ссылок на сообщения
       *[other] { $links } ссылки на сообщения
    }. Его журнал операций и платежи остаются под id { $id }.

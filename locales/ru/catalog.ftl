## Products (what the creator sets on the Products screen, as fans see it)

billing-label-popular = 🔥 Самый популярный
billing-label-best-value = 💎 Самый выгодный
billing-auto-paused-changed = 🔄 <b>Автопополнение приостановлено.</b> Пакет, который оно покупает, { $title }, теперь стоит { $price } за { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
        [many] { $credits } кредитов
       *[other] { $credits } кредита
    }. Оставить автопополнение на этих условиях?
billing-auto-paused-gone = 🔄 <b>Автопополнение приостановлено.</b> Пакет, который оно покупало, { $title }, больше не продаётся за карту. Выберите другой пакет или выключите автопополнение.
billing-auto-keep-button = ✅ Подтвердить
billing-auto-choose-button = 🔄 Выбрать пакет
billing-auto-keep-changed = Этот пакет снова изменился. Откройте /autorecharge, чтобы увидеть его текущие условия.

## Common

common-stale-button = Эта кнопка устарела. Отправьте /start, чтобы открыть новое меню.
common-error = 😕 У нас что-то пошло не так, команда уже в курсе. Попробуйте ещё раз чуть позже.
common-unknown-command = Я не знаю команду { $command }. Отправьте /help, чтобы посмотреть, что я умею.
common-unsupported = Здесь я не могу это обработать. Отправьте /help, чтобы посмотреть, что я умею.
common-back = ⬅️ Назад
common-send-start-first = Сначала отправьте /start.
common-slow-down = ⏳ Не так быстро: попробуйте ещё раз через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
  }.
common-not-open-yet = 🙏 Спасибо, что написали! Здесь пока не принимают сообщения. Попробуйте чуть позже — с вас ничего не списано.

## Units

duration-d = { $n } д
duration-h = { $n } ч
duration-min = { $n } мин
duration-s = { $n } с

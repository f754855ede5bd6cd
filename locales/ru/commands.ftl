## Commands

command-start = Приветствие и магазин
command-balance = Ваши кредиты и пропуск
command-buy = Купить кредиты или пропуск
command-history = Покупки и расходы
command-billing = Сохранённые карты и чеки (оплата картой)
command-autorecharge = Автопополнение, когда кредиты заканчиваются
command-content = Эксклюзивные фото, видео и файлы
command-language = Сменить язык
command-help = Как это работает
command-terms = Условия покупки
command-privacy = Ваши данные
command-paysupport = Помощь с оплатой

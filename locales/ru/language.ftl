## Language

language-name = Русский
language-choose = 🌐 Выберите язык:
language-set = 🌐 Теперь я говорю с вами по-русски.

## Language

language-name = Português (Brasil)
language-choose = 🌐 Escolha seu idioma:
language-set = 🌐 A partir de agora falo português com você.

## Language

language-name = Español
language-choose = 🌐 Elige tu idioma:
language-set = 🌐 A partir de ahora te hablo en español.

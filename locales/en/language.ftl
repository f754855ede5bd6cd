## Language
# /language: the fan (or an admin, for their own screens) picks the bot's language.

language-name = English
language-choose = 🌐 Choose your language:
language-set = 🌐 From now on I speak English with you.

## Legal
# /terms, /privacy and /paysupport. The creator can write their own; these are the defaults.

legal-terms-default = Terms: credits and time passes are digital goods used to send messages to the creator through this bot. Each message costs credits by type as shown in /help; a time pass makes messages free until it ends. Purchases are final once used; unused purchases can be refunded on request through /paysupport. Abusive messages may lead to a ban without refund of used credits.
legal-paysupport-default = Payment support: if a purchase did not arrive or you want a refund, send /paysupport followed by a short description (the date and what you bought). It reaches the team free of charge, and we answer here within 48 hours; refunds of Telegram Stars go back to your Stars balance.
legal-privacy-default = Privacy: this bot keeps your Telegram name, username and language, your messages to the creator (as copies in the creator's private group), your credits and purchases. Card payments are handled by Stripe; the bot never sees your card number. Ask through /paysupport to have your data deleted.
legal-terms = 📄 { $text }
legal-privacy = 🔒 { $text }
legal-paysupport = 🛟 { $text }
legal-paysupport-ask = ✍️ Describe the problem in your next message (the date, what you bought, what went wrong): it goes to the team free of charge.
legal-paysupport-limit = 💳 You have sent { $perDay } payment-support messages today: the team has them and will answer here. You can send another tomorrow.

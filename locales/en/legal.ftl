## Legal
# /terms, /privacy and /paysupport. The creator can write their own; these are the defaults.

legal-terms-default = Terms: credits and time passes are digital goods used to send messages to the creator through this bot. Each message costs credits by type as shown in /help; a time pass makes messages free until it ends. Purchases are final once used; unused purchases can be refunded on request through /paysupport. Abusive messages may lead to a ban without refund of used credits.
legal-paysupport-default = Payment support: if a purchase did not arrive or you want a refund, send /paysupport followed by a short description (the date and what you bought). It reaches the team free of charge, and we answer here within 48 hours; refunds of Telegram Stars go back to your Stars balance.
legal-privacy-default = <b>Privacy</b>: what this bot keeps about you, and for how long.
    • Your Telegram id, name, username and language: while you use the bot.
    • Your messages: they reach the creator as copies in their private Telegram group. The bot keeps which message is which (to thread replies), the text of payment-support messages and edits for a week, and a message the bot could not process for up to 90 days.
    • Your credits, purchases and time passes: as long as the accounts must be kept, under your numeric id.
    • Notes the team writes about you: until they are deleted.
    Card payments are handled by Stripe; the bot never sees your card number.
    Tap <b>Delete my data</b> below to remove your name, username, notes and stored messages now. Your balance, pass and payment records stay under your numeric id, and what the creator already received stays in their chat.
legal-terms = 📄 { $text }
legal-privacy = 🔒 { $text }
legal-paysupport = 🛟 { $text }
legal-paysupport-ask = ✍️ Describe the problem in your next message (the date, what you bought, what went wrong): it goes to the team free of charge.
legal-paysupport-limit = 💳 You have sent { $perDay } payment-support messages today: the team has them and will answer here. You can send another tomorrow.
privacy-delete-button = 🗑 Delete my data
privacy-confirm = 🗑 <b>Delete your data?</b>
    Your name and username, the team's notes about you and the messages the bot stored are deleted now, and your name is not stored again. Your balance, time pass and payment records stay, under your numeric id only. This cannot be undone.
privacy-confirm-button = 🗑 Yes, delete my data
privacy-keep-button = ✖️ No, keep it
privacy-kept = Nothing was deleted.
privacy-erased = ✅ <b>Your data was deleted.</b> Your balance and time pass are unchanged; you can keep writing here as before. The creator has been told.

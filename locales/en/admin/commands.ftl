## Admin commands
# The command menus admins see: in a fan's topic, and the owners' extra tools in their private chat.

admin-command-info = Profile, payments, notes of this fan
admin-command-gift = Gift credits (/gift 10) or a pass (/gift 2h)
admin-command-ban = Refuse this fan's messages
admin-command-unban = Accept this fan's messages again
admin-command-refund = Refund a payment (/refund id, ids in /info)
admin-command-note = Add a private note (/note text)
admin-command-close = Close this topic
admin-command-reopen = Reopen this topic
admin-command-delete = Reply to your answer to delete it for the fan
admin-command-content = Manage premium content (/content add)
admin-command-cancel = Stop adding or editing content
admin-command-admin = Control center
admin-command-conversations = Open, unread, priority and assigned conversations
admin-command-dashboard = Users, revenue and messages at a glance
admin-command-system = Health, version and queues
admin-command-users = Find a fan: card, credits, tier, ban
admin-command-products = Packs, passes, prices and badges
admin-command-payments = Payments, refunds and revenue per day
admin-command-broadcast = Message many fans, mass gifts, templates
admin-command-analytics = Growth, revenue, conversion and charts
admin-command-search = Find users, payments and messages

admin-command-settings = Prices, texts, switches and pausing the line
admin-command-reset = Reset a test account: /reset <user id> [force]
admin-command-quickreplies = Saved answers to send in fans' topics

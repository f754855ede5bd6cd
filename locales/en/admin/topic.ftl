## Admin topic
# Answers to the team's commands and buttons inside a fan's topic (/info, /gift, /ban, /note, /close…).

admin-topic-outside = Use this inside a fan's topic.

    <b>In a fan's topic</b>
    /info · profile, payments, notes
    /gift 10 · gift credits · /gift 2h, /gift 3d · gift a time pass
    /ban · /unban
    /refund 12 · refund payment 12, Stars or card (ids in /info)
    /note text · a private note (shown in /info)
    /close · /reopen the topic (the fan's next message reopens it too)
admin-topic-not-allowed = Only admins can do that.
admin-topic-not-a-fan = This is not a fan's topic.
admin-topic-failed = That does not work: { $detail }.
admin-topic-buttons-only = Only admins can use these buttons.
admin-topic-expired = This button has expired.
admin-topic-gifted-credits = 🎁 Gifted { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  } (balance { $balance }).
admin-topic-gifted-pass = 🎁 Gifted a { $duration } pass (until { $until }).
admin-topic-gift-what = Gift what? /gift 10 (credits) or /gift 2h, /gift 3d (a time pass).
admin-topic-gift-menu = 🎁 Gift credits or a time pass (or type /gift 15, /gift 2d):
admin-topic-gift-menu-used = Already gifted from this menu.
admin-topic-gift-menu-credits = Gifted { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  }.
admin-topic-gift-menu-pass = Gifted a { $duration } pass.
admin-topic-gift-menu-done-credits = 🎁 { $admin } gifted { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
  }.
admin-topic-gift-menu-done-pass = 🎁 { $admin } gifted a { $duration } pass.
admin-topic-banned = 🚫 Banned: their messages are refused.
admin-topic-unbanned = 🔓 Unbanned.
admin-topic-already-banned = Already banned.
admin-topic-already-unbanned = Already unbanned.
admin-topic-banned-short = Banned.
admin-topic-unbanned-short = Unbanned.
admin-topic-note-usage = Add the note after the command: /note prefers voice messages
admin-topic-noted = 📝 Noted.
admin-topic-closing = 🔒 Closing the topic.
admin-topic-reopening = 🔓 Reopening the topic.
admin-topic-refund-which = Refund which payment? /refund 12 (the ids are in /info).
admin-topic-refund-card-sent = ↩️ Refund of { $amount } (payment #{ $id }) sent to Stripe. The fan's credits are adjusted, and the fan told, when Stripe confirms it.
admin-topic-refund-card-refused = Stripe refused the refund: { $detail }.
admin-topic-refund-not-refundable = Payment #{ $id } cannot be refunded: { $detail }.
admin-topic-refund-stars-refused = Telegram refused the refund: { $detail }.
admin-topic-refund-already = Payment #{ $id } was already refunded: nothing changed.
admin-topic-refund-pending = ⏳ Telegram did not answer, so it is not known yet whether payment #{ $id } was refunded. It is being asked again; the result will be posted here.
admin-topic-unknown-error = unknown error
admin-topic-not-paid = it is not paid
admin-topic-fan-unknown = This fan is unknown here.
admin-topic-banned-by = 🚫 Banned by { $admin }

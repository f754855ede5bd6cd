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

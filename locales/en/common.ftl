## Common
# Texts many features share: stale buttons, errors, unknown input, rate limits, units.

common-stale-button = This button has expired. Send /start to get a fresh menu.
common-error = 😕 Something went wrong on our side, and the team has been told. Please try again in a little while.
common-unknown-command = I don't know { $command }. Send /help to see what I can do.
common-unsupported = I cannot handle that here. Send /help to see what I can do.
common-back = ⬅️ Back
common-send-start-first = Send /start first.
common-slow-down = ⏳ Slow down a little: try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
  }.
common-not-open-yet = 🙏 Thanks for writing! This line is not open for messages yet. Please try again a little later; nothing was charged.

## Units
# Durations are shown as one or two units ("2 d 3 h", "45 min").

duration-d = { $n } d
duration-h = { $n } h
duration-min = { $n } min
duration-s = { $n } s

## Team
# The Team category of the control center (owners only): members, adding (a shared contact or a
# forwarded message), roles, removing; the invite a new member receives.

admin-hub-category-team = 👥 Team
admin-command-team = Team members: add, change roles, remove
admin-team-title = 👥 <b>Team</b> · { $count ->
    [one] one person
   *[other] { $count } people
  }
    Owners do everything; managers run the line (products, settings, conversations); agents answer fans.
admin-team-empty = Nobody on the team yet.
admin-team-line = { $who } · { $role } · added by { $by } on { $at }
admin-team-line-config = { $who } · { $role } (ADMIN_USER_IDS)
admin-team-by-claim = /claim
admin-team-add = ➕ Add a member
admin-team-add-ask = ➕ <b>Add a member</b>
    Press <b>Choose a person</b> on the keyboard below and pick them from your chats, or forward me one of their messages.
    /cancel stops.
admin-team-share-prompt = 👇 Who joins the team?
admin-team-share-button = 👤 Choose a person
admin-team-add-how = That is not a person. Press <b>Choose a person</b> below, or forward me a message they wrote (not one from a channel or group).
admin-team-forward-hidden = { $name } hides their account in forwarded messages (their privacy settings), so I cannot tell who they are. Press <b>Choose a person</b> below instead, or ask them to allow linking their account in forwards.
admin-team-share-stale = That button belongs to an earlier question. Use the newest <b>Choose a person</b> button, or forward me one of their messages.
admin-team-share-gone = That choice came from an old keyboard: nothing was changed. Open /team to add someone.
admin-team-shared = Got it: { $who }.
admin-team-pick-role = Add <b>{ $who }</b> as:
admin-team-pick-role-member = <b>{ $who }</b> is already on the team as { $role }. Their role becomes:
admin-team-role-manager = 🧭 Manager
admin-team-role-agent = 💬 Agent
admin-team-added = ✅ <b>{ $who }</b> is on the team as { $role }.
admin-team-links-sent = I sent them { $count ->
    [one] a one-time invite link to the admin group
   *[other] one-time invite links to the { $count } admin groups
  } (valid 24 hours).
admin-team-links-forward = They have not started a chat with me yet, so I could not send their invite. Forward them these one-time links (valid 24 hours), and ask them to open me and press Start:
    { $links }
admin-team-links-failed = ⚠️ { $count ->
    [one] One invite link
   *[other] { $count } invite links
  } could not be created: I need the right to invite users in each admin group.
admin-team-no-groups = There is no admin group yet: run /setup in your forum group, then invite them there.
admin-team-open-member = 👤 Open their card
admin-team-invite = 👋 You joined the team as { $role }. The fans' conversations live in the admin group; join with these one-time links (valid 24 hours):
    { $links }
    Then /admin opens the control center.
admin-team-member = 👤 <b>{ $who }</b> · <code>{ $id }</code>
    Role: { $role }
admin-team-member-added = Added by { $by } on { $at }
admin-team-member-config = An owner from <code>ADMIN_USER_IDS</code>: change that in the environment.
admin-team-make-manager = 🧭 Make manager
admin-team-make-agent = 💬 Make agent
admin-team-role-changed = ✅ Role changed to { $role }.
admin-team-remove = 🗑 Remove from the team
admin-team-remove-confirm = Remove <b>{ $who }</b> from the team? { $self ->
    [yes] You lose your own access at once.
   *[no] They lose the control center at once.
  } I take them out of { $groups ->
    [0] no admin group (there is none yet)
    [one] the admin group
   *[other] the { $groups } admin groups
  }, so they no longer see the fans' conversations.
admin-team-remove-yes = 🗑 Yes, remove
admin-team-removed = ✅ Removed <code>{ $id }</code> from the team and from { $groups ->
    [0] no admin group
    [one] the admin group
   *[other] the { $groups } admin groups
  }.
admin-team-remove-failed = ⚠️ I could not take them out of { $count ->
    [one] one admin group
   *[other] { $count } admin groups
  } (I need the right to ban users there): remove them by hand.
admin-team-not-member = That person is not on the team (any more).
admin-team-config-owner = This owner comes from <code>ADMIN_USER_IDS</code> and cannot be changed or removed here: change the environment and restart.
admin-team-last-owner = You are the last owner: add another owner first, or the bot would have nobody in charge.
admin-team-stale = ⌛ That choice is out of date: share the person again with ➕ Add a member.
admin-team-is-bot = Bots cannot join the team.

## Content (admin)
# Managing premium content in an admin's private chat: the list, one item's tools, adding and editing
# (a guided flow), and the owners' alert about a second payment for an item.

content-admin-only-admins = Only admins can use these buttons.
content-admin-ask-media = 📤 <b>New item.</b> Send its media: a photo, video, file or audio, or an album (up to 10).
    /cancel stops.
content-admin-cancelled = Cancelled: nothing was saved.
content-admin-nothing-to-cancel = There is nothing to cancel.
content-admin-step-media = Send a photo, video, file or audio (or an album of up to 10).
content-admin-step-title = Send the <b>title</b> (1–64 characters).
content-admin-step-credits = Send the price in <b>credits</b> (1–100000).
content-admin-step-stars = Send the price in <b>Telegram Stars</b> (1–10000).
content-admin-step-edit-title = Send the new <b>title</b> (1–64 characters), or /cancel.
content-admin-step-edit-credits = Send the new price in <b>credits</b> (1–100000), or /cancel.
content-admin-step-edit-stars = Send the new price in <b>Stars</b> (1–10000), or /cancel.
content-admin-edit-prompt = ✏️ <b>{ $title }</b> (#{ $id }): { $ask }
content-admin-got-media = 📎 Got the media. { $ask }
    (Album items keep being added as they arrive.)
content-admin-got-title = Title: <b>{ $title }</b>. { $ask }
content-admin-got-credits = 💳 { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    }. { $ask }
content-admin-retry = 🙅 That does not work: { $reason }.
    { $ask }
content-admin-bad-title = a title of 1 to { $max } characters
content-admin-bad-credits = a whole number of credits from 1 to { $max }
content-admin-bad-stars = a whole number of Stars from 1 to { $max }
content-admin-album-limit = an item holds one album of up to { $max } photos and videos, files or audio tracks
content-admin-want-text-value = send the new value as text
content-admin-has-media = this item already has its media (one file or one album per item)
content-admin-unsellable = voice messages, GIFs, stickers and video notes cannot be sold: send a photo, video, file or audio (or an album)
content-admin-as-text = send it as text
content-admin-media-first = send the media first: a photo, video, file or audio, or an album
content-admin-incomplete = this draft was incomplete: send the media again
content-admin-gone = That item does not exist any more: nothing was changed.
content-admin-prices = { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } · ⭐ { $stars }
content-admin-created = ✅ Added <b>{ $title }</b> (#{ $id }): { content-media } · { $prices }.
    Fans see it in /content.
content-admin-saved = ✅ Saved: <b>{ $title }</b> · { $prices }.
content-admin-empty = 🎁 <b>Premium content</b>
    Nothing yet. Add the first item with /content add (or ➕ below).
content-admin-list-title = 🎁 <b>Premium content</b> · { $total ->
        [one] { $total } item
       *[other] { $total } items
    }{ $pages ->
        [1] {""}
       *[other] {" "}· page { $page }/{ $pages }
    }
content-admin-list-line = { $position }. <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } unlock
       *[other] { $unlocks } unlocks
    }
content-admin-list-line-hidden = { $position }. 🙈 <b>{ $title }</b> · { $prices } · 🔓 { $unlocks ->
        [one] { $unlocks } unlock
       *[other] { $unlocks } unlocks
    } · hidden
content-admin-list-hint = Tap an item to edit, hide or move it.
content-admin-item = 🎁 <b>{ $title }</b> (#{ $id })
    📎 { content-media } · { $paidMedia ->
        [yes] Stars: paid media
       *[no] Stars: invoice
    }
    💳 { $prices }
    🔓 { $unlocks ->
        [one] { $unlocks } unlock
       *[other] { $unlocks } unlocks
    } · { $hidden ->
        [yes] 🙈 hidden (off sale; fans who own it keep it)
       *[no] 👁 on sale
    }
    Position { $position } of { $total }
content-admin-hidden = Hidden: off sale.
content-admin-shown = On sale again.
content-admin-moved-up = Moved up.
content-admin-moved-down = Moved down.
content-admin-already-first = Already first.
content-admin-already-last = Already last.
content-admin-sending = Sending it to you…
content-admin-button-add = ➕ Add
content-admin-button-fan-view = 👀 As fans see it
content-admin-button-title = ✏️ Title
content-admin-button-credits = 💳 Credits
content-admin-button-stars = ⭐ Stars
content-admin-button-show = 👁 Show
content-admin-button-hide = 🙈 Hide
content-admin-button-up = ⬆️ Up
content-admin-button-down = ⬇️ Down
content-admin-button-send = 📤 Send it to me
content-admin-button-list = ⬅️ List
content-admin-double-paid-media = ⚠️ Fan <code>{ $userId }</code> paid ⭐ { $stars } (paid media) for <b>{ $title }</b> (#{ $itemId }), which they already owned. Paid media has no charge id for /refund: make it up to them (e.g. /gift in their topic).
content-admin-double-invoice = ⚠️ Fan <code>{ $userId }</code> paid ⭐ { $stars } (invoice, payment #{ $paymentId }, charge <code>{ $chargeId }</code>) for <b>{ $title }</b> (#{ $itemId }), which they already owned. Refund it with /refund { $paymentId } in their topic.
content-admin-item-link = 🔗 Link to it (for your channel or a broadcast): <code>{ $link }</code>

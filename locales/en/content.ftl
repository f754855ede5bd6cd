## Content
# Premium content for fans: /content, the locked previews, unlocks, receipts and the Stars invoice.
# content-media describes what an item holds; the texts that show it take its counts
# ($photos, $videos, $files, $tracks: an item is photos and videos, or files, or audio tracks).

content-media = { $files ->
    [0] { $tracks ->
        [0] { $photos ->
            [0] { $videos ->
                [one] { $videos } video
               *[other] { $videos } videos
            }
            [one] { $videos ->
                [0] { $photos } photo
                [one] { $photos } photo, { $videos } video
               *[other] { $photos } photo, { $videos } videos
            }
           *[other] { $videos ->
                [0] { $photos } photos
                [one] { $photos } photos, { $videos } video
               *[other] { $photos } photos, { $videos } videos
            }
        }
        [one] { $tracks } audio track
       *[other] { $tracks } audio tracks
    }
    [one] { $files } file
   *[other] { $files } files
  }
content-locked-paid-media = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Tap the picture to unlock it for ⭐ { $stars }, or use { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } below.
content-locked-card = 🔒 <b>{ $title }</b>
    📎 { content-media }
    Unlock it for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    } or ⭐ { $stars }.
content-unlocked-card = ✅ <b>{ $title }</b> · yours
    📎 { content-media } · send it again any time, free.
content-footer = 🎁 <b>Premium content</b>{ $pages ->
        [1] {""}
       *[other] {" "}· page { $page } of { $pages }
    } ({ $total ->
        [one] { $total } item
       *[other] { $total } items
    })
    What you unlock is yours: it can be sent again free of charge.
content-delivery-caption = 🔓 <b>{ $title }</b>
content-empty = 🎁 There is no premium content yet. Check back soon!
content-off = 🎁 Premium content is not available right now. Check back later!
content-unavailable = This item is no longer available. Send /content for the current list.
content-unlocked = 🔓 Unlocked for { $cost ->
        [one] { $cost } credit
       *[other] { $cost } credits
    } (balance { $balance }). It is on its way!
content-resent = You own this: sending it again, free of charge.
content-on-its-way = It is on its way already.
content-price-changed = The price of “{ $title }” is now { $cost ->
        [one] { $cost } credit
       *[other] { $cost } credits
    }. Nothing was charged: send /content to unlock it at that price.
content-already-owned = You already own this: tap “📤 Send again”, free of charge.
content-insufficient = 💳 <b>{ $title }</b> costs { $cost ->
        [one] { $cost } credit
       *[other] { $cost } credits
    }, and you have { $balance ->
        [one] { $balance } credit
       *[other] { $balance } credits
    }.
    Top up to unlock it: nothing was charged.
content-button-unlock = 🔓 Unlock for { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    }
content-button-stars = ⭐ { $stars } Stars
content-button-resend = 📤 Send again
content-button-previous = ◀️ Previous
content-button-more = ▶️ More
content-paid-media-unlocked = ✅ <b>{ $title }</b> is yours. Send it again any time from /content, free of charge.
content-invoice-unlocked = ✅ <b>{ $title }</b> unlocked for ⭐ { $stars }. It is on its way; /content sends it again any time, free.
content-credits-returned = ↩️ You paid in Stars for <b>{ $title }</b>, which you had already unlocked with credits: { $returned ->
        [one] { $returned } credit
       *[other] { $returned } credits
    } returned. Balance: { $balance ->
        [one] { $balance } credit
       *[other] { $balance } credits
    }.
content-paid-twice = ℹ️ You already owned <b>{ $title }</b> before this payment. The team has been told and will refund the second payment.
content-invoice-description = Unlock “{ $title }” ({ content-media }): sent to you here right after payment, and again any time from /content.
content-refunded = ↩️ Your payment of ⭐ { $stars } for <b>{ $title }</b> was refunded.
content-refunded-revoked = ↩️ Your payment of ⭐ { $stars } for <b>{ $title }</b> was refunded. It is no longer among your unlocked items.
content-precheckout-gone = This item is no longer on sale. Send /content to see what is.
content-precheckout-owned = You already own this item: send /content and tap “Send again”, free of charge.
content-precheckout-price = The price has changed since this invoice was made. Please open /content for the current price.

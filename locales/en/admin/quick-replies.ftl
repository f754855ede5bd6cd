## Quick replies
# /quickreplies in the control center, and the inline mode's button. $title, $category: the template's.

admin-hub-category-quickreplies = ⚡ Quick replies
admin-qr-title = ⚡ <b>Quick replies</b>: { $count ->
    [one] { $count } template
   *[other] { $count } templates
  }
admin-qr-how = To send one, in a fan's topic type <code>@{ $bot }</code> and a word of its title or text, then pick it: it goes to the fan as your reply (👌 when delivered).
admin-qr-empty = No templates yet.
admin-qr-no-category = No category
admin-qr-category-button = 🗂 { $name } ({ $count })
admin-qr-new-button = ➕ New template
admin-qr-import-button = 📥 Import
admin-qr-export-button = 📤 Export
admin-qr-category-title = 🗂 <b>{ $name }</b>: { $count ->
    [one] { $count } template
   *[other] { $count } templates
  }
admin-qr-line = { $title } · used { $uses }×
admin-qr-new-here-button = ➕ New in this category
admin-qr-card =
    ⚡ <b>{ $title }</b>
    🗂 { $category } · used { $uses }× · last { $lastUsed }
admin-qr-never = never
admin-qr-edit-title-button = ✏️ Title
admin-qr-edit-body-button = ✏️ Text
admin-qr-edit-category-button = 🗂 Category
admin-qr-up-button = ⬆️ Up
admin-qr-down-button = ⬇️ Down
admin-qr-delete-button = 🗑 Delete
admin-qr-delete-confirm = 🗑 Delete <b>{ $title }</b> (used { $uses }×)? This cannot be undone.
admin-qr-delete-yes = 🗑 Yes, delete it
admin-qr-deleted = 🗑 <b>{ $title }</b> was deleted.
admin-qr-gone = ⚠️ That template or category no longer exists.
admin-qr-saved = ✅ Saved.
admin-qr-created = ✅ <b>{ $title }</b> was added.
admin-qr-ask-category = 🗂 Pick a category, or send the name of a new one (up to { $max } characters), or /cancel.
admin-qr-ask-title = ✏️ Send the title (up to { $title } characters; category: { $category }). It is what you pick in the topic. Or /cancel.
admin-qr-ask-body = ✏️ Send the text fans will get (up to { $body } characters; bold, italics and links are kept). Or /cancel.
admin-qr-error-text-only = ⚠️ Please send text.
admin-qr-error-title-empty = ⚠️ The title cannot be empty.
admin-qr-error-title-long = ⚠️ The title is too long: at most { $title } characters.
admin-qr-error-category-long = ⚠️ The category is too long: at most 32 characters.
admin-qr-error-category-invalid = ⚠️ A category cannot contain “]”.
admin-qr-error-body-empty = ⚠️ The text cannot be empty.
admin-qr-error-body-long = ⚠️ The text is too long: at most { $body } characters.
admin-qr-error-body-command = ⚠️ The text cannot start with “/” (in a topic that is a command, never sent to the fan).
admin-qr-error-duplicate = ⚠️ This category already has a template with that title: send another title.
admin-qr-error-too-many = ⚠️ At most { $max } templates in all.
admin-qr-import-ask =
    📥 Send a <b>.txt</b> file (UTF-8, up to 256 KB) or paste the text, in the format Export writes:
    <code>=== [Category] Title</code> (or <code>=== Title</code>), then the template's text on the lines below, up to the next <code>===</code> line. A text line that starts with === is written \===.
    A template whose category and title exist already gets the new text; the others are added (at most { $max } in all). Any error imports nothing. Or /cancel.
admin-qr-import-done = 📥 Imported: { $added } added, { $updated } updated, { $unchanged } unchanged.
admin-qr-import-errors = ⚠️ Nothing was imported ({ $count ->
    [one] { $count } error
   *[other] { $count } errors
  }). Fix the file and send it again, or /cancel:
admin-qr-import-error-line = • line { $line }: { $reason }
admin-qr-import-outside = text before the first “=== Title” line
admin-qr-import-duplicate = the same category and title twice
admin-qr-import-empty = no templates in it
admin-qr-import-file-error = ⚠️ That file could not be read: send a .txt file in UTF-8 of at most 256 KB, or paste the text.
admin-qr-export-caption = 📤 { $count ->
    [one] { $count } quick reply
   *[other] { $count } quick replies
  }. Edit it and send it back with 📥 Import.
admin-qr-export-empty = Nothing to export yet.
admin-qr-inline-manage = ⚙️ Manage quick replies

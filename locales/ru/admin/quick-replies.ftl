## Quick replies
# /quickreplies в центре управления и кнопка инлайн-режима. $title, $category — шаблона.

admin-hub-category-quickreplies = ⚡ Быстрые ответы
admin-qr-title = ⚡ <b>Быстрые ответы</b>: { $count ->
    [one] { $count } шаблон
    [few] { $count } шаблона
    [many] { $count } шаблонов
   *[other] { $count } шаблона
  }
admin-qr-how = Чтобы отправить шаблон, в теме фаната наберите <code>@{ $bot }</code> и слово из его названия или текста, затем выберите его: он уйдёт фанату как ваш ответ (👌 — когда доставлен).
admin-qr-empty = Шаблонов пока нет.
admin-qr-no-category = Без категории
admin-qr-category-button = 🗂 { $name } ({ $count })
admin-qr-new-button = ➕ Новый шаблон
admin-qr-import-button = 📥 Импорт
admin-qr-export-button = 📤 Экспорт
admin-qr-category-title = 🗂 <b>{ $name }</b>: { $count ->
    [one] { $count } шаблон
    [few] { $count } шаблона
    [many] { $count } шаблонов
   *[other] { $count } шаблона
  }
admin-qr-line = { $title } · использован { $uses }×
admin-qr-new-here-button = ➕ Новый в этой категории
admin-qr-card =
    ⚡ <b>{ $title }</b>
    🗂 { $category } · использован { $uses }× · последний раз: { $lastUsed }
admin-qr-never = никогда
admin-qr-edit-title-button = ✏️ Название
admin-qr-edit-body-button = ✏️ Текст
admin-qr-edit-category-button = 🗂 Категория
admin-qr-up-button = ⬆️ Выше
admin-qr-down-button = ⬇️ Ниже
admin-qr-delete-button = 🗑 Удалить
admin-qr-delete-confirm = 🗑 Удалить <b>{ $title }</b> (использован { $uses }×)? Это действие нельзя отменить.
admin-qr-delete-yes = 🗑 Да, удалить
admin-qr-deleted = 🗑 Шаблон <b>{ $title }</b> удалён.
admin-qr-gone = ⚠️ Этого шаблона или категории больше нет.
admin-qr-saved = ✅ Сохранено.
admin-qr-created = ✅ Шаблон <b>{ $title }</b> добавлен.
admin-qr-ask-category = 🗂 Выберите категорию или отправьте название новой (до { $max } символов), или /cancel.
admin-qr-ask-title = ✏️ Отправьте название (до { $title } символов; категория: { $category }). По нему вы выбираете шаблон в теме. Или /cancel.
admin-qr-ask-body = ✏️ Отправьте текст, который получат фанаты (до { $body } символов; жирный шрифт, курсив и ссылки сохранятся). Или /cancel.
admin-qr-error-text-only = ⚠️ Отправьте текст.
admin-qr-error-title-empty = ⚠️ Название не может быть пустым.
admin-qr-error-title-long = ⚠️ Название слишком длинное: не больше { $title } символов.
admin-qr-error-category-long = ⚠️ Название категории слишком длинное: не больше 32 символов.
admin-qr-error-category-invalid = ⚠️ В названии категории не может быть «]».
admin-qr-error-body-empty = ⚠️ Текст не может быть пустым.
admin-qr-error-body-long = ⚠️ Текст слишком длинный: не больше { $body } символов.
admin-qr-error-body-command = ⚠️ Текст не может начинаться с «/» (в теме это команда, и фанату она не отправляется).
admin-qr-error-duplicate = ⚠️ В этой категории уже есть шаблон с таким названием: отправьте другое.
admin-qr-error-too-many = ⚠️ Всего можно не больше { $max } шаблонов.
admin-qr-import-ask =
    📥 Отправьте файл <b>.txt</b> (UTF-8, до 256 КБ) или вставьте текст в том формате, в котором его сохраняет экспорт:
    <code>=== [Категория] Название</code> (или <code>=== Название</code>), а на строках ниже — текст шаблона, до следующей строки <code>===</code>. Строка текста, которая начинается с ===, записывается как \===.
    Шаблон, у которого категория и название уже есть, получит новый текст; остальные будут добавлены (всего не больше { $max }). При любой ошибке ничего не импортируется. Или /cancel.
admin-qr-import-done = 📥 Импортировано: добавлено { $added }, обновлено { $updated }, без изменений { $unchanged }.
admin-qr-import-errors = ⚠️ Ничего не импортировано ({ $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
    [many] { $count } ошибок
   *[other] { $count } ошибки
  }). Исправьте файл и отправьте снова или /cancel:
admin-qr-import-error-line = • строка { $line }: { $reason }
admin-qr-import-outside = текст до первой строки «=== Название»
admin-qr-import-duplicate = одна и та же категория и название дважды
admin-qr-import-empty = в нём нет шаблонов
admin-qr-import-file-error = ⚠️ Не удалось прочитать файл: отправьте файл .txt в UTF-8 размером не больше 256 КБ или вставьте текст.
admin-qr-export-caption = 📤 { $count ->
    [one] { $count } быстрый ответ
    [few] { $count } быстрых ответа
    [many] { $count } быстрых ответов
   *[other] { $count } быстрого ответа
  }. Отредактируйте файл и отправьте его обратно через 📥 Импорт.
admin-qr-export-empty = Экспортировать пока нечего.
admin-qr-inline-manage = ⚙️ Управлять быстрыми ответами

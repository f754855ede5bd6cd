## Quick replies
# /quickreplies na central de controle, e o botão do modo inline. $title, $category: os do modelo.

admin-hub-category-quickreplies = ⚡ Respostas rápidas
admin-qr-title = ⚡ <b>Respostas rápidas</b>: { $count ->
    [one] { $count } modelo
   *[other] { $count } modelos
  }
admin-qr-how = Para enviar uma, no tópico de um fã digite <code>@{ $bot }</code> e uma palavra do título ou do texto, depois escolha: ela vai para o fã como sua resposta (👌 quando entregue).
admin-qr-empty = Nenhum modelo ainda.
admin-qr-no-category = Sem categoria
admin-qr-category-button = 🗂 { $name } ({ $count })
admin-qr-new-button = ➕ Novo modelo
admin-qr-import-button = 📥 Importar
admin-qr-export-button = 📤 Exportar
admin-qr-category-title = 🗂 <b>{ $name }</b>: { $count ->
    [one] { $count } modelo
   *[other] { $count } modelos
  }
admin-qr-line = { $title } · usado { $uses }×
admin-qr-new-here-button = ➕ Novo nesta categoria
admin-qr-card =
    ⚡ <b>{ $title }</b>
    🗂 { $category } · usado { $uses }× · último uso: { $lastUsed }
admin-qr-never = nunca
admin-qr-edit-title-button = ✏️ Título
admin-qr-edit-body-button = ✏️ Texto
admin-qr-edit-category-button = 🗂 Categoria
admin-qr-up-button = ⬆️ Subir
admin-qr-down-button = ⬇️ Descer
admin-qr-delete-button = 🗑 Apagar
admin-qr-delete-confirm = 🗑 Apagar <b>{ $title }</b> (usado { $uses }×)? Não dá para desfazer.
admin-qr-delete-yes = 🗑 Sim, apagar
admin-qr-deleted = 🗑 <b>{ $title }</b> foi apagado.
admin-qr-gone = ⚠️ Esse modelo ou categoria não existe mais.
admin-qr-saved = ✅ Salvo.
admin-qr-created = ✅ <b>{ $title }</b> foi adicionado.
admin-qr-ask-category = 🗂 Escolha uma categoria, ou envie o nome de uma nova (até { $max } caracteres), ou /cancel.
admin-qr-ask-title = ✏️ Envie o título (até { $title } caracteres; categoria: { $category }). É o que você escolhe no tópico. Ou /cancel.
admin-qr-ask-body = ✏️ Envie o texto que os fãs vão receber (até { $body } caracteres; negrito, itálico e links são mantidos). Ou /cancel.
admin-qr-error-text-only = ⚠️ Envie um texto.
admin-qr-error-title-empty = ⚠️ O título não pode ficar vazio.
admin-qr-error-title-long = ⚠️ O título está longo demais: no máximo { $title } caracteres.
admin-qr-error-category-long = ⚠️ A categoria está longa demais: no máximo 32 caracteres.
admin-qr-error-category-invalid = ⚠️ Uma categoria não pode conter “]”.
admin-qr-error-body-empty = ⚠️ O texto não pode ficar vazio.
admin-qr-error-body-long = ⚠️ O texto está longo demais: no máximo { $body } caracteres.
admin-qr-error-body-command = ⚠️ O texto não pode começar com “/” (num tópico isso é um comando, nunca enviado ao fã).
admin-qr-error-duplicate = ⚠️ Esta categoria já tem um modelo com esse título: envie outro título.
admin-qr-error-too-many = ⚠️ No máximo { $max } modelos no total.
admin-qr-import-ask =
    📥 Envie um arquivo <b>.txt</b> (UTF-8, até 256 KB) ou cole o texto, no formato que a exportação gera:
    <code>=== [Categoria] Título</code> (ou <code>=== Título</code>), e o texto do modelo nas linhas abaixo, até a próxima linha <code>===</code>. Uma linha de texto que começa com === é escrita \===.
    Um modelo cuja categoria e título já existem recebe o texto novo; os demais são adicionados (no máximo { $max } no total). Qualquer erro faz com que nada seja importado. Ou /cancel.
admin-qr-import-done = 📥 Importado: { $added } adicionados, { $updated } atualizados, { $unchanged } sem mudança.
admin-qr-import-errors = ⚠️ Nada foi importado ({ $count ->
    [one] { $count } erro
   *[other] { $count } erros
  }). Corrija o arquivo e envie de novo, ou /cancel:
admin-qr-import-error-line = • linha { $line }: { $reason }
admin-qr-import-outside = texto antes da primeira linha “=== Título”
admin-qr-import-duplicate = a mesma categoria e título duas vezes
admin-qr-import-empty = não há nenhum modelo nele
admin-qr-import-file-error = ⚠️ Não foi possível ler esse arquivo: envie um arquivo .txt em UTF-8 de no máximo 256 KB, ou cole o texto.
admin-qr-export-caption = 📤 { $count ->
    [one] { $count } resposta rápida
   *[other] { $count } respostas rápidas
  }. Edite e envie de volta com 📥 Importar.
admin-qr-export-empty = Nada para exportar ainda.
admin-qr-inline-manage = ⚙️ Gerenciar respostas rápidas

import {
  checkQuickReply,
  QUICK_REPLY_LIMITS,
  type QuickReplyDraft,
  type QuickReplyIssue,
} from './template.ts';

/**
 * The quick-replies text file (import and export), UTF-8:
 *
 *   # Lines starting with # before the first template are comments.
 *   === [Greetings] Welcome
 *   Hi, and thanks for writing!
 *   I answer within a day.
 *
 *   === Prices
 *   A text costs 1 credit.
 *
 * Each template starts with a line `=== [Category] Title` (`=== Title` for none); the lines after it,
 * up to the next such line, are its text (blank lines at either end dropped). A text line that itself
 * starts with `===` is written with a backslash before it (`\===`), which the import removes.
 */
export const QUICK_REPLY_FILE_HEADER = [
  '# fanbridge quick replies',
  '# Each template: a line "=== [Category] Title" (or "=== Title"), then its text.',
  '# A text line starting with "===" is written "\\===". Lines starting with # up here are comments.',
];

export interface ImportError {
  /** 1-based line of the template's header (or of the stray line). */
  line: number;
  code: QuickReplyIssue | 'outside' | 'duplicate' | 'too_many' | 'empty_file';
}

export type ParsedFile = { ok: true; items: QuickReplyDraft[] } | { ok: false; errors: ImportError[] };

const HEADER = /^===[ \t]*(?:\[([^\]\n]*)\][ \t]*)?(.*)$/;

/** Reads a file in the format above; every error is reported (with its line), not just the first. */
export function parseQuickReplyFile(content: string): ParsedFile {
  const lines = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const errors: ImportError[] = [];
  const items: QuickReplyDraft[] = [];
  const seen = new Set<string>();
  let current: { line: number; category: string; title: string; body: string[] } | null = null;

  const close = () => {
    if (!current) return;
    const checked = checkQuickReply({
      category: current.category,
      title: current.title,
      body: current.body.join('\n'),
    });
    if (!checked.ok) errors.push({ line: current.line, code: checked.code });
    else {
      const key = `${checked.value.category.toLowerCase()}\n${checked.value.title.toLowerCase()}`;
      if (seen.has(key)) errors.push({ line: current.line, code: 'duplicate' });
      else {
        seen.add(key);
        items.push(checked.value);
      }
    }
    current = null;
  };

  for (const [i, line] of lines.entries()) {
    const header = line.startsWith('===') ? HEADER.exec(line) : null;
    if (header) {
      close();
      current = { line: i + 1, category: header[1] ?? '', title: header[2] ?? '', body: [] };
    } else if (current) current.body.push(/^\\+===/.test(line) ? line.slice(1) : line);
    else if (line.trim() !== '' && !line.startsWith('#')) errors.push({ line: i + 1, code: 'outside' });
  }
  close();
  if (errors.length === 0 && items.length === 0) errors.push({ line: 1, code: 'empty_file' });
  if (items.length > QUICK_REPLY_LIMITS.count) errors.push({ line: 1, code: 'too_many' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}

/** Writes templates in the format above; `parseQuickReplyFile` reads back exactly the same templates. */
export function formatQuickReplyFile(items: readonly QuickReplyDraft[]): string {
  const blocks = items.map((t) => {
    // A title starting with `[` and no category gets an empty one, or its start would be read as one.
    const head = t.category || t.title.startsWith('[') ? `=== [${t.category}] ${t.title}` : `=== ${t.title}`;
    const body = t.body.split('\n').map((l) => (/^\\*===/.test(l) ? `\\${l}` : l));
    return [head, ...body].join('\n');
  });
  return `${[...QUICK_REPLY_FILE_HEADER, '', blocks.join('\n\n')].join('\n')}\n`;
}

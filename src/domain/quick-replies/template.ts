/**
 * Quick replies: the team's saved answers (a title, an optional category, the text), sent in a fan's
 * topic through the bot's inline mode. The rules here are pure: what a valid template is, and the short
 * key a category goes by in callback data.
 */

export const QUICK_REPLY_LIMITS = {
  /** Shown as the inline result's title and on the buttons. */
  title: 64,
  category: 32,
  /** A Telegram message's text. */
  body: 4096,
  /** Templates in all (an inline answer pages through them 50 at a time). */
  count: 300,
} as const;

export interface QuickReplyDraft {
  /** '' = no category. */
  category: string;
  title: string;
  body: string;
}

export type QuickReplyIssue =
  | 'title_empty'
  | 'title_long'
  | 'category_long'
  /** `]` would end the category early in the file format. */
  | 'category_invalid'
  | 'body_empty'
  | 'body_long'
  /** A message starting with `/` is a command in the topic, never relayed to the fan. */
  | 'body_command';

/** One line: inner runs of white space (newlines included) become one space, ends trimmed. */
const oneLine = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** A category as stored: one line, trimmed ('' for none). */
export const cleanCategory = (s: string): string => oneLine(s);

/**
 * A template as it will be stored, or the first thing wrong with it. Title and category are one line
 * each; the text keeps its lines, trimmed at both ends. Lengths are in UTF-16 units, as Telegram counts.
 */
export function checkQuickReply(
  d: QuickReplyDraft,
): { ok: true; value: QuickReplyDraft } | { ok: false; code: QuickReplyIssue } {
  const title = oneLine(d.title);
  const category = cleanCategory(d.category);
  const body = d.body.replace(/\r\n?/g, '\n').trim();
  if (title.length === 0) return { ok: false, code: 'title_empty' };
  if (title.length > QUICK_REPLY_LIMITS.title) return { ok: false, code: 'title_long' };
  if (category.length > QUICK_REPLY_LIMITS.category) return { ok: false, code: 'category_long' };
  if (category.includes(']')) return { ok: false, code: 'category_invalid' };
  if (body.length === 0) return { ok: false, code: 'body_empty' };
  if (body.length > QUICK_REPLY_LIMITS.body) return { ok: false, code: 'body_long' };
  if (body.startsWith('/')) return { ok: false, code: 'body_command' };
  return { ok: true, value: { category, title, body } };
}

/**
 * A category's key in callback data (its name may be long and in any script): 8 hex digits of its
 * FNV-1a hash; `-` for none. Two names sharing a key (1 in 4 billion) would share a list, nothing worse.
 */
export function categoryKey(category: string): string {
  if (category === '') return '-';
  let h = 0x811c9dc5;
  for (let i = 0; i < category.length; i++) {
    h ^= category.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

import { cutGraphemes, escapeHtml } from '../../app/messages.ts';

/** Telegram's limit for a message's text: 4096 characters after entity parsing. */
export const MESSAGE_MAX = 4096;

const TAG = /<[^>]*>/g;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi;
const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * What Telegram counts of HTML: the text without its tags, an entity (`&amp;`) as one character.
 * Counted in UTF-16 units, never fewer than Telegram's count.
 */
export function visibleLength(html: string): number {
  return html.replace(TAG, '').replace(ENTITY, '_').length;
}

/**
 * Splits an HTML text into messages of at most `max` characters, between lines, keeping sections
 * (lines between blank lines) together when they fit. Our views open and close every tag on the line
 * that opens it, so any line boundary leaves each part valid HTML on its own. A single line longer than
 * a message (none of ours is) is sent as its plain text, cut to fit.
 */
export function splitHtml(html: string, max = MESSAGE_MAX): string[] {
  const sections = html
    .split(/\n\s*\n/)
    .map((s) =>
      s
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => fitLine(l, max)),
    )
    .filter((s) => s.length > 0);
  const parts: string[] = [];
  let current: string[] = []; // lines of the message being filled ('' = a section break)
  let size = 0; // its visible length, newlines included
  const flush = () => {
    while (current.at(-1) === '') current.pop();
    if (current.length > 0) parts.push(current.join('\n'));
    current = [];
    size = 0;
  };
  const append = (line: string) => {
    const n = visibleLength(line);
    if (current.length > 0 && size + 1 + n > max) flush();
    if (current.length === 0 && line === '') return;
    size += (current.length > 0 ? 1 : 0) + n;
    current.push(line);
  };
  for (const section of sections) {
    const length = section.reduce((sum, l) => sum + visibleLength(l), section.length - 1);
    // A section that fits in one message starts a new one rather than break across two.
    if (current.length > 0 && size + 2 + length > max && length <= max) flush();
    append('');
    for (const line of section) append(line);
  }
  flush();
  return parts;
}

function fitLine(line: string, max: number): string {
  if (visibleLength(line) <= max) return line;
  return `${escapeHtml(cutGraphemes(unescapeHtml(line.replace(TAG, '')), max - 1))}…`;
}

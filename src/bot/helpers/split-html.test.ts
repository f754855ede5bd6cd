import { describe, expect, it } from 'vitest';
import { splitHtml, visibleLength } from './split-html.ts';

/** Tags open and close in order within the part: it is valid HTML on its own. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}
const nonBlankLines = (parts: string[]) => parts.flatMap((p) => p.split('\n')).filter((l) => l !== '');

const header = ['👤 <b>Ann</b> · <code>7</code>', 'Tier basic', '💳 Balance: 5 credits'].join('\n');
const note = (i: number, n: number) => `• ${`n${i} &amp; &lt;b&gt; `.repeat(n)} <i>(2026-01-0${i})</i>`;
const notes = (count: number, n: number) =>
  ['📝 <b>Notes</b>', ...Array.from({ length: count }, (_, i) => note(i + 1, n))].join('\n');

describe('splitHtml', () => {
  it('leaves a text that fits alone', () => {
    const text = `${header}\n\n${notes(2, 3)}`;
    expect(splitHtml(text)).toEqual([text]);
  });

  it('counts what Telegram counts: text without tags, an entity as one character', () => {
    expect(visibleLength('<b>a &amp; b</b>')).toBe(5);
  });

  it('splits long notes at line boundaries into valid parts within the limit', () => {
    const text = `${header}\n\n${notes(5, 100)}\n\n🧾 <b>Recent payments</b>\n• <code>1</code> · Pack`;
    expect(visibleLength(text)).toBeGreaterThan(4096);
    const parts = splitHtml(text);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      expect(visibleLength(part)).toBeLessThanOrEqual(4096);
      expect(balanced(part)).toBe(true);
      expect(part).not.toMatch(/^\n|\n$/);
    }
    expect(nonBlankLines(parts)).toEqual(nonBlankLines([text]));
  });

  it('keeps a section whole in the next message rather than break it', () => {
    const text = `${'x'.repeat(60)}\n\nsection two line one\nsection two line two`;
    expect(splitHtml(text, 80)).toEqual(['x'.repeat(60), 'section two line one\nsection two line two']);
  });

  it('cuts a single line longer than a message to its plain text', () => {
    const [part, ...rest] = splitHtml(`<b>${'&amp;'.repeat(50)}</b>`, 20);
    expect(rest).toEqual([]);
    expect(part).toBe(`${'&amp;'.repeat(19)}…`);
  });
});

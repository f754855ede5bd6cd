import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUICK_REPLY_LIMITS,
  categoryKey,
  checkQuickReply,
  formatQuickReplyFile,
  parseQuickReplyFile,
  type QuickReplyDraft,
} from './index.ts';

describe('checkQuickReply', () => {
  const ok = { category: ' Greetings ', title: '  Hello\nthere ', body: '\n Hi!\r\nSecond line \n' };
  it('normalises: one-line title and category, the text trimmed with its lines kept', () => {
    expect(checkQuickReply(ok)).toEqual({
      ok: true,
      value: { category: 'Greetings', title: 'Hello there', body: 'Hi!\nSecond line' },
    });
  });
  it.each([
    { change: { title: ' ' }, code: 'title_empty' },
    { change: { title: 'x'.repeat(QUICK_REPLY_LIMITS.title + 1) }, code: 'title_long' },
    { change: { category: 'x'.repeat(QUICK_REPLY_LIMITS.category + 1) }, code: 'category_long' },
    { change: { category: 'a]b' }, code: 'category_invalid' },
    { change: { body: ' \n ' }, code: 'body_empty' },
    { change: { body: 'x'.repeat(QUICK_REPLY_LIMITS.body + 1) }, code: 'body_long' },
    { change: { body: '/start now' }, code: 'body_command' },
  ])('refuses $code', ({ change, code }) => {
    expect(checkQuickReply({ ...ok, ...change })).toEqual({ ok: false, code });
  });
});

describe('categoryKey', () => {
  it('is 8 hex digits, stable, "-" for none', () => {
    expect(categoryKey('')).toBe('-');
    expect(categoryKey('Приветствия')).toMatch(/^[0-9a-f]{8}$/);
    expect(categoryKey('Greetings')).toBe(categoryKey('Greetings'));
    expect(categoryKey('Greetings')).not.toBe(categoryKey('greetings'));
  });
});

describe('the quick-replies file', () => {
  it('reads templates with and without a category, comments first, escaped === lines', () => {
    const file = [
      '# my replies',
      '',
      '=== [Greetings] Welcome',
      'Hi, and thanks for writing!',
      '',
      'I answer within a day.',
      '',
      '=== Prices',
      '\\=== not a header',
      '=== [] [Draft] idea',
      'x',
    ].join('\r\n');
    expect(parseQuickReplyFile(`\uFEFF${file}`)).toEqual({
      ok: true,
      items: [
        {
          category: 'Greetings',
          title: 'Welcome',
          body: 'Hi, and thanks for writing!\n\nI answer within a day.',
        },
        { category: '', title: 'Prices', body: '=== not a header' },
        { category: '', title: '[Draft] idea', body: 'x' },
      ],
    });
  });

  it('reports every error with its line, and takes nothing', () => {
    const file = ['stray text', '=== ', 'body', '=== A', '', '=== [C] T', 'x', '=== [c] t', 'y'].join('\n');
    expect(parseQuickReplyFile(file)).toEqual({
      ok: false,
      errors: [
        { line: 1, code: 'outside' },
        { line: 2, code: 'title_empty' },
        { line: 4, code: 'body_empty' },
        { line: 8, code: 'duplicate' },
      ],
    });
    expect(parseQuickReplyFile('# nothing\n')).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'empty_file' }],
    });
  });

  it('refuses more templates than the limit', () => {
    const many = Array.from({ length: QUICK_REPLY_LIMITS.count + 1 }, (_, i) => `=== T${i}\nx`).join('\n');
    expect(parseQuickReplyFile(many)).toMatchObject({ ok: false, errors: [{ code: 'too_many' }] });
  });

  it('round-trips whatever valid templates it writes', () => {
    const line = fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n'));
    const draft: fc.Arbitrary<QuickReplyDraft> = fc
      .record({
        category: fc.oneof(fc.constant(''), line),
        title: line,
        body: fc.array(fc.oneof(line, fc.constant('=== x'), fc.constant('\\=== y')), {
          minLength: 1,
          maxLength: 5,
        }),
      })
      .map((d) => ({ ...d, body: d.body.join('\n') }));
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 6 }), (drafts) => {
        const valid = drafts.flatMap((d) => {
          const c = checkQuickReply(d);
          return c.ok ? [c.value] : [];
        });
        const unique = valid.filter(
          (v, i) =>
            valid.findIndex(
              (w) =>
                w.title.toLowerCase() === v.title.toLowerCase() &&
                w.category.toLowerCase() === v.category.toLowerCase(),
            ) === i,
        );
        if (unique.length === 0) return;
        expect(parseQuickReplyFile(formatQuickReplyFile(unique))).toEqual({ ok: true, items: unique });
      }),
    );
  });
});

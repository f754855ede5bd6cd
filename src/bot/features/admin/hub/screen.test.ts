import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../context.ts';
import { hubData } from '../../../callback-data/hub.ts';
import {
  MAX_BUTTONS,
  MAX_CALLBACK_BYTES,
  MAX_TEXT,
  PAGE_SIZE,
  escapeCut,
  fitText,
  keyboardOf,
  listScreen,
  pageOf,
} from './screen.ts';

/** Only `t` is used by the screen helpers: keys and arguments are echoed. */
const ctx = {
  t: (key: string, args?: Record<string, unknown>) => `${key}${args ? JSON.stringify(args) : ''}`,
} as unknown as Context;
const NONCE = 'AbCd-_12';

describe('pageOf', () => {
  it.each([
    [0, 0, 0, 1, 0],
    [20, 0, 0, 3, 8],
    [20, 2, 2, 3, 4],
    [20, 9, 2, 3, 4], // past the end: the last page
    [20, -3, 0, 3, 8],
    [20, Number.NaN, 0, 3, 8],
    [16, 1, 1, 2, 8],
  ])('%i items, page %d → page %i of %i, %i items', (n, asked, page, pages, count) => {
    const p = pageOf(
      Array.from({ length: n }, (_, i) => i),
      asked,
    );
    expect([p.page, p.pages, p.items.length]).toEqual([page, pages, count]);
  });
});

describe('escapeCut and fitText', () => {
  it('escapes after cutting, never splitting an entity or a grapheme', () => {
    expect(escapeCut('a<b>&c', 100)).toBe('a&lt;b&gt;&amp;c');
    const cut = escapeCut('&&&&&&&&&&', 12);
    expect(cut).toBe('&amp;&amp;…');
    expect(escapeCut('👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 13)).toBe('👨‍👩‍👧‍👦…');
  });

  it('cuts HTML at a line', () => {
    expect(fitText('<b>one</b>\n<b>two</b>\nthree', 23)).toBe('<b>one</b>\n<b>two</b>\n…');
    expect(fitText('<b>one</b>\n<b>two</b>\nthree', 22)).toBe('<b>one</b>\n…');
    expect(fitText('short', 22)).toBe('short');
  });
});

describe('listScreen: any list, any page, within Telegram’s limits', () => {
  it('holds for long, hostile labels and thousands of items', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 2000 }), { maxLength: 3000 }),
        fc.integer({ min: -5, max: 500 }),
        (labels, page) => {
          const screen = listScreen(ctx, {
            header: `<b>${'H'.repeat(400)}</b>`,
            items: labels.map((l, i) => ({ id: i, l: `${l}<&>` })),
            page,
            line: (x) => x.l,
            button: (x) => ({ text: x.l, to: { cat: 'dashboard', act: 'user', arg: x.id } }),
            pageTarget: (p) => ({ cat: 'dashboard', act: 'list', arg: p }),
            empty: 'none',
          });
          const markup = keyboardOf(ctx, screen, NONCE);
          const buttons = markup.inline_keyboard.flat();
          expect(fitText(screen.text).length).toBeLessThanOrEqual(MAX_TEXT);
          expect(screen.text.length).toBeLessThanOrEqual(MAX_TEXT);
          expect(buttons.length).toBeLessThanOrEqual(MAX_BUTTONS);
          expect(buttons.length).toBeLessThanOrEqual(PAGE_SIZE + 4);
          for (const b of buttons) {
            const data = (b as { callback_data: string }).callback_data;
            expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
            expect(hubData.unpack(data)).not.toBeNull();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pages with ◀ ▶ and the page line, and Back and Close last', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const screen = listScreen(ctx, {
      header: 'H',
      items,
      page: 1,
      line: (i) => `item ${i}`,
      pageTarget: (p) => ({ cat: 'dashboard', act: 'list', arg: p }),
      empty: 'none',
    });
    expect(screen.text).toBe(
      [
        'H',
        items
          .slice(8, 16)
          .map((i) => `item ${i}`)
          .join('\n'),
        'admin-hub-page{"page":2,"pages":3}',
      ].join('\n\n'),
    );
    const rows = keyboardOf(ctx, screen, NONCE).inline_keyboard;
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([
      ['◀', '▶'],
      ['admin-hub-back', 'admin-hub-close'],
    ]);
    expect((rows[0]![0] as { callback_data: string }).callback_data).toBe(
      hubData.pack({ nonce: NONCE, cat: 'dashboard', act: 'list', arg: '0' }),
    );
  });

  it('an empty list says so', () => {
    const screen = listScreen(ctx, {
      header: 'H',
      items: [],
      page: 0,
      line: String,
      pageTarget: (p) => ({ cat: 'x', arg: p }),
      empty: 'nothing yet',
    });
    expect(screen.text).toBe('H\n\nnothing yet');
  });

  it('refuses to build callback data over 64 bytes or more than 100 buttons', () => {
    expect(() =>
      keyboardOf(
        ctx,
        { text: '', rows: [[{ text: 'x', to: { cat: 'c'.repeat(32), act: 'a'.repeat(32) } }]] },
        NONCE,
      ),
    ).toThrow(RangeError);
    const many = Array.from({ length: 12 }, () =>
      Array.from({ length: 9 }, () => ({ text: 'x', to: { cat: 'c' } })),
    );
    expect(() => keyboardOf(ctx, { text: '', rows: many }, NONCE)).toThrow(/buttons/);
  });
});

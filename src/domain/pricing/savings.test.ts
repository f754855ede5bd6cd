import { describe, expect, it } from 'vitest';
import { savingTip, type SavingsInput, type SavingsProduct } from './index.ts';

const HOUR = 3600;
// The default catalogue: 5, 4.6, 4.3 and 4 Stars a credit; passes of an hour, a day and a week.
const CATALOG: SavingsProduct[] = [
  { id: 1, kind: 'credits', title: '10 credits', amount: 10, priceStars: 50 },
  { id: 2, kind: 'credits', title: '25 credits', amount: 25, priceStars: 115 },
  { id: 3, kind: 'credits', title: '50 credits', amount: 50, priceStars: 215 },
  { id: 4, kind: 'credits', title: '100 credits', amount: 100, priceStars: 400 },
  { id: 5, kind: 'time', title: '1-hour pass', amount: HOUR, priceStars: 100 },
  { id: 6, kind: 'time', title: '1-day pass', amount: 24 * HOUR, priceStars: 350 },
  { id: 7, kind: 'time', title: '7-day pass', amount: 7 * 24 * HOUR, priceStars: 1500 },
];

const input = (over: Partial<SavingsInput>): SavingsInput => ({
  spentLastDay: 0,
  passActive: false,
  catalog: CATALOG,
  lastPackId: null,
  ...over,
});

describe('savingTip', () => {
  it.each([
    // 88 credits at 4 Stars (the cheapest rate) = 352 > 350: the day pass saves.
    { spent: 88, tip: { kind: 'day_pass', productId: 6, passStars: 350, spentCredits: 88, spentStars: 352 } },
    // 87 credits = 348 Stars: the pass would have cost more.
    { spent: 87, tip: null },
    // Exactly the pass's price saves nothing.
    { spent: 87.5, tip: null },
    { spent: 0, tip: null },
  ])('day pass after $spent credits in 24 h', ({ spent, tip }) => {
    const res = savingTip(input({ spentLastDay: spent }));
    if (tip === null) expect(res).toBeNull();
    else expect(res).toMatchObject(tip);
  });

  it('no tip while a pass runs, however much was spent', () => {
    expect(savingTip(input({ spentLastDay: 1000, passActive: true, lastPackId: 1 }))).toBeNull();
  });

  it('the cheapest pass of at least a day is offered; an hour pass never counts as a day', () => {
    const catalog = CATALOG.map((p) => (p.id === 7 ? { ...p, priceStars: 300 } : p));
    expect(savingTip(input({ spentLastDay: 100, catalog }))).toMatchObject({ productId: 7, passStars: 300 });
    const hourOnly = CATALOG.filter((p) => p.id !== 6 && p.id !== 7);
    expect(savingTip(input({ spentLastDay: 1000, catalog: hourOnly }))).toBeNull();
  });

  it('without packs on sale credits have no price: no pass tip', () => {
    const passes = CATALOG.filter((p) => p.kind === 'time');
    expect(savingTip(input({ spentLastDay: 1000, catalog: passes }))).toBeNull();
  });

  it.each([
    // 10 credits at 5 Stars each; 100 credits at 4: 20 % less per credit.
    {
      last: 1,
      tip: { kind: 'bigger_pack', productId: 4, credits: 100, lastTitle: '10 credits', savePercent: 20 },
    },
    // 25 at 4.6 vs 100 at 4: 13 %.
    { last: 2, tip: { kind: 'bigger_pack', productId: 4, savePercent: 13 } },
    // 50 at 4.3 vs 4: 6 %, under the 10 % worth a word.
    { last: 3, tip: null },
    // The biggest pack has nothing bigger.
    { last: 4, tip: null },
    // A pack no longer on sale.
    { last: 99, tip: null },
  ])('bigger pack after buying pack $last', ({ last, tip }) => {
    const res = savingTip(input({ lastPackId: last }));
    if (tip === null) expect(res).toBeNull();
    else expect(res).toMatchObject(tip);
  });

  it('the day pass comes first when both would save', () => {
    expect(savingTip(input({ spentLastDay: 200, lastPackId: 1 }))?.kind).toBe('day_pass');
  });
});

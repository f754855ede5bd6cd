import { describe, expect, it } from 'vitest';
import {
  CONTENT_LIMITS,
  canGroup,
  describeMedia,
  isPaidMediaEligible,
  isValidPrice,
  parseCredits,
  parseStars,
  parseTitle,
  type ContentMediaType,
} from './index.ts';

describe('parseTitle', () => {
  it.each([
    { text: 'Beach day', expected: 'Beach day' },
    { text: '  two\n lines  ', expected: 'two lines' },
    { text: 'x'.repeat(64), expected: 'x'.repeat(64) },
    // 64 emoji are 64 characters (code points), although JavaScript counts 128 UTF-16 units.
    { text: '🌊'.repeat(64), expected: '🌊'.repeat(64) },
  ])('accepts $text', ({ text, expected }) => {
    expect(parseTitle(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '   ', 'x'.repeat(65), '🌊'.repeat(65)])('refuses %j', (text) => {
    expect(parseTitle(text)).toEqual({ ok: false, code: 'invalid', detail: 'a title of 1 to 64 characters' });
  });
});

describe('parseCredits / parseStars', () => {
  it.each([
    { text: '1', credits: 1, stars: 1 },
    { text: ' 250 ', credits: 250, stars: 250 },
    { text: '10000', credits: 10_000, stars: 10_000 },
    { text: '10 000', credits: 10_000, stars: 10_000 },
    { text: '10,000', credits: 10_000, stars: 10_000 },
    { text: '100000', credits: 100_000, stars: null },
    { text: '10001', credits: 10_001, stars: null },
    { text: '0', credits: null, stars: null },
    { text: '100001', credits: null, stars: null },
    { text: '-5', credits: null, stars: null },
    { text: '5.5', credits: null, stars: null },
    { text: '1,5', credits: null, stars: null },
    { text: '1e3', credits: null, stars: null },
    { text: 'ten', credits: null, stars: null },
    { text: '', credits: null, stars: null },
    { text: '99999999999999999999', credits: null, stars: null },
  ])('$text → credits $credits, stars $stars', ({ text, credits, stars }) => {
    const c = parseCredits(text);
    const s = parseStars(text);
    expect(c.ok ? c.value : null).toBe(credits);
    expect(s.ok ? s.value : null).toBe(stars);
  });

  it('says what is expected', () => {
    expect(parseCredits('x')).toMatchObject({ detail: 'a whole number of credits from 1 to 100000' });
    expect(parseStars('x')).toMatchObject({ detail: 'a whole number of Stars from 1 to 10000' });
  });
});

describe('isValidPrice', () => {
  it.each([
    { kind: 'credits' as const, n: 1, expected: true },
    { kind: 'credits' as const, n: CONTENT_LIMITS.creditsMax, expected: true },
    { kind: 'credits' as const, n: 0, expected: false },
    { kind: 'credits' as const, n: 1.5, expected: false },
    { kind: 'stars' as const, n: CONTENT_LIMITS.starsMax, expected: true },
    { kind: 'stars' as const, n: CONTENT_LIMITS.starsMax + 1, expected: false },
    { kind: 'stars' as const, n: Number.NaN, expected: false },
  ])('$kind $n → $expected', ({ kind, n, expected }) => {
    expect(isValidPrice(kind, n)).toBe(expected);
  });
});

describe('media rules', () => {
  const t = (...types: ContentMediaType[]) => types;
  it.each([
    { types: t('photo'), group: true, paid: true },
    { types: t('document'), group: true, paid: false },
    { types: t('photo', 'video', 'photo'), group: true, paid: true },
    { types: t('document', 'document'), group: true, paid: false },
    { types: t('audio', 'audio'), group: true, paid: false },
    { types: t('photo', 'document'), group: false, paid: false },
    { types: t('audio', 'document'), group: false, paid: false },
    { types: Array<ContentMediaType>(10).fill('photo'), group: true, paid: true },
    { types: Array<ContentMediaType>(11).fill('photo'), group: false, paid: false },
    { types: t(), group: true, paid: false },
  ])('$types → album $group, paid media $paid', ({ types, group, paid }) => {
    expect(canGroup(types)).toBe(group);
    expect(isPaidMediaEligible(types)).toBe(paid);
  });

  it('describes what an item holds', () => {
    expect(describeMedia(t('photo', 'video', 'photo'))).toBe('2 photos, 1 video');
    expect(describeMedia(t('document'))).toBe('1 file');
    expect(describeMedia(t('audio', 'audio'))).toBe('2 audio tracks');
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidAmountError } from '../ledger/index.ts';
import { fixedClock } from '../shared/index.ts';
import {
  DEFAULT_MESSAGE_COSTS,
  MESSAGE_TYPES,
  isMessageType,
  listPricedTypes,
  quoteMessage,
  type MessageQuoteInput,
} from './index.ts';

const clock = fixedClock('2025-06-01T12:00:00.000Z');
const ACTIVE = new Date('2025-06-01T13:00:00.000Z');
const EXPIRED = new Date('2025-06-01T11:00:00.000Z');

const base: MessageQuoteInput = {
  type: 'text',
  costs: DEFAULT_MESSAGE_COSTS,
  timePassUntil: null,
  banned: false,
  balance: 10,
};

const textAndPhoto = { text: 1, photo: 3, voice: null, video: undefined };
const textAndPhotoAllowed = [
  { type: 'text', cost: 1 },
  { type: 'photo', cost: 3 },
];

describe('DEFAULT_MESSAGE_COSTS', () => {
  it('prices every message type', () => {
    expect(Object.keys(DEFAULT_MESSAGE_COSTS).sort()).toEqual([...MESSAGE_TYPES].sort());
    expect(DEFAULT_MESSAGE_COSTS).toMatchObject({ text: 1, photo: 3, voice: 5 });
  });

  it.each([
    { value: 'video_note', expected: true },
    { value: 'poll', expected: false },
    { value: 'constructor', expected: false },
  ])('isMessageType($value) → $expected', ({ value, expected }) => {
    expect(isMessageType(value)).toBe(expected);
  });
});

describe('quoteMessage', () => {
  it.each<{ name: string; input: Partial<MessageQuoteInput>; expected: unknown }>([
    {
      name: 'text at default price',
      input: {},
      expected: { ok: true, cost: 1, free: false, balanceAfter: 9 },
    },
    {
      name: 'voice at default price',
      input: { type: 'voice' },
      expected: { ok: true, cost: 5, free: false, balanceAfter: 5 },
    },
    {
      name: 'exact balance',
      input: { type: 'photo', balance: 3 },
      expected: { ok: true, cost: 3, free: false, balanceAfter: 0 },
    },
    {
      name: 'a type priced at 0 is free without a pass',
      input: { type: 'sticker', costs: { sticker: 0 }, balance: 0 },
      expected: { ok: true, cost: 0, free: false, balanceAfter: 0 },
    },
    {
      name: 'not enough credits',
      input: { type: 'video', balance: 4 },
      expected: { ok: false, code: 'insufficient_credits', cost: 5, balance: 4 },
    },
    { name: 'banned', input: { banned: true }, expected: { ok: false, code: 'banned' } },
    {
      name: 'banned wins over an active pass and an unknown type',
      input: { banned: true, timePassUntil: ACTIVE, type: 'poll' },
      expected: { ok: false, code: 'banned' },
    },
    {
      name: 'an unknown type',
      input: { type: 'poll', costs: textAndPhoto },
      expected: { ok: false, code: 'unsupported_type', allowed: textAndPhotoAllowed },
    },
    {
      name: 'a null price',
      input: { type: 'voice', costs: textAndPhoto },
      expected: { ok: false, code: 'unsupported_type', allowed: textAndPhotoAllowed },
    },
    {
      name: 'a missing price',
      input: { type: 'sticker', costs: textAndPhoto },
      expected: { ok: false, code: 'unsupported_type', allowed: textAndPhotoAllowed },
    },
    {
      name: 'an invalid price counts as none',
      input: { type: 'voice', costs: { text: 1, voice: -2, photo: 1.5 } },
      expected: { ok: false, code: 'unsupported_type', allowed: [{ type: 'text', cost: 1 }] },
    },
    {
      name: 'a prototype key is not a type',
      input: { type: 'constructor' },
      expected: { ok: false, code: 'unsupported_type', allowed: listPricedTypes(DEFAULT_MESSAGE_COSTS) },
    },
    {
      name: 'unsupported wins over an active pass',
      input: { type: 'voice', costs: textAndPhoto, timePassUntil: ACTIVE },
      expected: { ok: false, code: 'unsupported_type', allowed: textAndPhotoAllowed },
    },
    {
      name: 'an active pass makes it free, even with no credits',
      input: { type: 'video', timePassUntil: ACTIVE, balance: 0 },
      expected: { ok: true, cost: 0, free: true, balanceAfter: 0 },
    },
    {
      name: 'an expired pass charges again',
      input: { type: 'video', timePassUntil: EXPIRED, balance: 4 },
      expected: { ok: false, code: 'insufficient_credits', cost: 5, balance: 4 },
    },
  ])('$name', ({ input, expected }) => {
    expect(quoteMessage({ ...base, ...input }, clock)).toEqual(expected);
  });

  it('rejects a corrupt balance instead of quoting', () => {
    expect(() => quoteMessage({ ...base, balance: -1 }, clock)).toThrow(InvalidAmountError);
  });
});

describe('listPricedTypes', () => {
  it.each([
    { name: 'defaults, in MESSAGE_TYPES order', costs: DEFAULT_MESSAGE_COSTS, types: [...MESSAGE_TYPES] },
    { name: 'nothing priced', costs: {}, types: [] },
    { name: 'ignores unknown keys', costs: { poll: 1, photo: 2, text: 1 }, types: ['text', 'photo'] },
  ])('$name', ({ costs, types }) => {
    expect(listPricedTypes(costs).map((p) => p.type)).toEqual(types);
  });
});

import { describe, expect, it } from 'vitest';
import { parseStartPayload, startLink } from './start-payload.ts';

describe('parseStartPayload', () => {
  it.each([
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['autorecharge', { kind: 'autorecharge' }],
    ['paid_12', { kind: 'paid', id: 12 }],
    ['buy_3', { kind: 'buy', id: 3 }],
    ['content_987654321', { kind: 'content', id: 987654321 }],
    // Bad ids: zero, leading zeros, too long, signs, nothing.
    ['buy_0', { kind: 'invalid' }],
    ['buy_007', { kind: 'invalid' }],
    ['content_1234567890', { kind: 'invalid' }],
    ['buy_-1', { kind: 'invalid' }],
    ['buy_', { kind: 'invalid' }],
    ['buy_1_2', { kind: 'invalid' }],
    // Unknown words, other characters, too long.
    ['sell_1', { kind: 'invalid' }],
    ['BUY_1', { kind: 'invalid' }],
    ['buy 1', { kind: 'invalid' }],
    ['buy_1;drop', { kind: 'invalid' }],
    ['x'.repeat(65), { kind: 'invalid' }],
  ] as const)('%j → %j', (raw, expected) => {
    expect(parseStartPayload(raw)).toEqual(expected);
  });

  it('a link it makes is one it reads', () => {
    const link = startLink('my_bot', 'content_42');
    expect(link).toBe('https://t.me/my_bot?start=content_42');
    expect(parseStartPayload(new URL(link).searchParams.get('start')!)).toEqual({ kind: 'content', id: 42 });
  });
});

import { describe, expect, it } from 'vitest';
import { decodePaidMediaPayload, encodePaidMediaPayload } from './index.ts';

describe('paid media payload', () => {
  it('round-trips and stays far below the 128-byte limit', () => {
    const offer = { itemId: 123_456_789, userId: 999_999_999_999_999, stars: 10_000 };
    const payload = encodePaidMediaPayload(offer);
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(50);
    expect(decodePaidMediaPayload(payload)).toEqual(offer);
  });

  it.each([
    '',
    'cu:1:2',
    'cu:1:2:3:4',
    'cu:0:2:3',
    'cu:1:0:3',
    'cu:1:2:0',
    'cu:-1:2:3',
    'cu:1:2:3 ',
    'pay:12',
    'cu:1.5:2:3',
    'cu:1:2:999999',
  ])('refuses %j', (payload) => {
    expect(decodePaidMediaPayload(payload)).toBeNull();
  });
});

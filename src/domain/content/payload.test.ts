import { describe, expect, it } from 'vitest';
import { decodePaidMediaPayload, encodePaidMediaPayload } from './index.ts';

describe('paid media payload', () => {
  it('round-trips and stays far below the 128-byte limit', () => {
    const offer = {
      itemId: 123_456_789,
      userId: 999_999_999_999_999,
      stars: 10_000,
      post: 'AbC_-12345678901',
    };
    const payload = encodePaidMediaPayload(offer);
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(64);
    expect(decodePaidMediaPayload(payload)).toEqual(offer);
  });

  it('reads posts sent before the post id existed', () => {
    expect(decodePaidMediaPayload('cu:1:2:3')).toEqual({ itemId: 1, userId: 2, stars: 3 });
  });

  it.each([
    '',
    'cu:1:2',
    'cu:1:2:3:',
    'cu:1:2:3:4:5',
    'cu:1:2:3:bad post',
    'cu:1:2:3:12345678901234567',
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

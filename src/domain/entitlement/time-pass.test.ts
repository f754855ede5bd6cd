import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/index.ts';
import { InvalidDurationError, cutPass, extendPass, isPassActive, passRemaining } from './index.ts';

const NOW = '2025-06-01T12:00:00.000Z';
const clock = fixedClock(NOW);
const at = (iso: string) => new Date(iso);
const HOUR = 3_600;

describe('isPassActive / passRemaining', () => {
  it.each([
    { name: 'no pass', until: null, active: false, remaining: 0 },
    { name: 'ends in an hour', until: at('2025-06-01T13:00:00.000Z'), active: true, remaining: 3_600_000 },
    { name: 'ends in 1 ms', until: at('2025-06-01T12:00:00.001Z'), active: true, remaining: 1 },
    { name: 'ends exactly now', until: at(NOW), active: false, remaining: 0 },
    { name: 'ended yesterday', until: at('2025-05-31T12:00:00.000Z'), active: false, remaining: 0 },
    { name: 'invalid date', until: new Date(Number.NaN), active: false, remaining: 0 },
  ])('$name', ({ until, active, remaining }) => {
    expect(isPassActive(until, clock)).toBe(active);
    expect(passRemaining(until, clock)).toBe(remaining);
  });
});

describe('extendPass', () => {
  it.each([
    { name: 'no pass starts now', current: null, seconds: HOUR, end: '2025-06-01T13:00:00.000Z' },
    {
      name: 'an active pass is extended from its end',
      current: at('2025-06-02T12:00:00.000Z'),
      seconds: 24 * HOUR,
      end: '2025-06-03T12:00:00.000Z',
    },
    {
      name: 'an expired pass starts over now',
      current: at('2025-05-01T00:00:00.000Z'),
      seconds: HOUR,
      end: '2025-06-01T13:00:00.000Z',
    },
    {
      name: 'a pass ending exactly now starts now',
      current: at(NOW),
      seconds: 60,
      end: '2025-06-01T12:01:00.000Z',
    },
  ])('$name', ({ current, seconds, end }) => {
    expect(extendPass(current, seconds, clock).toISOString()).toBe(end);
  });

  it('does not mutate the current end', () => {
    const current = at('2025-06-02T12:00:00.000Z');
    extendPass(current, HOUR, clock);
    expect(current.toISOString()).toBe('2025-06-02T12:00:00.000Z');
  });
});

describe('cutPass', () => {
  it.each([
    { name: 'no pass stays none', current: null, seconds: HOUR, end: null },
    {
      name: 'a refund moves the end back',
      current: at('2025-06-03T12:00:00.000Z'),
      seconds: 24 * HOUR,
      end: '2025-06-02T12:00:00.000Z',
    },
    {
      name: 'cutting to exactly now removes it',
      current: at('2025-06-01T13:00:00.000Z'),
      seconds: HOUR,
      end: null,
    },
    {
      name: 'cutting past now removes it',
      current: at('2025-06-01T13:00:00.000Z'),
      seconds: 2 * HOUR,
      end: null,
    },
    { name: 'an expired pass stays none', current: at('2025-05-01T00:00:00.000Z'), seconds: 1, end: null },
  ])('$name', ({ current, seconds, end }) => {
    expect(cutPass(current, seconds, clock)?.toISOString() ?? null).toBe(end);
  });

  it('undoes an extension of an active pass', () => {
    const current = at('2025-06-05T00:00:00.000Z');
    expect(cutPass(extendPass(current, 7 * 24 * HOUR, clock), 7 * 24 * HOUR, clock)).toEqual(current);
  });
});

describe('invalid durations', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%s seconds is rejected', (seconds) => {
    expect(() => extendPass(null, seconds, clock)).toThrow(InvalidDurationError);
    expect(() => cutPass(null, seconds, clock)).toThrow(InvalidDurationError);
  });
});

import { describe, expect, it } from 'vitest';
import { DomainError, err, fixedClock, isDomainError, ok, systemClock } from './index.ts';

class SampleError extends DomainError<'sample_code'> {
  constructor() {
    super('sample_code', 'sample message');
  }
}

describe('DomainError', () => {
  it('carries a stable code and the subclass name', () => {
    const error = new SampleError();
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('sample_code');
    expect(error.name).toBe('SampleError');
    expect(error.message).toBe('sample message');
  });

  it.each([
    { value: new SampleError(), expected: true },
    { value: new DomainError('x', 'y'), expected: true },
    { value: new Error('plain'), expected: false },
    { value: { code: 'looks_like_one' }, expected: false },
    { value: null, expected: false },
  ])('isDomainError($value) → $expected', ({ value, expected }) => {
    expect(isDomainError(value)).toBe(expected);
  });
});

describe('clocks', () => {
  it('fixedClock always returns the same instant', () => {
    const clock = fixedClock('2025-01-02T03:04:05.000Z');
    expect(clock.now().toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(clock.now().getTime()).toBe(clock.now().getTime());
  });

  it('fixedClock cannot be moved by mutating a returned date', () => {
    const clock = fixedClock(new Date(1_000));
    clock.now().setTime(999_999);
    expect(clock.now().getTime()).toBe(1_000);
  });

  it('fixedClock rejects an invalid date', () => {
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });

  it('systemClock follows wall time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('result helpers', () => {
  it.each([
    { name: 'ok', built: ok({ balanceAfter: 5 }), expected: { ok: true, balanceAfter: 5 } },
    { name: 'err', built: err({ code: 'banned' }), expected: { ok: false, code: 'banned' } },
    {
      name: 'err with details',
      built: err({ code: 'insufficient_credits', needed: 3, balance: 1 }),
      expected: { ok: false, code: 'insufficient_credits', needed: 3, balance: 1 },
    },
  ])('$name builds a flat value', ({ built, expected }) => {
    expect(built).toEqual(expected);
  });
});

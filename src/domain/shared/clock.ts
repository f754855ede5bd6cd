/**
 * The domain's only source of "now". Pricing and entitlement rules take a Clock instead of reading
 * `Date.now()`, so tests can pin time and the composition root decides what time is.
 */
export interface Clock {
  now(): Date;
}

/** The real wall clock; only the composition root should pass this in. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/**
 * A clock frozen at `date`, for tests.
 *
 * Each call returns a fresh `Date`, so a caller that mutates the value it got cannot move the clock.
 */
export function fixedClock(date: Date | string | number): Clock {
  const ms = new Date(date).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`fixedClock: invalid date ${String(date)}`);
  return { now: () => new Date(ms) };
}

import type { Clock } from '../shared/index.ts';
import { InvalidDurationError } from './errors.ts';

/**
 * Time passes: unlimited messages until `timePassUntil`. A pass is the single end instant; `null` means
 * the fan never had one or it was cut away.
 *
 * Invariant: a pass is active only while `now < timePassUntil`; at the end instant itself it has expired,
 * so `isPassActive` and `passRemaining > 0` always agree.
 */

/** True while the pass has not reached its end. */
export function isPassActive(timePassUntil: Date | null, clock: Clock): boolean {
  return passRemaining(timePassUntil, clock) > 0;
}

/** Milliseconds left on the pass, or 0 when there is none or it has ended. */
export function passRemaining(timePassUntil: Date | null, clock: Clock): number {
  if (timePassUntil === null) return 0;
  const left = timePassUntil.getTime() - clock.now().getTime();
  // An invalid Date gives NaN; treat it as no pass rather than leaking NaN to screens.
  return left > 0 ? left : 0;
}

/**
 * The new end after buying `durationSeconds` more. Buying while a pass runs extends it, so a fan
 * who renews early loses nothing; otherwise the new pass starts now, not at the stale old end.
 */
export function extendPass(current: Date | null, durationSeconds: number, clock: Clock): Date {
  assertDurationSeconds(durationSeconds);
  const now = clock.now().getTime();
  const start = current !== null && current.getTime() > now ? current.getTime() : now;
  return new Date(start + durationSeconds * 1000);
}

/**
 * The end after refunding `durationSeconds` of a pass: the end moves back by that much, and a pass
 * whose new end is not after now is gone (`null`). Refunding never grants time, so cutting an expired
 * or missing pass yields `null` too.
 */
export function cutPass(current: Date | null, durationSeconds: number, clock: Clock): Date | null {
  assertDurationSeconds(durationSeconds);
  if (current === null) return null;
  const end = current.getTime() - durationSeconds * 1000;
  return end > clock.now().getTime() ? new Date(end) : null;
}

function assertDurationSeconds(seconds: number): void {
  // Pass lengths come from product settings; zero or fractional seconds means a broken setting.
  if (!Number.isSafeInteger(seconds) || seconds <= 0) throw new InvalidDurationError(seconds);
}

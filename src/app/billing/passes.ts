import { cutPass, extendPass } from '../../domain/entitlement/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { Repos } from '../ports/index.ts';

/**
 * Every change of a fan's time pass goes through these two, inside the caller's transaction: the user
 * row is locked, the end moved, and the new end's notices scheduled (the old end's drop themselves).
 */

/** Extends the pass by `seconds` from its current end (or from now, when none runs); returns the end. */
export async function extendUserPass(r: Repos, clock: Clock, userId: number, seconds: number): Promise<Date> {
  const user = (await r.users.getForUpdate(userId))!;
  const until = extendPass(user.timePassUntil, seconds, clock);
  await r.users.setPassUntil(userId, until);
  await r.jobs.schedulePassNotices(userId, until, clock.now());
  return until;
}

/**
 * Cuts the pass back by up to `seconds` (refunds, disputes): returns the new end (null: it ended) and
 * how many seconds of running pass were actually taken (what a reversal gives back).
 */
export async function cutUserPass(
  r: Repos,
  clock: Clock,
  userId: number,
  seconds: number,
): Promise<{ until: Date | null; cutSeconds: number }> {
  const user = (await r.users.getForUpdate(userId))!;
  if (seconds <= 0) return { until: user.timePassUntil, cutSeconds: 0 };
  const now = clock.now().getTime();
  const until = cutPass(user.timePassUntil, seconds, clock);
  const before = Math.max(now, user.timePassUntil?.getTime() ?? now);
  const cutSeconds = Math.round((before - (until?.getTime() ?? now)) / 1000);
  await r.users.setPassUntil(userId, until);
  if (until) await r.jobs.schedulePassNotices(userId, until, clock.now());
  return { until, cutSeconds };
}

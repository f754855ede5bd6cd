import type { Clock } from '../../domain/shared/index.ts';
import type { UnitOfWork } from '../ports/index.ts';

/** True once ever for `key`, across restarts and replicas. */
export async function claimOnce(deps: { uow: UnitOfWork }, key: string): Promise<boolean> {
  return deps.uow.repos.once.claim(key);
}

/** The once-mark key of an alert throttle window (claim it inside a transaction to throttle there). */
export const alertSlotKey = (kind: string, now: Date, windowMs = 10 * 60_000) =>
  `alert:${kind}:${Math.floor(now.getTime() / windowMs)}`;

/**
 * Throttle for owner alerts: true for the first caller per `kind` in each window, so a crash loop
 * sends one alert per window rather than one per update.
 */
export async function claimAlertSlot(
  deps: { uow: UnitOfWork; clock: Clock },
  kind: string,
  windowMs = 10 * 60_000,
): Promise<boolean> {
  return deps.uow.repos.once.claim(alertSlotKey(kind, deps.clock.now(), windowMs));
}

import type { Clock } from '../domain/shared/index.ts';
import type { UnitOfWork } from './ports.ts';

/** True once ever for `key`, across restarts and replicas. */
export async function claimOnce(deps: { uow: UnitOfWork }, key: string): Promise<boolean> {
  return deps.uow.repos.once.claim(key);
}

/**
 * Throttle for owner alerts: true for the first caller per `kind` in each window, so a crash loop
 * sends one alert per window rather than one per update.
 */
export async function claimAlertSlot(
  deps: { uow: UnitOfWork; clock: Clock },
  kind: string,
  windowMs = 10 * 60_000,
): Promise<boolean> {
  const bucket = Math.floor(deps.clock.now().getTime() / windowMs);
  return deps.uow.repos.once.claim(`alert:${kind}:${bucket}`);
}

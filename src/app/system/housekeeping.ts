import type { Clock } from '../../domain/shared/index.ts';
import type { UnitOfWork } from '../ports/index.ts';
import { RATE_WINDOW_RETENTION_MS } from './rate-limits.ts';

/** Redeliveries come within hours; ids older than this can go (Telegram may also restart numbering). */
export const UPDATE_DEDUPE_WINDOW_MS = 48 * 3600_000;

/** Alert throttle marks only matter within their window; a day later they are noise. */
const ALERT_MARK_TTL_MS = 24 * 3600_000;
/**
 * Stripe retries an event for up to 3 days (live mode) and keeps events for 30, so a manual resend can come that late: its id
 * is kept a little longer than that, so a resend is still recognised.
 */
export const STRIPE_EVENT_RETENTION_MS = 35 * 24 * 3600_000;
/** A failure still retrying after two days will not be redelivered any more; a parked one is kept 90 days. */
const FAILED_RETRYING_TTL_MS = 2 * 24 * 3600_000;
const FAILED_PARKED_TTL_MS = 90 * 24 * 3600_000;
/** Sent items are kept a week for support questions ("did my message arrive?"), then deleted. */
const OUTBOX_RETENTION_MS = 7 * 24 * 3600_000;

export async function runHousekeeping(deps: { uow: UnitOfWork; clock: Clock }): Promise<{
  prunedUpdates: number;
  prunedAlertMarks: number;
  prunedOutbox: number;
  prunedAlbumItems: number;
  prunedStripeEvents: number;
  prunedFailedUpdates: number;
  prunedRateLimits: number;
  prunedGroupLoad: number;
}> {
  const now = deps.clock.now().getTime();
  const { repos } = deps.uow;
  return {
    prunedUpdates: await repos.updates.pruneOlderThan(new Date(now - UPDATE_DEDUPE_WINDOW_MS)),
    prunedAlertMarks: await repos.once.pruneOlderThan('alert:', new Date(now - ALERT_MARK_TTL_MS)),
    prunedOutbox: await repos.outbox.pruneFinished(new Date(now - OUTBOX_RETENTION_MS)),
    prunedAlbumItems: await repos.albums.pruneFlushed(new Date(now - OUTBOX_RETENTION_MS)),
    prunedStripeEvents: await repos.stripeEvents.pruneOlderThan(new Date(now - STRIPE_EVENT_RETENTION_MS)),
    prunedFailedUpdates: await repos.updates.pruneFailures(
      new Date(now - FAILED_RETRYING_TTL_MS),
      new Date(now - FAILED_PARKED_TTL_MS),
    ),
    prunedRateLimits: await repos.rateLimits.pruneOlderThan(new Date(now - RATE_WINDOW_RETENTION_MS)),
    // New fans are placed by the last 24 h of load; a day more is kept for looking back.
    prunedGroupLoad: await repos.adminGroups.pruneLoad(48),
  };
}

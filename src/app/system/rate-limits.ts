import { decide, windowStart, type RateDecision, type RateRule } from '../../domain/rate-limit/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { UnitOfWork } from '../ports/index.ts';

/**
 * What a user's free interactions may cost: every command and button press counts in `interaction`;
 * the heavy ones count there and in their own bucket too (a Checkout Session at Stripe, a CSV of the
 * whole ledger). Paid messages, payments and pre-checkout queries are never counted.
 */
export const RATE_LIMITS = {
  interaction: [
    { name: 'burst', limit: 20, windowMs: 10_000 },
    { name: 'sustained', limit: 120, windowMs: 10 * 60_000 },
  ],
  checkout: [{ name: 'checkout', limit: 5, windowMs: 10 * 60_000 }],
  export: [{ name: 'export', limit: 3, windowMs: 10 * 60_000 }],
} as const satisfies Record<string, readonly RateRule[]>;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

/** Windows are kept a little longer than the longest one, then housekeeping drops them. */
export const RATE_WINDOW_RETENTION_MS = 60 * 60_000;

export interface RateLimitDeps {
  uow: UnitOfWork;
  clock: Clock;
}

/** Counts one interaction of the user in the bucket's windows (one statement) and says whether it may go on. */
export async function hitRateLimit(
  deps: RateLimitDeps,
  userId: number,
  bucket: RateLimitBucket,
): Promise<RateDecision> {
  const now = deps.clock.now();
  const rules: readonly RateRule[] =
    bucket === 'interaction' ? RATE_LIMITS.interaction : [...RATE_LIMITS.interaction, ...RATE_LIMITS[bucket]];
  const hits = await deps.uow.repos.rateLimits.hit(
    rules.map((r) => ({ key: `${r.name}:${userId}`, windowStart: windowStart(now, r.windowMs) })),
  );
  return decide(rules, hits, now);
}

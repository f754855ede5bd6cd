/** A counter: at most `limit` hits per fixed window of `windowMs`, named for its storage key. */
export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

/** The start of the fixed window that `now` falls in (windows are aligned on the epoch). */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

export type RateDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** The first refusal of every counter that refuses: tell the user once, stay silent after. */
      notify: boolean;
      /** Whole seconds until every refusing counter's window has ended (at least 1). */
      retryAfterSeconds: number;
    };

/**
 * Decides on one hit from the counts after it was added (`hits[i]` belongs to `rules[i]`). Refused
 * hits are counted too, so the count that first passes a limit is `limit + 1`: that one notifies, the
 * rest of the window is silent. A counter still refusing from earlier keeps a new refusal silent.
 */
export function decide(rules: readonly RateRule[], hits: readonly number[], now: Date): RateDecision {
  const over = rules.flatMap((rule, i) => (hits[i]! > rule.limit ? [{ rule, hits: hits[i]! }] : []));
  if (over.length === 0) return { allowed: true };
  const endMs = Math.max(
    ...over.map(({ rule }) => windowStart(now, rule.windowMs).getTime() + rule.windowMs),
  );
  return {
    allowed: false,
    notify: over.every(({ rule, hits }) => hits === rule.limit + 1),
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - now.getTime()) / 1000)),
  };
}

/** Rate limits of free commands and buttons. */

export interface RateLimitsRepo {
  /**
   * Counts one hit in each of these windows (one statement, atomic across replicas) and returns the
   * hits in each afterwards, in the same order.
   */
  hit(windows: Array<{ key: string; windowStart: Date }>): Promise<number[]>;
  /** Drops windows that started before `cutoff`. */
  pruneOlderThan(cutoff: Date): Promise<number>;
}

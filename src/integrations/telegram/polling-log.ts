import type { Transformer } from 'grammy';
import type { Logger } from '../../logger.ts';

/** At most one line per this interval while getUpdates keeps failing (a network outage retries often). */
const LOG_EVERY_MS = 30_000;

export interface PollingLogOptions {
  intervalMs?: number;
  /** Epoch ms (tests). */
  now?: () => number;
}

/**
 * A grammY API transformer that logs failed `getUpdates` calls through the (scrubbing) logger: one line at
 * most every 30 s with the number of failures since the last one, and one line when polling works again.
 * It goes with the runner's `silent: true`: the runner retries by itself but would otherwise print every
 * failure with console.error, request URL and bot token included. A call cancelled by stopping the
 * runner is not a failure. Install it on `bot.api.config` wherever the runner is started.
 */
export function createPollingLog(logger: Logger, opts: PollingLogOptions = {}): Transformer {
  const intervalMs = opts.intervalMs ?? LOG_EVERY_MS;
  const now = opts.now ?? Date.now;
  let streak = 0;
  let unlogged = 0;
  let lastLineAt = -Infinity;

  const failed = (details: Record<string, unknown>) => {
    streak++;
    unlogged++;
    if (now() - lastLineAt < intervalMs) return;
    logger.warn({ ...details, failures: unlogged, streak }, 'getUpdates failed: the runner retries');
    lastLineAt = now();
    unlogged = 0;
  };

  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    let res;
    try {
      res = await prev(method, payload, signal);
    } catch (err) {
      if (!signal?.aborted) failed({ err });
      throw err;
    }
    if (!res.ok) {
      failed({ error_code: res.error_code, description: res.description });
    } else if (streak > 0) {
      logger.info({ failures: streak }, 'getUpdates works again');
      streak = 0;
      unlogged = 0;
      lastLineAt = -Infinity;
    }
    return res;
  };
}

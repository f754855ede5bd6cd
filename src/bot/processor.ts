import {
  createConcurrentSink,
  createRunner,
  createSource,
  createUpdateFetcher,
  type RunnerHandle,
} from '@grammyjs/runner';
import { BotError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Metrics } from '../app/ports/index.ts';
import type { Logger } from '../logger.ts';
import type { Context } from './context.ts';
import { RetryUpdateError } from './middlewares/update-lifecycle.ts';

/** Pauses between the attempts at one update (polling, and the stored webhook updates). */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000, 60_000, 60_000, 60_000];

export interface UpdateProcessor {
  /** One attempt: `retry` when the update should run again (the stored-update drainer or the poller runs it again). */
  handle(update: Update): Promise<'done' | 'retry'>;
  /** Attempts until the update is done or parked (the lifecycle parks it after its last attempt). */
  handleWithRetries(update: Update): Promise<void>;
}

/**
 * Runs updates through the bot and turns the lifecycle's verdict into what the transport does next.
 * Errors other than RetryUpdateError cannot normally reach here (the lifecycle handles them); one that
 * does is logged with the update and retried like any other failure.
 */
export function createUpdateProcessor(
  bot: Bot<Context>,
  logger: Logger,
  opts: { retryDelaysMs?: number[]; metrics?: Pick<Metrics, 'update' | 'error'> } = {},
): UpdateProcessor {
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const type = (update: Update) => Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';

  async function handle(update: Update): Promise<'done' | 'retry'> {
    try {
      await bot.handleUpdate(update);
      opts.metrics?.update(type(update), 'done');
      return 'done';
    } catch (err) {
      const inner = err instanceof BotError ? err.error : err;
      if (!(inner instanceof RetryUpdateError))
        logger.error({ err: inner, update_id: update.update_id }, 'update failed outside the lifecycle');
      opts.metrics?.update(type(update), 'retry');
      opts.metrics?.error('update');
      return 'retry';
    }
  }

  async function handleWithRetries(update: Update): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if ((await handle(update)) === 'done') return;
      const delay = delays[attempt];
      if (delay === undefined) {
        // Only when the database could not even count the failures: the update goes to the log whole.
        logger.error({ update_id: update.update_id, update }, 'update given up after in-process retries');
        return;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  return {
    handle,
    handleWithRetries,
  };
}

/**
 * Long polling with @grammyjs/runner's parts: its fetcher (silent: failures are logged by
 * `logGetUpdatesFailures`, through the scrubbing logger) and concurrent sink, consuming each update with
 * in-process retries (a polled update is never fetched again, so a failure must be retried here).
 */
export function runPolling(
  bot: Bot<Context>,
  processor: UpdateProcessor,
  logger: Logger,
  fetch: { allowed_updates: readonly string[]; timeout: number },
): RunnerHandle {
  const fetchUpdates = createUpdateFetcher(bot, {
    silent: true,
    fetch: { allowed_updates: [...fetch.allowed_updates] as never, timeout: fetch.timeout },
  });
  const source = createSource({
    supply: async (batchSize, signal) => fetchUpdates(batchSize, signal),
  });
  const sink = createConcurrentSink<Update>(
    { consume: (update) => processor.handleWithRetries(update) },
    async (error) => {
      logger.error({ err: error }, 'polling: update consumer failed');
    },
  );
  const runner = createRunner(source, sink);
  runner.start();
  return runner;
}

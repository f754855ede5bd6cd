import type { Transformer } from 'grammy';
import { BUDGETED_METHODS } from '../../app/outbox/policy.ts';
import type { OutboxDispatch } from '../../app/ports/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { Logger } from '../../logger.ts';

/** A direct answer waits out at most this much of a running retry_after (the fan is watching). */
const MAX_DIRECT_WAIT_MS = 5_000;

/**
 * What direct answers (grammY, outside the outbox) and the outbox know about each chat's flood state,
 * shared: a 429 seen by either stops both until retry_after has passed, and direct sends use up the
 * same budget the outbox plans with. The in-memory map closes the gap before the database write lands.
 */
export function createFloodGuard(deps: {
  store: Pick<OutboxDispatch, 'blockChat' | 'recordSend'>;
  clock: Clock;
  logger: Logger;
}) {
  const blocked = new Map<number, number>();
  const tails = new Map<number, Promise<unknown>>();

  const guard = {
    /**
     * Runs one call to `chatId` after the previous one (direct or outbox) has been answered, so a 429
     * is known before the next request leaves: two requests racing into a retry_after would be an
     * early retry. Chats are independent; only sends to the same chat wait for each other.
     */
    async serial<T>(chatId: number, fn: () => Promise<T>): Promise<T> {
      const prev = tails.get(chatId) ?? Promise.resolve();
      const run = prev.then(fn, fn);
      const tail = run.catch(() => undefined);
      tails.set(chatId, tail);
      try {
        return await run;
      } finally {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      }
    },
    /** Epoch ms until which nothing may go to this chat (0 = free), as far as this process knows. */
    blockedUntil(chatId: number): number {
      const until = blocked.get(chatId) ?? 0;
      if (until && until <= deps.clock.now().getTime()) blocked.delete(chatId);
      return until > deps.clock.now().getTime() ? until : 0;
    },
    async onRetryAfter(chatId: number, seconds: number): Promise<Date> {
      const until = new Date(deps.clock.now().getTime() + seconds * 1000);
      blocked.set(chatId, Math.max(blocked.get(chatId) ?? 0, until.getTime()));
      await deps.store.blockChat(chatId, until);
      return until;
    },
    /** A grammY API transformer for direct answers; install it before auto-retry so it sees every attempt. */
    transformer(): Transformer {
      return async (prev, method, payload, signal) => {
        const chatId = (payload as { chat_id?: unknown }).chat_id;
        if (typeof chatId !== 'number' || !BUDGETED_METHODS.has(method)) return prev(method, payload, signal);
        return guard.serial(chatId, async () => {
          // Never send into a running retry_after (Telegram counts that against us): wait it out when it
          // is short, otherwise answer as Telegram would and let the caller give up.
          const until = guard.blockedUntil(chatId);
          if (until) {
            const waitMs = until - deps.clock.now().getTime();
            if (waitMs > MAX_DIRECT_WAIT_MS) {
              const retryAfter = Math.ceil(waitMs / 1000);
              return {
                ok: false,
                error_code: 429,
                description: `Too Many Requests: retry after ${retryAfter}`,
                parameters: { retry_after: retryAfter },
              };
            }
            await new Promise((r) => setTimeout(r, waitMs));
          }
          const res = await prev(method, payload, signal);
          try {
            if (!res.ok && res.error_code === 429)
              await guard.onRetryAfter(chatId, res.parameters?.retry_after ?? 1);
            else if (res.ok) await deps.store.recordSend(chatId, deps.clock.now());
          } catch (err) {
            deps.logger.warn({ err, chatId }, 'could not record a direct send in the flood budget');
          }
          return res;
        });
      };
    },
  };
  return guard;
}

export type FloodGuard = ReturnType<typeof createFloodGuard>;

import type { Transformer } from 'grammy';
import type { Pacer } from '../../app/outbox/pacer.ts';
import { BUDGETED_METHODS, ChatHeld } from '../../app/outbox/policy.ts';
import type { Metrics, OutboxDispatch } from '../../app/ports/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { Logger } from '../../logger.ts';

/** A direct answer waits out at most this much of a running retry_after (the fan is watching). */
const MAX_DIRECT_WAIT_MS = 5_000;
/** How long a replica may hold a chat's send lease; a crashed replica's lease frees the chat after it. */
const DEFAULT_LEASE_MS = 10_000;
/** How often a send waiting for another replica's lease on the same chat looks again. */
const DEFAULT_POLL_MS = 25;

/**
 * What direct answers (grammY, outside the outbox) and the outbox know about each chat's flood state,
 * shared: a 429 seen by either stops both until retry_after has passed, and direct sends use up the
 * same budget the outbox plans with. The in-memory map closes the gap before the database write lands.
 *
 * `shared` (PostgreSQL, where several replicas may run): every budgeted call also holds the chat's send
 * lease in the database (`outbox_budgets.sending_until`), which is refused while a 429 recorded by any
 * replica runs: calls to one chat are serialised across processes as they are within one, so no replica
 * sends into a retry_after another one was given, even while that 429's answer is still on its way. A
 * lease is kept across calls to the chat that wait behind each other here (a burst into an admin group:
 * two statements per send before) and given back when none waits, or renewed once half of it is gone.
 */
export function createFloodGuard(deps: {
  store: Pick<OutboxDispatch, 'blockChat' | 'recordSend' | 'takeChat' | 'releaseChat'>;
  clock: Clock;
  logger: Logger;
  shared?: boolean;
  leaseMs?: number;
  pollMs?: number;
  metrics?: Pick<Metrics, 'tooManyRequests'>;
  /**
   * Spaces the outbox's sends as its claim booked them, and is told of every direct send so the outbox's
   * next one makes room for it (app/outbox/pacer.ts).
   */
  pacer?: Pacer;
}) {
  const blocked = new Map<number, number>();
  const tails = new Map<number, Promise<unknown>>();
  /** Calls to each chat in this process, running or waiting their turn (`serial`). */
  const waiting = new Map<number, number>();
  /** Chats whose send lease this process holds, with its end (epoch ms): kept across back-to-back calls. */
  const held = new Map<number, number>();
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
  const now = () => deps.clock.now().getTime();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const note = (chatId: number, until: number) => {
    if (until > (blocked.get(chatId) ?? 0)) blocked.set(chatId, until);
  };

  /**
   * Waits until the chat is free (this process's view, then the database's lease when shared) and runs
   * `fn` holding it. Throws ChatHeld when a running 429 ends after `wait.blockedMs`, or another replica's
   * lease outlives `wait.busyMs`.
   */
  async function exclusive<T>(
    chatId: number,
    wait: { blockedMs: number; busyMs: number },
    fn: () => Promise<T>,
  ): Promise<T> {
    const start = now();
    for (;;) {
      const until = guard.blockedUntil(chatId);
      if (until) {
        if (until > start + wait.blockedMs) throw new ChatHeld(until);
        await sleep(until - now());
        continue;
      }
      if (!deps.shared) return fn();
      // The lease this process kept from the call before (another call to the chat was waiting behind
      // it): used while at least half of it is left, given back and taken afresh after that.
      const mine = held.get(chatId);
      if (mine !== undefined) {
        if (mine - now() > leaseMs / 2) return fn();
        await giveBack(chatId);
      }
      const at = deps.clock.now();
      const lease = new Date(at.getTime() + leaseMs);
      let taken: { blockedUntil: number; sendingUntil: number } | true;
      try {
        const r = await deps.store.takeChat(chatId, at, lease);
        taken = r.taken ? true : r;
      } catch (err) {
        // The database is away: send anyway (this process's own view still holds), rather than not at all.
        deps.logger.warn({ err, chatId }, 'could not take the chat send lease');
        return fn();
      }
      if (taken !== true) {
        if (taken.blockedUntil) {
          note(chatId, taken.blockedUntil);
          continue;
        }
        // Another replica is sending to this chat: its answer (perhaps a 429) comes first.
        if (now() + pollMs > start + wait.busyMs)
          throw new ChatHeld(Math.max(taken.sendingUntil, now() + pollMs));
        await sleep(pollMs);
        continue;
      }
      // Held until no call to this chat waits here any more (`serial` gives it back then).
      held.set(chatId, lease.getTime());
      return fn();
    }
  }

  /** Gives back the chat's lease this process holds, if any (awaited: a next take must find it free). */
  async function giveBack(chatId: number): Promise<void> {
    const lease = held.get(chatId);
    if (lease === undefined) return;
    held.delete(chatId);
    await deps.store
      .releaseChat(chatId, new Date(lease))
      .catch((err: unknown) => deps.logger.warn({ err, chatId }, 'could not give back the chat send lease'));
  }

  const guard = {
    /**
     * Runs one call to `chatId` after the previous one (direct or outbox) has been answered, so a 429
     * is known before the next request leaves: two requests racing into a retry_after would be an
     * early retry. Chats are independent; only sends to the same chat wait for each other.
     */
    async serial<T>(chatId: number, fn: () => Promise<T>): Promise<T> {
      waiting.set(chatId, (waiting.get(chatId) ?? 0) + 1);
      const task = async () => {
        try {
          return await fn();
        } finally {
          const left = (waiting.get(chatId) ?? 1) - 1;
          if (left > 0) waiting.set(chatId, left);
          else {
            waiting.delete(chatId);
            // Nothing more for this chat here: the send lease kept across back-to-back calls goes back.
            await giveBack(chatId);
          }
        }
      };
      const prev = tails.get(chatId) ?? Promise.resolve();
      const run = prev.then(task, task);
      const tail = run.catch(() => undefined);
      tails.set(chatId, tail);
      try {
        return await run;
      } finally {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      }
    },
    /**
     * The outbox's way in: serialised with every call to the chat (across replicas when shared); throws
     * ChatHeld at once while a 429 runs (the item is rescheduled for then), and waits for another
     * replica's lease (at most its length).
     */
    outboxCall<T>(chatId: number, fn: () => Promise<T>): Promise<T> {
      return guard.serial(chatId, () => exclusive(chatId, { blockedMs: 0, busyMs: leaseMs + pollMs }, fn));
    },
    /** Epoch ms until which nothing may go to this chat (0 = free), as far as this process knows. */
    blockedUntil(chatId: number): number {
      const until = blocked.get(chatId) ?? 0;
      const t = now();
      if (until && until <= t) blocked.delete(chatId);
      return until > t ? until : 0;
    },
    async onRetryAfter(chatId: number, seconds: number): Promise<Date> {
      const until = new Date(now() + seconds * 1000);
      note(chatId, until.getTime());
      await deps.store.blockChat(chatId, until);
      return until;
    },
    /** A 429 Telegram gave us (counted once, with the seconds it makes the chat wait). */
    async onTooManyRequests(chatId: number, seconds: number, path: 'outbox' | 'direct'): Promise<Date> {
      deps.metrics?.tooManyRequests(path, seconds);
      return guard.onRetryAfter(chatId, seconds);
    },
    /**
     * A grammY API transformer for the outbox sender's Api: a call that spends a flood budget waits until
     * it fits the budgets by the times sends really started (the claim booked it a little earlier).
     */
    outboxTransformer(): Transformer {
      return async (prev, method, payload, signal) => {
        const chatId = (payload as { chat_id?: unknown }).chat_id;
        if (deps.pacer && typeof chatId === 'number' && BUDGETED_METHODS.has(method))
          await deps.pacer.slot(chatId);
        return prev(method, payload, signal);
      };
    },
    /** A grammY API transformer for direct answers; install it before auto-retry so it sees every attempt. */
    transformer(): Transformer {
      return async (prev, method, payload, signal) => {
        const chatId = (payload as { chat_id?: unknown }).chat_id;
        if (typeof chatId !== 'number' || !BUDGETED_METHODS.has(method)) return prev(method, payload, signal);
        return guard.serial(chatId, async () => {
          try {
            // Never send into a running retry_after (Telegram counts that against us): wait it out when
            // it is short, otherwise answer as Telegram would and let the caller give up.
            const wait = { blockedMs: MAX_DIRECT_WAIT_MS, busyMs: MAX_DIRECT_WAIT_MS };
            return await exclusive(chatId, wait, async () => {
              deps.pacer?.note(chatId);
              const res = await prev(method, payload, signal);
              try {
                if (!res.ok && res.error_code === 429)
                  await guard.onTooManyRequests(chatId, res.parameters?.retry_after ?? 1, 'direct');
                else if (res.ok) await deps.store.recordSend(chatId, deps.clock.now());
              } catch (err) {
                deps.logger.warn({ err, chatId }, 'could not record a direct send in the flood budget');
              }
              return res;
            });
          } catch (err) {
            if (!(err instanceof ChatHeld)) throw err;
            const retryAfter = Math.max(1, Math.ceil((err.until - now()) / 1000));
            return {
              ok: false as const,
              error_code: 429,
              description: `Too Many Requests: retry after ${retryAfter}`,
              parameters: { retry_after: retryAfter },
            };
          }
        });
      };
    },
  };
  return guard;
}

export type FloodGuard = ReturnType<typeof createFloodGuard>;

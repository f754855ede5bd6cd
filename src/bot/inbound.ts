import type { Update } from 'grammy/types';
import type { InboundUpdate, InboundUpdatesStore } from '../app/ports/updates.ts';
import type { Logger } from '../logger.ts';
import { logFields, withLogFields, withoutLogFields, type LogFields } from '../logging/context.ts';
import { DEFAULT_RETRY_DELAYS_MS } from './processor.ts';

/**
 * Which updates must run one after the other: those of one private chat (its messages, button presses,
 * payments: keyed on the person), and those of one topic of a group (an admin's replies to one fan in
 * order; other topics run alongside). An update naming no chat and no person has a lane of its own.
 */
export function laneOf(update: Update): string {
  for (const [key, value] of Object.entries(update as unknown as Record<string, unknown>)) {
    if (key === 'update_id' || typeof value !== 'object' || value === null) continue;
    const v = value as {
      chat?: { id?: unknown };
      message?: { chat?: { id?: unknown }; message_thread_id?: unknown };
      message_thread_id?: unknown;
      from?: { id?: unknown };
      user?: { id?: unknown };
    };
    const chat = v.chat?.id ?? v.message?.chat?.id;
    if (typeof chat === 'number') {
      const thread = v.message_thread_id ?? v.message?.message_thread_id;
      return chat < 0 && typeof thread === 'number' ? `${chat}:${thread}` : String(chat);
    }
    const person = v.from?.id ?? v.user?.id;
    if (typeof person === 'number') return String(person);
  }
  return `update:${update.update_id}`;
}

export interface InboundOptions {
  /** Updates handled at once (each in its own lane). */
  slots: number;
  /**
   * Updates handled at once while the webhook is taking updates (one stored in the last `busyWindowMs`):
   * answering Telegram comes first, the backlog is worked through in the gaps and after the burst.
   */
  busySlots: number;
  busyWindowMs: number;
  /** How long a replica holds an update it runs before another may take it over. */
  leaseMs: number;
  /** Pauses before the attempts after a failure (the last one repeats). */
  retryDelaysMs: number[];
  /** The backstop poll: stored updates of a replica that stopped, retries due. */
  pollMs: number;
  /**
   * Heads a claim may take beyond the free slots, kept here in arrival order and run as slots free, so
   * that a burst handled one at a time is not one claim per update (each claim is a statement with a
   * lane probe per head; docs/BENCHMARKS.md, "Claims read ahead"). They hold their lease while they
   * wait; one that waited half of it is given back (made due again) instead of run, and `stop` gives
   * back those not started. 0 (the default): claims take what the free slots run (on PostgreSQL a
   * claim already serves several updates, and reading ahead measured no gain).
   */
  readAhead: number;
}

export const DEFAULT_INBOUND_OPTIONS: InboundOptions = {
  slots: 16,
  busySlots: 2,
  busyWindowMs: 100,
  leaseMs: 120_000,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
  pollMs: 10_000,
  readAhead: 0,
};

export interface InboundDrainer {
  /** Stores a webhook update (false: stored already) and wakes the drainer. */
  accept(update: Update): Promise<boolean>;
  start(): void;
  /** Stops claiming and waits for the updates under way. */
  stop(): Promise<void>;
}

/**
 * Drains the stored webhook updates (docs/ARCHITECTURE.md, "Update lifecycle"): claims the due heads of
 * their lanes, runs each through `handle` (the bot with its update lifecycle), deletes it when done and
 * puts it back with a delay when it asks for a retry. Woken by `accept`, by its own completions and
 * retries, and by a backstop poll (another replica's updates left behind when it stopped).
 */
export function createInboundDrainer(
  store: InboundUpdatesStore,
  handle: (update: Update) => Promise<'done' | 'retry'>,
  logger: Logger,
  options: Partial<InboundOptions> = {},
): InboundDrainer {
  const opts = { ...DEFAULT_INBOUND_OPTIONS, ...options };
  const running = new Set<Promise<void>>();
  let started = false;
  let stopped = false;
  let claiming: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let lastAcceptAt = -Infinity;
  /** How many may run now: fewer while updates are coming in (see `busySlots`). */
  const limit = () => (Date.now() - lastAcceptAt < opts.busyWindowMs ? opts.busySlots : opts.slots);
  // The request's log fields (req_id) of updates this replica stored, for the lines of their handling.
  const requestFields = new Map<number, LogFields>();
  /**
   * Updates handled since the last claim: the next claim deletes them in its statement (one round trip
   * fewer per update), `stop` deletes what is left. Until then their leases keep them from running again
   * (and a rerun would be dropped as a duplicate).
   */
  let finished: number[] = [];
  /** Heads claimed ahead of a free slot (`readAhead`), oldest first, with when they were claimed. */
  let ready: { item: InboundUpdate; claimedAt: number }[] = [];

  /** Wakes the drainer at `at` (ms since the epoch) unless it is woken earlier. */
  function wakeAt(at: number): void {
    if (stopped || at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = null;
        timerAt = Infinity;
        kick();
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref();
  }

  /** Starts a head read ahead in each free slot (a claim after that takes more) and runs it. */
  function startReady(): void {
    while (ready.length > 0 && running.size < limit()) {
      const { item, claimedAt } = ready.shift()!;
      // Held past half its lease (the slots were busy that long): due again for whichever replica claims it.
      if (Date.now() - claimedAt > opts.leaseMs / 2) {
        void release([item.updateId]);
        continue;
      }
      launch(item);
    }
  }

  function launch(item: InboundUpdate): void {
    const task = run(item.updateId, item.raw as unknown as Update, item.attempts).finally(() => {
      running.delete(task);
      kick(); // the lane's next update may run now
    });
    running.add(task);
  }

  /** Gives claimed heads back, due now (their leases would otherwise hold their lanes until they run out). */
  function release(ids: number[]): Promise<void> {
    const now = new Date();
    return Promise.all(ids.map((id) => store.retryAt(id, now))).then(
      () => kick(),
      (err: unknown) =>
        logger.warn(
          { err, count: ids.length },
          'could not give back claimed updates (they run when their leases end)',
        ),
    );
  }

  /** Claims now, unless more than half the slots are busy (a completion claims then, in a batch). */
  function kick(): void {
    if (!started || stopped) return;
    if (ready.length > 0) {
      startReady();
      if (ready.length > 0) return;
    }
    if (running.size > limit() / 2) return;
    if (claiming) {
      again = true;
      return;
    }
    // Started outside the request or update that woke it: its work belongs to neither.
    claiming = withoutLogFields(() =>
      claimLoop()
        .catch((err: unknown) => logger.error({ err }, 'the stored-update drainer failed'))
        .finally(() => (claiming = null)),
    );
  }

  async function claimLoop(): Promise<void> {
    do {
      again = false;
      startReady();
      const free = limit() - running.size;
      if (free <= 0 || ready.length > 0) return;
      let taken;
      const done = finished;
      finished = [];
      try {
        taken = await store.claim(free + opts.readAhead, opts.leaseMs, new Date(), done);
      } catch (err) {
        finished.push(...done);
        logger.error({ err }, 'could not claim stored updates; trying again shortly');
        wakeAt(Date.now() + 1_000);
        return;
      }
      const claimedAt = Date.now();
      for (const item of taken) ready.push({ item, claimedAt });
      startReady();
      if (taken.length === 0 && running.size === 0) await scheduleBackstop();
      else wakeAt(Date.now() + opts.pollMs);
      // Held back by a burst of updates coming in: more may run once it is over.
      if ((taken.length >= free || ready.length > 0) && limit() < opts.slots)
        wakeAt(lastAcceptAt + opts.busyWindowMs + 1);
    } while (again && !stopped);
  }

  async function scheduleBackstop(): Promise<void> {
    let next: Date | null = null;
    try {
      next = await store.nextDueAt();
    } catch (err) {
      logger.warn({ err }, 'could not read when the next stored update is due');
    }
    const at = Date.now() + opts.pollMs;
    wakeAt(next ? Math.min(at, Math.max(next.getTime(), Date.now() + 50)) : at);
  }

  async function run(updateId: number, update: Update, attempts: number): Promise<void> {
    let outcome: 'done' | 'retry';
    const fields = requestFields.get(updateId) ?? {};
    requestFields.delete(updateId);
    try {
      outcome = await withLogFields(fields, () => handle(update));
    } catch (err) {
      logger.error({ err, update_id: updateId }, 'stored update failed outside the lifecycle');
      outcome = 'retry';
    }
    try {
      if (outcome === 'done') {
        finished.push(updateId);
        return;
      }
      const delays = opts.retryDelaysMs;
      const delay = delays[Math.min(attempts - 1, delays.length - 1)] ?? 60_000;
      await store.retryAt(updateId, new Date(Date.now() + delay));
      wakeAt(Date.now() + delay);
    } catch (err) {
      // The row keeps its lease: it runs again when the lease runs out (the lifecycle drops a duplicate).
      logger.error({ err, update_id: updateId, outcome }, 'could not record a stored update’s outcome');
      wakeAt(Date.now() + opts.leaseMs);
    }
  }

  return {
    async accept(update) {
      lastAcceptAt = Date.now();
      let stored;
      try {
        stored = await store.store(
          update.update_id,
          laneOf(update),
          update as unknown as Record<string, unknown>,
        );
      } catch (err) {
        logger.error(
          { err, update_id: update.update_id },
          'could not store a webhook update (Telegram will retry)',
        );
        throw err;
      }
      if (stored) {
        const fields = logFields();
        if (Object.keys(fields).length > 0) {
          // Another replica may run it: the oldest entries go once there are many.
          if (requestFields.size >= 10_000) requestFields.delete(requestFields.keys().next().value!);
          requestFields.set(update.update_id, fields);
        }
      }
      kick();
      return stored;
    },
    start() {
      if (started) return;
      started = true;
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await claiming;
      // Claimed but not started: given back, due at once for the next start or another replica.
      const unstarted = ready.map((r) => r.item.updateId);
      ready = [];
      if (unstarted.length > 0) await release(unstarted);
      while (running.size > 0) await Promise.allSettled([...running]);
      const done = finished;
      finished = [];
      await store
        .done(done)
        .catch((err: unknown) =>
          logger.warn(
            { err, count: done.length },
            'could not delete handled updates (they are dropped as duplicates when they run again)',
          ),
        );
    },
  };
}

import type { Budget, FloodBudgets } from '../ports/index.ts';

/**
 * The last step before an outbox send leaves: the claim books budgets when it takes an item, but the
 * request goes out later (the chat's send lease, a busy pool, a pause of the event loop), and a few
 * bookings made 1.15 s apart can reach Telegram within its 1-second window. The pacer keeps, in this
 * process, the times sends actually started and holds a send until it fits the same budgets (the bot's
 * global one and the chat's), so what reaches Telegram is spaced as the claim planned. Direct answers are
 * not held (a person is waiting for them); they are noted, so the outbox's next send makes room for them.
 */
export interface Pacer {
  /** Waits until a send to `chatId` fits the budgets, then counts it as started now. */
  slot(chatId: number): Promise<void>;
  /** Counts a send that started now outside the outbox (a direct answer). */
  note(chatId: number): void;
  /** Chats remembered (bounded: see PRUNE_AT). */
  size(): number;
}

/** Past this many chats remembered, the ones whose windows have passed are forgotten (a broadcast). */
const PRUNE_AT = 2_000;

export function createPacer(
  budgets: Pick<FloodBudgets, 'private' | 'group' | 'global'>,
  time: { now: () => number; sleep: (ms: number) => Promise<void> } = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  },
): Pacer {
  const global: number[] = [];
  const chats = new Map<number, number[]>();
  const budgetOf = (chatId: number): Budget => (chatId < 0 ? budgets.group : budgets.private);

  /** How long until one more send fits `log` (sorted start times) under `budget`; 0 = now. */
  function waitFor(log: number[], budget: Budget, now: number): number {
    while (log.length > 0 && log[0]! <= now - budget.windowMs) log.shift();
    if (log.length < budget.limit) return 0;
    return log[log.length - budget.limit]! + budget.windowMs - now;
  }

  function record(chatId: number, now: number): void {
    global.push(now);
    let log = chats.get(chatId);
    if (!log) {
      if (chats.size >= PRUNE_AT) {
        for (const [id, l] of chats) {
          if (l.length === 0 || l[l.length - 1]! <= now - budgetOf(id).windowMs) chats.delete(id);
        }
      }
      log = [];
      chats.set(chatId, log);
    }
    log.push(now);
  }

  return {
    async slot(chatId) {
      for (;;) {
        const now = time.now();
        const wait = Math.max(
          waitFor(global, budgets.global, now),
          waitFor(chats.get(chatId) ?? [], budgetOf(chatId), now),
        );
        if (wait <= 0) return record(chatId, now);
        await time.sleep(wait);
      }
    },
    note(chatId) {
      const now = time.now();
      waitFor(global, budgets.global, now);
      record(chatId, now);
    },
    size: () => chats.size,
  };
}

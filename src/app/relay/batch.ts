import type { NewOutboxItem } from '../ports/index.ts';
import { captureSlots, outsideSlots } from '../system/async-scope.ts';
import { DuplicateUpdateError, updateScope, type UpdateScope } from '../system/update-scope.ts';
import {
  acceptAlone,
  afterCharge,
  type AcceptFanMessageResult,
  type FanMessageBatcher,
  type PreparedFanMessage,
  type RelayDeps,
} from './relay.ts';

/** The most fans' messages one transaction takes (docs/ARCHITECTURE.md, "Fans' messages in batches"). */
export const FAN_BATCH_MAX = 32;

interface Member {
  p: PreparedFanMessage & Required<Pick<PreparedFanMessage, 'asRead'>>;
  /** The member's update, when its claim is still to be made (null: claimed, or no update). */
  scope: UpdateScope | null;
  /** Runs work as the member's own (its update, its log fields). */
  asMember: <R>(fn: () => R) => R;
  resolve: (result: AcceptFanMessageResult) => void;
  reject: (err: unknown) => void;
}

type Outcome = { kind: 'done'; result: AcceptFanMessageResult } | { kind: 'duplicate' } | { kind: 'alone' };

/** One transaction of fans' messages, as the batcher reports it. */
export interface FanBatchReport {
  outcome: 'alone' | 'committed' | 'failed';
  size: number;
  /** Why a batch failed (its messages then ran alone). */
  err?: unknown;
}

/**
 * Group commit for fans' messages (docs/ARCHITECTURE.md, "Fans' messages in batches"). Messages that
 * arrive in the same turn of the event loop, or while a transaction of the batcher runs, go together (one
 * that finds itself alone goes as without a batcher): their updates' claims, charges, topics' notes and
 * message-log rows in one statement (`ledger.applyManyAsRead`), the rest of each (placement, renders,
 * receipt) as alone, in the same transaction, and all their outbox items in one insert. A message the
 * batch cannot take (its row changed since it was read) is given its claim back and runs alone after the
 * commit; a batch that fails is run again one message at a time, so one message's failure is its own.
 * One fan's messages are never in one batch together (a lane runs one update at a time anyway).
 */
export function createFanMessageBatcher(
  deps: RelayDeps,
  opts: {
    max?: number;
    /**
     * Told of each transaction: one message alone, several committed, or several failed (`err`: then each
     * ran alone). The composition root counts them and logs a failure.
     */
    onBatch?: (b: FanBatchReport) => void;
  } = {},
): FanMessageBatcher {
  const max = opts.max ?? FAN_BATCH_MAX;
  const queue: Member[] = [];
  let draining = false;

  /** Takes the oldest waiting messages, at most one per fan and `max` in all. */
  function take(): Member[] {
    const batch: Member[] = [];
    const users = new Set<number>();
    for (let k = 0; k < queue.length && batch.length < max;) {
      const m = queue[k]!;
      if (users.has(m.p.msg.userId)) {
        k++;
        continue;
      }
      users.add(m.p.msg.userId);
      batch.push(m);
      queue.splice(k, 1);
    }
    return batch;
  }

  /** Told to the composition root; a hook that throws changes nothing here. */
  function report(b: FanBatchReport): void {
    try {
      opts.onBatch?.(b);
    } catch {
      // Counting is not worth a message.
    }
  }

  function runAlone(m: Member): Promise<void> {
    report({ outcome: 'alone', size: 1 });
    return m.asMember(() => acceptAlone(deps, m.p)).then(m.resolve, m.reject);
  }

  async function runBatch(batch: Member[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await deps.uow.run(async (r) => {
        const at = deps.clock.now();
        const charged = await r.ledger.applyManyAsRead(
          batch.map(({ p, scope }) => ({
            entry: p.entryFor(p.asRead.seen.user, p.asRead.quote),
            seen: p.asRead.seen,
            note: { at, logged: p.logged },
            updateId: scope?.updateId ?? null,
          })),
        );
        const out: Outcome[] = [];
        const giveBack: number[] = [];
        const items: NewOutboxItem[] = [];
        for (const [k, m] of batch.entries()) {
          const c = charged[k]!;
          if (!c.claimed) {
            out.push({ kind: 'duplicate' });
          } else if (!c.applied) {
            if (m.scope) giveBack.push(m.scope.updateId);
            out.push({ kind: 'alone' });
          } else {
            const charge = { user: m.p.asRead.seen.user, quote: m.p.asRead.quote, charge: c.applied };
            const done = await afterCharge(r, deps, m.p, charge, { at, read: c.applied.noted });
            items.push(...done.items);
            out.push({ kind: 'done', result: done.result });
          }
        }
        if (giveBack.length > 0) await r.updates.unclaim(giveBack);
        await r.outbox.enqueue(items);
        return out;
      });
      report({ outcome: 'committed', size: batch.length });
    } catch (err) {
      outcomes = batch.map(() => ({ kind: 'alone' }));
      report({ outcome: 'failed', size: batch.length, err });
    }
    const alone: Member[] = [];
    for (const [k, m] of batch.entries()) {
      const o = outcomes[k]!;
      if (o.kind === 'done') {
        if (m.scope) m.scope.claimed = true;
        m.resolve(o.result);
      } else if (o.kind === 'duplicate') {
        m.reject(new DuplicateUpdateError(m.scope!.updateId));
      } else alone.push(m);
    }
    // Each in its own transaction, as its own update, before the next batch (which may hold the same
    // fan's next message).
    await Promise.all(alone.map(runAlone));
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) {
        const batch = take();
        // One alone runs as without a batcher (the statements of one message, no arrays).
        if (batch.length === 1) await runAlone(batch[0]!);
        else await runBatch(batch);
      }
    } finally {
      draining = false;
    }
  }

  return {
    accept(p) {
      return new Promise<AcceptFanMessageResult>((resolve, reject) => {
        queue.push({ p, scope: updateScope.unclaimed(), asMember: captureSlots(), resolve, reject });
        if (draining) return;
        draining = true;
        // At the end of this turn of the event loop: the messages whose reads this turn answered (a group
        // of lookups answers several updates at once) go in the first batch. The drain belongs to no one
        // member: a batch's transaction claims its members' updates itself.
        outsideSlots(() => setImmediate(() => void drain()));
      });
    },
  };
}

import { queuedSend } from '../../app/outbox/wake.ts';
import type { JobsPort, MoneyObserver, QueuedSend, Repos, UnitOfWork } from '../../app/ports/index.ts';
import { DuplicateUpdateError, updateScope } from '../../app/system/update-scope.ts';
import type { Database, DbOrTx } from '../client.ts';
import type { SettingsCache } from '../settings-cache.ts';
import { adminRepo, inboxRepo } from './admin.ts';
import { albumsRepo } from './albums.ts';
import { contentDraftsRepo, contentRepo } from './content.ts';
import { disputesRepo } from './disputes.ts';
import { adminGroupsRepo, pendingGroupsRepo } from './groups.ts';
import { ledgerRepo } from './ledger.ts';
import { outboxRepo } from './outbox.ts';
import { paymentsRepo } from './payments.ts';
import { productsRepo } from './products.ts';
import { rateLimitsRepo } from './rate-limits.ts';
import { linksRepo, topicsRepo } from './relay.ts';
import { settingsRepo } from './settings.ts';
import { stripeEventsRepo } from './stripe-events.ts';
import { onceRepo, paymentInboxRepo, updatesRepo } from './updates.ts';
import { usersRepo } from './users.ts';
import { teamRepo } from './team.ts';
import { flowsRepo } from './flows.ts';
import { adminMenusRepo, claimCodesRepo } from './hub.ts';
import { statsRepo } from './stats.ts';
import { conversationsRepo } from './conversations.ts';

import { userDirectoryRepo } from './users-admin.ts';
import { quickRepliesRepo } from './quick-replies.ts';

import { adminPaymentsRepo, errorLogRepo } from './payments-admin.ts';
import { fanDataRepo } from './fan-data.ts';
import { campaignsRepo } from './campaigns.ts';
import { analyticsRepo } from './analytics.ts';
import { messageLogRepo, searchesRepo } from './search.ts';
import { reconcileRepo } from './reconcile.ts';

/**
 * Binds the job queue to a database handle (wired by the composition root: db imports no other adapter).
 * Inside a unit of work `afterCommit` runs a callback once the transaction committed (the queue wakes
 * its worker then); without it the handle commits each statement itself.
 */
export type JobsFor = (db: DbOrTx, afterCommit?: (fn: () => void) => void) => JobsPort;

/** Enqueueing needs no queue where none is wired (the sender, tests of repos alone): it throws then. */
const noJobs: JobsFor = () =>
  new Proxy({} as JobsPort, {
    get: () => () => Promise.reject(new Error('no job queue on this database handle')),
  });

/** `jobs` lets use cases enqueue pg-boss jobs through this handle (in its transaction, if any). */
export function createRepos(
  db: DbOrTx,
  jobs: JobsFor = noJobs,
  cache?: SettingsCache,
  observe?: MoneyObserver,
): Repos {
  const ledger = ledgerRepo(db);
  return {
    flows: flowsRepo(db),
    team: teamRepo(db),
    users: usersRepo(db),
    settings: settingsRepo(db, cache),
    products: productsRepo(db),
    updates: updatesRepo(db),
    paymentInbox: paymentInboxRepo(db),
    once: onceRepo(db),
    rateLimits: rateLimitsRepo(db),
    pendingGroups: pendingGroupsRepo(db),
    adminGroups: adminGroupsRepo(db, cache),
    ledger: observe
      ? {
          ...ledger,
          async apply(e, locked) {
            const r = await ledger.apply(e, locked);
            if (r.status === 'applied') observe.ledgerEntry(e.reason);
            return r;
          },
          async applyAsRead(e, seen, note) {
            const r = await ledger.applyAsRead(e, seen, note);
            if (r) observe.ledgerEntry(e.reason);
            return r;
          },
          async applyManyAsRead(items) {
            const rs = await ledger.applyManyAsRead(items);
            rs.forEach((r, k) => r.applied && observe.ledgerEntry(items[k]!.entry.reason));
            return rs;
          },
        }
      : ledger,
    payments: paymentsRepo(db, observe),
    outbox: outboxRepo(db),
    topics: topicsRepo(db),
    links: linksRepo(db),
    inbox: inboxRepo(db),
    admin: adminRepo(db),
    albums: albumsRepo(db),
    stripeEvents: stripeEventsRepo(db),
    disputes: disputesRepo(db),
    content: contentRepo(db),
    contentDrafts: contentDraftsRepo(db),
    claimCodes: claimCodesRepo(db),
    adminMenus: adminMenusRepo(db),
    stats: statsRepo(db),
    conversations: conversationsRepo(db),

    userDirectory: userDirectoryRepo(db),
    quickReplies: quickRepliesRepo(db),

    adminPayments: adminPaymentsRepo(db),
    errorLog: errorLogRepo(db),
    fanData: fanDataRepo(db),
    campaigns: campaignsRepo(db),
    analytics: analyticsRepo(db),
    messageLog: messageLogRepo(db),
    searches: searchesRepo(db),
    reconcile: reconcileRepo(db),
    jobs: jobs(db),
  };
}

/**
 * The outbox of one transaction, with its enqueues gathered into one multi-row insert (a fan's message
 * queues its relay, receipt and renders: one statement instead of three). They are written, in the
 * order they were asked for, before any other call on this outbox and before the transaction commits,
 * so nothing in the transaction can tell the difference (no other repo reads the outbox table). Items
 * with a coalesce key are written at once (see below).
 */
function gatheredOutbox(outbox: Repos['outbox']): {
  outbox: Repos['outbox'];
  flush(): Promise<void>;
  /**
   * How the transaction wakes the sender after its commit: what it queued (and the pending items it made
   * due sooner), or null (nothing new to send: a payload merged into a pending item wakes nobody).
   */
  wake(): QueuedSend[] | null;
} {
  let pending: Parameters<Repos['outbox']['enqueue']>[0] = [];
  const queued: QueuedSend[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    await outbox.enqueue(items);
  };
  const wrapped = Object.fromEntries(
    Object.entries(outbox).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        await flush();
        return (method as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Repos['outbox'];
  const coalesce = wrapped.coalesce.bind(wrapped);
  wrapped.coalesce = async (...args) => {
    if (args[2]?.notBefore) queued.push({ dueAt: args[2].notBefore.getTime() });
    return coalesce(...args);
  };
  wrapped.enqueue = async (items) => {
    queued.push(...items.map(queuedSend));
    // An item with a coalesce key may be skipped for a pending one (a fan's receipt merges into it):
    // its caller needs the real answer, so it goes in at once, with whatever was gathered before it.
    if (items.some((i) => i.coalesceKey)) {
      const all = [...pending, ...items];
      pending = [];
      return outbox.enqueue(all);
    }
    pending.push(...items);
    // Reported as added; a repeated idempotency key is skipped when they are written.
    return items.map((i) => i.idempotencyKey);
  };
  return { outbox: wrapped, flush, wake: () => (queued.length ? queued : null) };
}

/**
 * Transactions for the use cases. Inside a Telegram update's handler (app/system/update-scope.ts), the first
 * transaction also claims the update: a redelivery that raced it finds the claim taken and rolls back.
 */
export function createUnitOfWork(
  database: Database,
  jobs?: JobsFor,
  observe?: MoneyObserver,
  /**
   * Told after a transaction that queued outbox items committed, with the items (the composition root
   * wakes the sender).
   */
  outboxSignal?: { notify(items?: readonly QueuedSend[]): void },
): UnitOfWork {
  return {
    repos: createRepos(database.db, jobs, database.settingsCache, observe),
    async run(fn) {
      const scope = updateScope.unclaimed();
      // What runs once the transaction committed (never for a rolled-back one): money facts counted, the
      // wakes of the jobs it queued, and the sender's, when it queued outbox items.
      const committed: Array<() => void> = [];
      const txJobs: JobsFor | undefined = jobs && ((h) => jobs(h, (fn) => committed.push(fn)));
      const deferred: MoneyObserver | undefined = observe && {
        payment: (rail, status) => committed.push(() => observe.payment(rail, status)),
        ledgerEntry: (reason) => committed.push(() => observe.ledgerEntry(reason)),
      };
      const result = await database.db.transaction(async (tx) => {
        committed.length = 0;
        const repos = createRepos(tx, txJobs, database.settingsCache, deferred);
        if (scope && !(await repos.updates.claim(scope.updateId)))
          throw new DuplicateUpdateError(scope.updateId);
        const gathered = gatheredOutbox(repos.outbox);
        const out = await fn({ ...repos, outbox: gathered.outbox });
        await gathered.flush();
        const wake = gathered.wake();
        if (wake && outboxSignal) committed.push(() => outboxSignal.notify(wake));
        return out;
      });
      if (scope) scope.claimed = true;
      for (const fn of committed) fn();
      return result;
    },
  };
}

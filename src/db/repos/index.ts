import type { JobsPort, Repos, UnitOfWork } from '../../app/ports/index.ts';
import { DuplicateUpdateError, updateScope } from '../../app/system/update-scope.ts';
import type { Database, DbOrTx } from '../client.ts';
import type { SettingsCache } from '../settings-cache.ts';
import { adminRepo, inboxRepo } from './admin.ts';
import { albumsRepo } from './albums.ts';
import { contentDraftsRepo, contentRepo } from './content.ts';
import { disputesRepo } from './disputes.ts';
import { pendingGroupsRepo } from './groups.ts';
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

/** Binds the job queue to a database handle (wired by the composition root: db imports no other adapter). */
export type JobsFor = (db: DbOrTx) => JobsPort;

/** Enqueueing needs no queue where none is wired (the sender, tests of repos alone): it throws then. */
const noJobs: JobsFor = () =>
  new Proxy({} as JobsPort, {
    get: () => () => Promise.reject(new Error('no job queue on this database handle')),
  });

/** `jobs` lets use cases enqueue pg-boss jobs through this handle (in its transaction, if any). */
export function createRepos(db: DbOrTx, jobs: JobsFor = noJobs, cache?: SettingsCache): Repos {
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
    ledger: ledgerRepo(db),
    payments: paymentsRepo(db),
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
    jobs: jobs(db),
  };
}

/**
 * Transactions for the use cases. Inside a Telegram update's handler (app/update-scope.ts), the first
 * transaction also claims the update: a redelivery that raced it finds the claim taken and rolls back.
 */
export function createUnitOfWork(database: Database, jobs?: JobsFor): UnitOfWork {
  return {
    repos: createRepos(database.db, jobs, database.settingsCache),
    async run(fn) {
      const scope = updateScope.unclaimed();
      const result = await database.db.transaction(async (tx) => {
        const repos = createRepos(tx, jobs, database.settingsCache);
        if (scope && !(await repos.updates.claim(scope.updateId)))
          throw new DuplicateUpdateError(scope.updateId);
        return fn(repos);
      });
      if (scope) scope.claimed = true;
      return result;
    },
  };
}

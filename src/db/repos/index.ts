import type { Repos, UnitOfWork } from '../../app/ports.ts';
import type { Database, DbOrTx } from '../client.ts';
import { adminRepo, inboxRepo } from './admin.ts';
import { ledgerRepo } from './ledger.ts';
import { outboxRepo } from './outbox.ts';
import { productsRepo } from './products.ts';
import { linksRepo, topicsRepo } from './relay.ts';
import { settingsRepo } from './settings.ts';
import { onceRepo, updatesRepo } from './updates.ts';
import { usersRepo } from './users.ts';

export function createRepos(db: DbOrTx): Repos {
  return {
    users: usersRepo(db),
    settings: settingsRepo(db),
    products: productsRepo(db),
    updates: updatesRepo(db),
    once: onceRepo(db),
    ledger: ledgerRepo(db),
    outbox: outboxRepo(db),
    topics: topicsRepo(db),
    links: linksRepo(db),
    inbox: inboxRepo(db),
    admin: adminRepo(db),
  };
}

export function createUnitOfWork(database: Database): UnitOfWork {
  return {
    repos: createRepos(database.db),
    run: (fn) => database.db.transaction((tx) => fn(createRepos(tx))),
  };
}

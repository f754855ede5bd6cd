import type { Repos, UnitOfWork } from '../../app/ports.ts';
import type { Database, DbOrTx } from '../client.ts';
import { productsRepo } from './products.ts';
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
  };
}

export function createUnitOfWork(database: Database): UnitOfWork {
  return {
    repos: createRepos(database.db),
    run: (fn) => database.db.transaction((tx) => fn(createRepos(tx))),
  };
}

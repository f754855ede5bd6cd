import type { UnitOfWork } from '../../src/app/ports/index.ts';
import type { Database } from '../../src/db/client.ts';
import { createUnitOfWork } from '../../src/db/repos/index.ts';

/**
 * A unit of work (repositories, transactions) on a test's database, without a job queue: what the
 * integration files each wrote as `const uow = () => createUnitOfWork(t.db.database)`.
 *
 *   uowOf(t).repos.users.get(id)        // t: a TestApp, or anything with `db.database`
 *   uowOf(db).run((r) => …)             // db: a TestDatabase
 */
export function uowOf(of: { database: Database } | { db: { database: Database } }): UnitOfWork {
  return createUnitOfWork('database' in of ? of.database : of.db.database);
}

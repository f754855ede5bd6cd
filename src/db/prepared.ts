import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/**
 * Statements built once, run in any session.
 *
 * Drizzle builds a query's SQL text from its builder on every execution (walking the builder, checking
 * every column and value): a quarter of the app's CPU on the relay's hot path, more than the driver's
 * own work (docs/BENCHMARKS.md, "Statements built once"). Drizzle's `.prepare()` keeps the built text
 * and the parameter slots (`sql.placeholder`), but ties them to the session it was built on, and the
 * repos run the same statement on the database and inside transactions. Here the built statement is kept
 * per database (keyed by the drizzle dialect, which the database and its transactions share) and run on
 * the caller's session: a shallow copy of drizzle's prepared query with that session's client.
 *
 * On PostgreSQL the name goes to the server as a named prepared statement (parsed once per connection,
 * as db/client.ts does for the rest). Names must be unique per statement text.
 *
 * This leans on two drizzle internals (`session`, `dialect` on a database, `client` on a prepared query;
 * drizzle-orm is pinned): test/integration/db/prepared.int.test.ts fails if either moves.
 */

interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

interface Internals {
  session: {
    client: unknown;
    prepareQuery(query: unknown, fields: undefined, name: string, arrayMode: boolean): Runnable<unknown>;
  };
  dialect: { sqlToQuery(sql: SQL): unknown };
}

/** A named slot, filled by each call: `sql.placeholder`, shorter. */
export const ph = (name: string) => sql.placeholder(name);

const internals = (db: DbOrTx) => db as unknown as Internals;
const names = new Set<string>();

function reserve(name: string): void {
  if (names.has(name)) throw new Error(`prepared statement ${name} is declared twice`);
  names.add(name);
}

function bindTo<R>(base: Runnable<R>, db: DbOrTx): Runnable<R> {
  const bound = Object.create(base) as Runnable<R> & { client: unknown };
  bound.client = internals(db).session.client;
  return bound;
}

/**
 * A query builder statement with `sql.placeholder(...)` slots: `build` runs once per database, then each
 * call fills the slots. Values placed in `insert().values()` go through the column's encoder (as
 * unprepared queries do), null included: a nullable timestamp or jsonb slot belongs in `sql\`...\``
 * (which, like values compared in `where`, reaches the driver as it is).
 */
export function prepared<V extends Record<string, unknown>, R>(
  name: string,
  build: (db: DbOrTx) => { prepare(name: string): Runnable<R> },
): (db: DbOrTx, values: V) => Promise<R> {
  reserve(name);
  const built = new WeakMap<object, Runnable<R>>();
  return (db, values) => {
    const key = internals(db).dialect;
    let base = built.get(key);
    if (!base) {
      base = build(db).prepare(name);
      built.set(key, base);
    }
    return bindTo(base, db).execute(values);
  };
}

/** Raw SQL with `sql.placeholder(...)` slots, answered as `db.execute` answers ({ rows }). */
export function preparedSql<V extends Record<string, unknown>, Row>(
  name: string,
  statement: SQL,
): (db: DbOrTx, values: V) => Promise<{ rows: Row[] }> {
  return prepared<V, { rows: Row[] }>(name, (db) => ({
    prepare: (n) => {
      const { session, dialect } = internals(db);
      return session.prepareQuery(dialect.sqlToQuery(statement), undefined, n, false) as Runnable<{
        rows: Row[];
      }>;
    },
  }));
}

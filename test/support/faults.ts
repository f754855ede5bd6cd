import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';

/**
 * Real failures from the real database, for tests of retries: the next `times` inserts into `table`
 * that match `when` (SQL over NEW) fail with an error, as a pool timeout, a failover or a lock error
 * would fail the transaction. The count lives in a sequence, which a rollback does not undo, so each
 * failed attempt uses one up. Works on PostgreSQL and PGlite alike.
 */
export async function failInserts(
  database: Database,
  table: string,
  opts: { times?: number; when?: string; message?: string } = {},
): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
  const times = opts.times ?? 1;
  const seq = `test_fault_${table}_seq`;
  const fn = `test_fault_${table}`;
  const message = (opts.message ?? `injected fault on ${table}`).replace(/'/g, "''");
  await database.db.execute(sql.raw(`create sequence if not exists ${seq}`));
  await database.db.execute(sql.raw(`alter sequence ${seq} restart with 1`));
  await database.db.execute(
    sql.raw(`
    create or replace function ${fn}() returns trigger language plpgsql as $$
    begin
      if ${opts.when ?? 'true'} then
        if nextval('${seq}') <= ${times} then
          raise exception '${message}';
        end if;
      end if;
      return new;
    end $$`),
  );
  await database.db.execute(sql.raw(`drop trigger if exists ${fn}_trg on ${table}`));
  await database.db.execute(
    sql.raw(`create trigger ${fn}_trg before insert on ${table} for each row execute function ${fn}()`),
  );
}

/** Removes the fault from `table`. */
export async function clearFaults(database: Database, table: string): Promise<void> {
  await database.db.execute(sql.raw(`drop trigger if exists test_fault_${table}_trg on ${table}`));
}

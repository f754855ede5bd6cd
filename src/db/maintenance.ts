import type pg from 'pg';
import type { Database } from './client.ts';

/** What one maintenance pass did (the `maintenance` job logs it). */
export interface MaintenanceRun {
  /** Tables vacuumed (`schema.table`), in the order they ran. */
  vacuumed: string[];
  /** Tables analyzed (with their vacuum, or alone). */
  analyzed: string[];
  /** Whether the pass ended with a checkpoint (bytes of WAL it covered), or null. */
  checkpointed: number | null;
  /** The whole pass, the statistics read included. */
  ms: number;
}

interface DueRow {
  name: string;
  vacuum: boolean;
  analyze: boolean;
}

/**
 * The tables past PostgreSQL's own autovacuum thresholds (read from the server's `autovacuum_*`
 * settings, so a change there applies here too): dead rows above `threshold + scale × rows` need a
 * vacuum, as do inserts since the last one (it marks their pages all-visible: index-only scans, no heap
 * check per probe); changes since the last analyze above theirs need fresh planner statistics.
 */
const DUE = `
  with s as (
    select current_setting('autovacuum_vacuum_threshold')::float8 as vt,
           current_setting('autovacuum_vacuum_scale_factor')::float8 as vs,
           current_setting('autovacuum_vacuum_insert_threshold')::float8 as it,
           current_setting('autovacuum_vacuum_insert_scale_factor')::float8 as isf,
           current_setting('autovacuum_analyze_threshold')::float8 as at,
           current_setting('autovacuum_analyze_scale_factor')::float8 as asf
  )
  select format('%I.%I', t.schemaname, t.relname) as name,
         (t.n_dead_tup > s.vt + s.vs * greatest(c.reltuples, 0)
           or t.n_ins_since_vacuum > s.it + s.isf * greatest(c.reltuples, 0)) as vacuum,
         t.n_mod_since_analyze > s.at + s.asf * greatest(c.reltuples, 0) as analyze
    from pg_stat_user_tables t
    join pg_class c on c.oid = t.relid
    cross join s
   where c.relkind = 'r'
     and (t.n_dead_tup > s.vt + s.vs * greatest(c.reltuples, 0)
       or t.n_ins_since_vacuum > s.it + s.isf * greatest(c.reltuples, 0)
       or t.n_mod_since_analyze > s.at + s.asf * greatest(c.reltuples, 0))
   order by t.n_dead_tup desc, t.relname`;

/**
 * WAL written since the last checkpoint past which a pass checkpoints at once; below it, a pass
 * checkpoints when the last one is older than `checkpoint_timeout` (5 minutes) and anything but the
 * checkpoint's own record was written since (an idle bot's job queue writes a little every 30 s).
 */
export const CHECKPOINT_WAL_BYTES = 64 * 1024 * 1024;
const CHECKPOINT_MIN_BYTES = 64 * 1024;

const WAL_SINCE_CHECKPOINT = `
  select pg_wal_lsn_diff(pg_current_wal_lsn(), c.redo_lsn)::float8 as bytes,
         extract(epoch from now() - c.checkpoint_time)::float8 as age_s,
         extract(epoch from current_setting('checkpoint_timeout')::interval)::float8 as timeout_s
    from pg_control_checkpoint() c`;

/**
 * Autovacuum for the embedded database. PGlite runs PostgreSQL as a single process with no autovacuum
 * worker, so without this nothing ever reclaims the space of updated and deleted rows: the outbox, the
 * stored updates and the job queue, whose rows churn with every message, grew without bound however
 * little they held (measured: an outbox holding 14,000 rows reached 107 MB of heap after 120,000 items
 * went through it, 5.9 MB when vacuumed; docs/BENCHMARKS.md, "The embedded database's autovacuum and checkpoints"), and
 * the planner never had statistics. Each pass vacuums and analyzes the tables past PostgreSQL's own
 * thresholds, one at a time (each statement holds the engine's one connection while it runs, so other
 * statements wait for a table's vacuum, not for all of them). On PostgreSQL the server's autovacuum does
 * this: nothing runs.
 *
 * Nor does PGlite checkpoint on its own (no checkpointer; `max_wal_size` and `checkpoint_timeout` are
 * never acted on): its write-ahead log grew until the next clean shutdown (measured: 145 MB of `pg_wal`
 * after 40 rounds of 5,000 rows in and out, 49 MB with a checkpoint every 5 rounds), and a crash would
 * replay all of it at the next start. A pass checkpoints as PostgreSQL's checkpointer would: past
 * CHECKPOINT_WAL_BYTES of WAL, or when the last checkpoint is older than `checkpoint_timeout`.
 */
export async function maintainDatabase(
  database: Database,
  opts: { checkpointWalBytes?: number } = {},
): Promise<MaintenanceRun | null> {
  if (database.engine !== 'pglite') return null;
  return maintainPool(database.pool, opts);
}

/** One pass over `pool`'s database (exported for the bench, which compares with and without). */
export async function maintainPool(
  pool: pg.Pool,
  opts: { checkpointWalBytes?: number } = {},
): Promise<MaintenanceRun> {
  const started = performance.now();
  const run: MaintenanceRun = { vacuumed: [], analyzed: [], checkpointed: null, ms: 0 };
  const { rows } = await pool.query<DueRow>(DUE);
  for (const row of rows) {
    // The name comes from the catalogue, quoted by format('%I'): not user input.
    const what = row.vacuum ? (row.analyze ? 'vacuum (analyze)' : 'vacuum') : 'analyze';
    await pool.query(`${what} ${row.name}`);
    if (row.vacuum) run.vacuumed.push(row.name);
    if (row.analyze) run.analyzed.push(row.name);
  }
  const [wal] = (await pool.query<{ bytes: number; age_s: number; timeout_s: number }>(WAL_SINCE_CHECKPOINT))
    .rows;
  if (
    wal &&
    (wal.bytes >= (opts.checkpointWalBytes ?? CHECKPOINT_WAL_BYTES) ||
      (wal.bytes > CHECKPOINT_MIN_BYTES && wal.age_s >= wal.timeout_s))
  ) {
    await pool.query('checkpoint');
    run.checkpointed = Math.round(wal.bytes);
  }
  run.ms = Math.round((performance.now() - started) * 10) / 10;
  return run;
}

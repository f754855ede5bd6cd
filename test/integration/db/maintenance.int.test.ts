import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '../../../src/db/client.ts';
import { maintainDatabase } from '../../../src/db/maintenance.ts';
import { createJobs } from '../../../src/jobs/boss.ts';
import { startMaintenanceWorker } from '../../../src/jobs/workers/maintenance.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, engineName, type TestDatabase } from '../../support/db.ts';
import { eventually } from '../../support/eventually.ts';

/**
 * db/maintenance.ts: the embedded engine has no autovacuum of its own. Runs on an embedded database in
 * both passes of the suite (the PostgreSQL pass checks that the server is left to its own autovacuum).
 */
let embedded: Database;
beforeAll(async () => {
  embedded = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateDatabase(embedded);
}, 120_000);
afterAll(async () => {
  await embedded?.close();
});

const q = async <R extends Record<string, unknown>>(sqlText: string): Promise<R[]> =>
  (await embedded.pool.query<R>(sqlText)).rows;

/** A send's life in the outbox: queued, sent, and pruned by housekeeping a week later. */
async function churn(items: number, round: number): Promise<void> {
  await q(`insert into outbox (lane, chat_id, kind, payload, sort_key, idempotency_key)
    select 'in:' || (g % 50), -100, 'notice', jsonb_build_object('kind', 'notice', 'chatId', -100, 'html', repeat('x', 300)), g,
           'churn:${round}:' || g
      from generate_series(1, ${items}) g`);
  await q(`update outbox set status = 'done', done_at = now() where idempotency_key like 'churn:${round}:%'`);
  await q(`delete from outbox where idempotency_key like 'churn:${round}:%'`);
  // The engine reports a statement's counts to its statistics at the next idle moment.
  await q('select pg_stat_force_next_flush()');
  await q('select 1');
}

const outboxStats = async () =>
  (
    await q<{ dead: string; vacuumed: Date | null; analyzed: Date | null }>(
      `select n_dead_tup as dead, last_vacuum as vacuumed, last_analyze as analyzed
         from pg_stat_user_tables where relname = 'outbox'`,
    )
  )[0]!;
const heapBytes = async () =>
  Number((await q<{ b: string }>(`select pg_relation_size('outbox') as b`))[0]!.b);

describe('the embedded database autovacuum', () => {
  it('vacuums and analyzes the tables past the thresholds, so their space is used again', async () => {
    await churn(3000, 1);
    expect(Number((await outboxStats()).dead)).toBeGreaterThanOrEqual(3000);
    const grown = await heapBytes();

    const run = await maintainDatabase(embedded);
    expect(run?.vacuumed).toContain('public.outbox');
    expect(run?.analyzed).toContain('public.outbox');
    await q('select pg_stat_force_next_flush()');
    const after = await outboxStats();
    expect(Number(after.dead)).toBe(0);
    expect(after.vacuumed).not.toBeNull();
    expect(after.analyzed).not.toBeNull();

    // The next round of the same size fits in the space the first one left: the table does not grow.
    await churn(3000, 2);
    expect(await heapBytes()).toBeLessThanOrEqual(grown * 1.1);
  }, 60_000);

  it('checkpoints past its WAL threshold, and not when nothing was written since', async () => {
    const wal = async () =>
      (
        await q<{ bytes: number }>(
          `select pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 as bytes from pg_control_checkpoint()`,
        )
      )[0]!.bytes;
    await churn(500, 4);
    const before = await wal();
    expect(before).toBeGreaterThan(100_000);
    const run = await maintainDatabase(embedded, { checkpointWalBytes: 100_000 });
    expect(run?.checkpointed).toBeGreaterThanOrEqual(before);
    expect(await wal()).toBeLessThan(1000);
    // Nothing written since: the default threshold and the checkpoint's age leave it be.
    expect((await maintainDatabase(embedded))?.checkpointed).toBeNull();
  }, 60_000);

  it('does nothing when nothing is past the thresholds', async () => {
    await maintainDatabase(embedded);
    await q(`insert into outbox (lane, chat_id, kind, payload, sort_key, idempotency_key)
      values ('in:1', -100, 'notice', '{"kind":"notice","chatId":-100,"html":"x"}', 1, 'one-more')`);
    await q('select pg_stat_force_next_flush()');
    await q('select 1');
    const run = await maintainDatabase(embedded);
    expect(run).toMatchObject({ vacuumed: [], analyzed: [], checkpointed: null });
  }, 60_000);

  it('runs as the maintenance job', async () => {
    await churn(1000, 3);
    const jobs = createJobs(embedded, createLogger('silent'));
    await jobs.start();
    try {
      const passes: unknown[] = [];
      const lines: Array<Record<string, unknown>> = [];
      await startMaintenanceWorker(
        jobs,
        async () => {
          const run = await maintainDatabase(embedded);
          passes.push(run);
          return run;
        },
        createLogger({
          level: 'info',
          destination: { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) },
        }),
      );
      await jobs.send('maintenance', {});
      await eventually(() => passes.length === 1, 20_000, 'the job ran a pass');
      expect(passes[0]).toMatchObject({ vacuumed: expect.arrayContaining(['public.outbox']) });
      // The operator's log says what the pass did (docs/OPERATIONS.md).
      await eventually(() => lines.some((l) => l.msg === 'database maintained'), 5_000, 'logged');
      const line = lines.find((l) => l.msg === 'database maintained')!;
      expect(line).toMatchObject({ level: 30, vacuumed: expect.arrayContaining(['public.outbox']) });
    } finally {
      await jobs.stop();
    }
  }, 60_000);

  it.runIf(engineName === 'postgres')('leaves PostgreSQL to its own autovacuum', async () => {
    const server: TestDatabase = await createTestDatabase();
    try {
      expect(await maintainDatabase(server.database)).toBeNull();
    } finally {
      await server.dispose();
    }
  });
});

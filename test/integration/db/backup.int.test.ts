import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerIntegrity } from '../../../src/app/system/ledger.ts';
import { backupsDir, BACKUPS_KEPT, listBackups, writeBackup } from '../../../src/db/backup.ts';
import { migrateDatabase, openDatabase, sql, type Database } from '../../../src/db/client.ts';
import { createRepos, createUnitOfWork } from '../../../src/db/repos/index.ts';
import { createJobs } from '../../../src/jobs/boss.ts';
import { QUEUES } from '../../../src/jobs/queues.ts';
import { startBackupWorker } from '../../../src/jobs/workers/backup.ts';
import { createLogger } from '../../../src/logger.ts';
import { eventually } from '../../support/eventually.ts';

/**
 * Backups of the embedded database: written under DATA_DIR/backups by the daily job, the newest 7 kept,
 * and `npm run restore` puts one back (after saving the current data), in a real DATA_DIR.
 */
let root: string;
let dataDir: string;
let database: Database;
const FAN = 7_001;
const now = new Date('2026-11-01T12:00:00Z');

const open = async () => {
  database = await openDatabase({ databaseUrl: null, dataDir });
  await migrateDatabase(database);
  return database;
};
const gift = (amount: number, key: string) =>
  createUnitOfWork(database).run((r) =>
    r.ledger.apply({ actor: 'test', userId: FAN, delta: amount, reason: 'gift', idempotencyKey: key }),
  );
const balance = async () => (await createUnitOfWork(database).repos.users.get(FAN))?.creditBalance;

/** `npm run restore -- <args>` in a child process (spawn, not spawnSync: a held lock keeps beating). */
function restore(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, BOT_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fb-backup-'));
  dataDir = join(root, 'data');
  await open();
  await createRepos(database.db).users.upsert({ id: FAN, firstName: 'Fan' }, now);
  await gift(10, 'backup-test-1');
  // A Telegram payment received but not applied yet when the backup is taken.
  await database.db.execute(sql`
    insert into payment_updates (kind, dedupe_key, user_id, charge_id, update_id, raw)
    values ('successful_payment', 'sp:backup-test', ${FAN}, 'backup-test', 1, '{}'::jsonb)`);
}, 120_000);
afterAll(async () => {
  await database?.close().catch(() => {});
  rmSync(root, { recursive: true, force: true });
});

describe('daily backups', () => {
  it('keeps the newest seven, newest first, and clears what a crash left half-written', async () => {
    const dir = backupsDir(dataDir);
    const written: string[] = [];
    for (let day = 1; day <= BACKUPS_KEPT + 2; day++) {
      if (day === BACKUPS_KEPT + 2)
        writeFileSync(join(dir, 'fanbridge-backup-crashed.jsonl.gz.partial'), 'x');
      const b = await writeBackup(database, dir, { now: new Date(Date.UTC(2026, 10, day, 3, 30)) });
      expect(b.rows).toBeGreaterThan(0);
      written.push(b.name);
    }
    const kept = listBackups(dir);
    expect(kept.map((b) => b.name)).toEqual(written.slice(-BACKUPS_KEPT).reverse());
    expect(kept[0]!.at.toISOString()).toBe('2026-11-09T03:30:00.000Z');
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('the backup job writes one through the job queue', async () => {
    const dir = join(root, 'by-job');
    const jobs = createJobs(database, createLogger('silent'));
    await jobs.start();
    try {
      await startBackupWorker(
        jobs,
        async () => {
          const b = await writeBackup(database, dir);
          return { name: b.name, bytes: b.bytes, rows: b.rows, removed: b.removed };
        },
        createLogger('silent'),
      );
      await jobs.send('backup', {});
      await eventually(() => listBackups(dir).length === 1, 20_000, 'the job wrote a backup');
      expect((await jobs.boss.getQueue(QUEUES.backup.name))?.name).toBe('backup');
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});

describe('npm run restore', () => {
  it('puts a backup back after saving the current data, re-queues pending payments, and can be undone', async () => {
    const backup = listBackups(backupsDir(dataDir))[0]!;
    await gift(5, 'backup-test-after');
    expect(await balance()).toBe(15);

    // While the bot (here: this process) holds DATA_DIR, a restore cannot run.
    const busy = await restore([backup.path]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(/in use by another fanbridge process/);
    await database.close();

    const done = await restore([backup.path]);
    expect(done.stderr).toMatch(/restored \d+ rows of \d+ tables/);
    expect(done.stderr).toMatch(/queued again 1 Telegram payment/);
    expect(done.status).toBe(0);
    const safety = /saved the current data \(\d+ rows\) to (\S+)/.exec(done.stderr)?.[1];
    expect(safety && existsSync(safety)).toBe(true);
    // The safety copy is not one of the seven daily backups (rotation never removes it).
    expect(listBackups(backupsDir(dataDir)).some((b) => b.path === safety)).toBe(false);

    await open();
    expect(await balance()).toBe(10);
    expect((await checkLedgerIntegrity({ uow: createUnitOfWork(database) })).ok).toBe(true);
    const queued = await database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.telegramPayment.name} and state = 'created'`,
    );
    expect((queued as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(1);
    await database.close();

    // A file that is not a backup changes nothing.
    const junk = join(root, 'junk.jsonl.gz');
    writeFileSync(junk, 'not a backup');
    const refused = await restore([junk]);
    expect(refused.status).toBe(1);
    expect((await restore([])).status).toBe(2);

    // Restoring the safety copy undoes the restore.
    const undo = await restore([safety!]);
    expect(undo.status).toBe(0);
    await open();
    expect(await balance()).toBe(15);
  }, 180_000);
});

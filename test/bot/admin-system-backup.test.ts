import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SystemProbes } from '../../src/app/ports/index.ts';
import type { Config } from '../../src/config.ts';
import { backupFileName } from '../../src/db/backup.ts';
import type { Database } from '../../src/db/client.ts';
import type { Jobs } from '../../src/jobs/boss.ts';
import { createSystemProbes } from '../../src/system-probes.ts';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { engineName } from '../support/db.ts';
import { en } from '../support/i18n.ts';
import { command, fanUser } from '../support/updates.ts';

/**
 * System shows the embedded database's last backup (DATA_DIR/backups): none yet, its time and size,
 * overdue when it is more than a day old (or still missing a day after the start), and nothing at all
 * where backups are not made (PostgreSQL, whose backup is pg_dump's).
 */
let h: BotHarness;
let dir: string;
let probes: SystemProbes;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });

const probesFor = (backupsDir: string | null, startedAt: Date) =>
  createSystemProbes({
    config: { stripe: null, webhook: null } as unknown as Config,
    database: { ping: async () => {} } as unknown as Database,
    jobs: { boss: { getQueues: async () => [] } } as unknown as Jobs,
    api: {} as Api,
    startedAt,
    backupsDir,
  });

async function systemText(): Promise<string> {
  await h.handle(command(owner, '/system'));
  return String(h.lastMessage(OWNER_ID).text);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fb-backups-'));
  // One object the harness keeps: each test swaps its probes' behaviour in place.
  probes = probesFor(dir, new Date());
  h = await createBotHarness({ deps: { probes } });
});
afterAll(async () => {
  await h.dispose();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => h.reset());

describe('System → last backup', () => {
  it('none yet: says when the first is made; later, missing one is flagged', async () => {
    Object.assign(probes, probesFor(dir, h.stack.clock.now()));
    expect(await systemText()).toContain(en('admin-system-backup-none'));

    Object.assign(probes, probesFor(dir, new Date(h.stack.clock.now().getTime() - 27 * 3600_000)));
    expect(await systemText()).toContain(en('admin-system-backup-missing'));
  });

  it('shows the newest backup with its size, and flags one older than a day', async () => {
    Object.assign(probes, probesFor(dir, new Date(h.stack.clock.now().getTime() - 40 * 86_400_000)));
    const now = h.stack.clock.now().getTime();
    // Whole seconds: the screen shows the time to the minute at most.
    const at = new Date(Math.floor((now - 2 * 3600_000) / 1000) * 1000);
    writeFileSync(join(dir, backupFileName(new Date(now - 30 * 3600_000))), Buffer.alloc(10));
    writeFileSync(join(dir, backupFileName(at)), Buffer.alloc(3 * 1024 * 1024));
    writeFileSync(join(dir, 'fanbridge-pre-restore-x.jsonl.gz'), 'not a daily backup');
    expect(await systemText()).toContain(en('admin-system-backup-ok', { at, mb: '3.0' }));

    h.stack.clock.advance(25 * 3600_000);
    expect(await systemText()).toContain(en('admin-system-backup-overdue', { at, mb: '3.0' }));
  });

  it('says nothing about backups on PostgreSQL (no backups directory)', async () => {
    const pg = probesFor(null, h.stack.clock.now());
    expect('lastBackup' in pg).toBe(false);
    delete probes.lastBackup;
    const text = await systemText();
    expect(text).not.toContain('💾');
    expect(text).toContain('🗄');
  });
});

describe('System → database size', () => {
  const sizeProbes = (database: Database) =>
    createSystemProbes({
      config: { stripe: null, webhook: null } as unknown as Config,
      database,
      jobs: { boss: { getQueues: async () => [] } } as unknown as Jobs,
      api: {} as Api,
      startedAt: h.stack.clock.now(),
      backupsDir: null,
    });

  it('shows the database size, and the write-ahead log beside it on the embedded engine', async () => {
    const database = h.stack.db.database;
    Object.assign(probes, sizeProbes(database));
    const db = await probes.database();
    expect(db).toMatchObject({ ok: true, bytes: expect.any(Number) });
    if (!db.ok || db.bytes === undefined) throw new Error('no size');
    expect(db.bytes).toBeGreaterThan(1024 * 1024);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    const text = await systemText();
    if (engineName === 'pglite') {
      expect(db.walBytes).toBeGreaterThan(0);
      expect(text).toContain(
        en('admin-system-database-size-wal', { mb: mb(db.bytes), walMb: mb(db.walBytes!) }),
      );
    } else {
      expect(db.walBytes).toBeUndefined();
      expect(text).toContain(en('admin-system-database-size', { mb: mb(db.bytes) }));
    }
  });

  it('a database that answers but will not say its size still answers, without a size line', async () => {
    const database = h.stack.db.database;
    const refusing = {
      ...database,
      ping: async () => {},
      pool: {
        query: async () => Promise.reject(new Error('permission denied for function pg_database_size')),
      },
    } as unknown as Database;
    Object.assign(probes, sizeProbes(refusing));
    const text = await systemText();
    expect(text).toContain(en('admin-system-database-ok', { ms: 0 }).split('(')[0]!);
    expect(text).not.toContain(en('admin-system-database-size', { mb: '0.0' }).split(':')[0]!);
  });
});

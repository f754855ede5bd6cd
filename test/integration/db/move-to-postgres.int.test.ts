import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerIntegrity } from '../../../src/app/system/ledger.ts';
import { migrateDatabase, openDatabase, sql, type Database } from '../../../src/db/client.ts';
import { createRepos, createUnitOfWork } from '../../../src/db/repos/index.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';

/**
 * The README's move from the embedded database to PostgreSQL, end to end with the commands an operator
 * types: `npm run export` reads DATA_DIR, `npm run import` (DATABASE_URL set) loads a fresh PostgreSQL
 * database, and every row arrives. Without TEST_DATABASE_URL the target is another DATA_DIR.
 */
let root: string;
let target: TestDatabase | null = null;
const FANS = [8_001, 8_002, 8_003];

/** `npm run <export|import> -- …` in a child process, with the given database settings. */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/data.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', BOT_TOKEN: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Every table's rows as PostgreSQL renders them (UTC), sorted: equal means the same data. */
async function contents(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const list = await tx.execute(
      sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { t } of (list as { rows: Array<{ t: string }> }).rows) {
      const res = await tx.execute(sql.raw(`select to_jsonb(x)::text as r from "${t}" x`));
      out[t] = (res as { rows: Array<{ r: string }> }).rows.map((r) => r.r).sort();
    }
    return out;
  });
}

let source: Record<string, string[]>;
const sourceDir = () => join(root, 'embedded');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fb-move-'));
  const db = await openDatabase({ databaseUrl: null, dataDir: sourceDir() });
  try {
    await migrateDatabase(db);
    const now = new Date('2026-11-20T10:00:00Z');
    const uow = createUnitOfWork(db);
    for (const id of FANS) {
      await createRepos(db.db).users.upsert({ id, firstName: `Fan ${id} «ñ»`, username: `fan${id}` }, now);
      await uow.run((r) =>
        r.ledger.apply({
          actor: 'test',
          userId: id,
          delta: id % 100,
          reason: 'gift',
          idempotencyKey: `move-${id}`,
        }),
      );
    }
    await uow.repos.settings.set('welcome_text', { default: 'Hola 👋' }, FANS[0]!);
    source = await contents(db);
  } finally {
    await db.close();
  }
}, 120_000);
afterAll(async () => {
  await target?.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe(`moving from the embedded database to ${TEST_DATABASE_URL ? 'PostgreSQL' : 'another embedded one'}`, () => {
  it('npm run export, then npm run import into a fresh database: every row arrives, the books balance', async () => {
    const file = join(root, 'fanbridge.jsonl.gz');
    const exported = await cli(['export', file], { DATA_DIR: sourceDir() });
    expect(exported.stderr).toMatch(/exported \d+ rows of \d+ tables \(pglite\)/);
    expect(exported.status).toBe(0);

    let database: Database;
    if (TEST_DATABASE_URL) {
      target = await createTestDatabase({ migrate: false });
      const imported = await cli(['import', file], {
        DATABASE_URL: target.url!,
        DATA_DIR: join(root, 'unused'),
      });
      expect(imported.stderr).toMatch(/into postgres/);
      expect(imported.status).toBe(0);
      database = target.database;
    } else {
      const imported = await cli(['import', file], { DATA_DIR: join(root, 'other') });
      expect(imported.stderr).toMatch(/into pglite/);
      expect(imported.status).toBe(0);
      database = await openDatabase({ databaseUrl: null, dataDir: join(root, 'other') });
    }
    try {
      expect(await contents(database)).toEqual(source);
      const uow = createUnitOfWork(database);
      expect((await checkLedgerIntegrity({ uow })).ok).toBe(true);
      expect((await uow.repos.users.get(FANS[1]!))?.creditBalance).toBe(FANS[1]! % 100);
      // The bot carries on there: new rows get new ids.
      const more = await uow.run((r) =>
        r.ledger.apply({
          actor: 'test',
          userId: FANS[0]!,
          delta: 1,
          reason: 'gift',
          idempotencyKey: 'after-move',
        }),
      );
      expect(more.status).toBe('applied');
    } finally {
      if (!TEST_DATABASE_URL) await database.close();
    }
  }, 180_000);
});

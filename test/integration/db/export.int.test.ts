import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerIntegrity } from '../../../src/app/system/ledger.ts';
import { migrateDatabase, openDatabase, sql, type Database } from '../../../src/db/client.ts';
import {
  bufferStream,
  exportToBuffer,
  ExportFormatError,
  importDatabase,
  ImportRefusedError,
} from '../../../src/db/export.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { eventually } from '../../support/app.ts';
import { fanWithTopic, payLatestInvoice, topicCommand } from '../../support/flows.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import type { TestApp } from '../../support/app.ts';
import { useApp } from '../../support/suite.ts';
import { startForumApp } from '../../support/app.ts';
import { callbackQuery, command, groupTopicMessage } from '../../support/updates.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { fanUser } from '../../support/updates.ts';

/**
 * The logical export (`npm run export` / `npm run import`): a running bot's data — fans, their topics,
 * payments, ledger, outbox, settings — goes out as one file and comes back identical into a fresh
 * database of either engine (the move from the embedded database to PostgreSQL), all or nothing.
 */
let fake: FakeTelegram;
let t: TestApp;
useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

/** Every table's rows as PostgreSQL renders them (UTC), sorted: equal means the same data. */
async function contents(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const list: unknown = await tx.execute(
      sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    );
    const tables = (list as { rows: Array<{ t: string }> }).rows.map((r) => r.t);
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const res: unknown = await tx.execute(sql.raw(`select to_jsonb(x)::text as r from "${table}" x`));
      out[table] = (res as { rows: Array<{ r: string }> }).rows.map((r) => r.r).sort();
    }
    return out;
  });
}

/** A fresh migrated in-memory PGlite (the embedded engine), whatever the run's engine. */
async function freshPglite(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateDatabase(database);
  return database;
}

let exported: Buffer;
let source: Record<string, string[]>;
const targets: TestDatabase[] = [];
const fresh = async () => {
  const d = await createTestDatabase();
  targets.push(d);
  return d.database;
};
afterAll(async () => {
  for (const d of targets) await d.dispose();
});

beforeAll(async () => {
  // A little of everything: a paying fan with a topic and card, a relayed message, an admin reply, a note.
  const { fan, threadId } = await fanWithTopic(t, fake, 70_001, 'Élodie 🌸');
  await t.post(command(fan, '/buy'));
  const buy = fake
    .callsTo('sendMessage')
    .filter((c) => c.payload.chat_id === fan.id)
    .at(-1)!;
  const first = (buy.payload.reply_markup as Keyboard).inline_keyboard.flat()[0]!;
  await t.post(callbackQuery(fan, first.callback_data, fake.messagesIn(fan.id).at(-1)!));
  await payLatestInvoice(t, fake, fan, 'stx-export-1');
  await t.post(
    groupTopicMessage(ADMIN_GROUP_ID, threadId, fanUser(OWNER_ID, { first_name: 'Olivia' }), 'merci !', {
      fake,
    }),
  );
  await t.post(topicCommand(fake, threadId, '/note likes "quotes" and \\backslashes\\'));
  await eventually(
    () => fake.callsTo('copyMessage').some((c) => c.payload.chat_id === fan.id),
    5000,
    'the reply reached the fan',
  );
  await createUnitOfWork(t.db.database).repos.settings.set(
    'welcome_text',
    { default: 'Bienvenue' },
    OWNER_ID,
  );
  // The bot keeps working (cards, receipts): export once nothing moved while it ran.
  let out: Awaited<ReturnType<typeof exportToBuffer>> | null = null;
  for (let attempt = 0; attempt < 20 && !out; attempt++) {
    const before = await contents(t.db.database);
    const candidate = await exportToBuffer(t.db.database);
    source = await contents(t.db.database);
    if (JSON.stringify(before) === JSON.stringify(source)) out = candidate;
    else await new Promise((r) => setTimeout(r, 300));
  }
  if (!out) throw new Error('the database never stood still for an export');
  exported = out.data;
  expect(out.summary.rows).toBeGreaterThan(10);
  expect(source.users!.length).toBeGreaterThan(0);
  expect(source.ledger_entries!.length).toBeGreaterThan(1);
});

describe('export and import', () => {
  it('a fresh database of the same engine gets exactly the same rows, and the books still balance', async () => {
    const target = await fresh();
    const s = await importDatabase(target, bufferStream(exported));
    expect(s.rows).toBe(Object.values(source).reduce((n, r) => n + r.length, 0));
    const got = await contents(target);
    for (const table of Object.keys(source)) expect(got[table], table).toEqual(source[table]);
    expect((await checkLedgerIntegrity({ uow: createUnitOfWork(target) })).ok).toBe(true);
    // Ids continue after the imported ones: a new ledger entry does not collide.
    const uow = createUnitOfWork(target);
    const res = await uow.run((r) =>
      r.ledger.apply({
        actor: 'test',
        userId: 70_001,
        delta: 1,
        reason: 'gift',
        idempotencyKey: 'after-import',
      }),
    );
    expect(res.status).toBe('applied');
  });

  it.runIf(TEST_DATABASE_URL)(
    'moves between engines: PostgreSQL → embedded and back, identical',
    async () => {
      const embedded = await freshPglite();
      try {
        await importDatabase(embedded, bufferStream(exported));
        expect(await contents(embedded)).toEqual(source);
        const again = await exportToBuffer(embedded);
        const pgTarget = await fresh();
        await importDatabase(pgTarget, bufferStream(again.data));
        expect(await contents(pgTarget)).toEqual(source);
      } finally {
        await embedded.close();
      }
    },
  );

  it('refuses a target that already holds data; --replace empties it first, --force when a bot was just there', async () => {
    const target = await fresh();
    await importDatabase(target, bufferStream(exported));
    await expect(importDatabase(target, bufferStream(exported))).rejects.toThrow(ImportRefusedError);
    await expect(importDatabase(target, bufferStream(exported))).rejects.toThrow(/already holds data/);
    // Its updates are minutes old: a bot may be running on it, so replacing needs --force.
    await expect(importDatabase(target, bufferStream(exported), { replace: true })).rejects.toThrow(
      /stop it before replacing/,
    );
    await importDatabase(target, bufferStream(exported), { replace: true, force: true });
    expect(await contents(target)).toEqual(source);
  });

  it('a cut-short file writes nothing at all', async () => {
    const lines = gunzipLines(exported);
    const cut = gzipSync(`${lines.slice(0, -3).join('\n')}\n`);
    const target = await fresh();
    await expect(importDatabase(target, bufferStream(cut))).rejects.toThrow(ExportFormatError);
    const after = await contents(target);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
  });

  it('refuses files that are not an export, other formats and other schema versions', async () => {
    const target = await fresh();
    const lines = gunzipLines(exported);
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const withHeader = (h: Record<string, unknown>) =>
      gzipSync([JSON.stringify(h), ...lines.slice(1)].join('\n'));
    await expect(importDatabase(target, bufferStream(Buffer.from('hello')))).rejects.toThrow(
      ExportFormatError,
    );
    await expect(importDatabase(target, bufferStream(gzipSync('{"a":1}\n')))).rejects.toThrow(
      /not a fanbridge export/,
    );
    await expect(importDatabase(target, bufferStream(withHeader({ ...header, format: 99 })))).rejects.toThrow(
      /format 99/,
    );
    await expect(
      importDatabase(
        target,
        bufferStream(withHeader({ ...header, migrations: Number(header.migrations) - 1 })),
      ),
    ).rejects.toThrow(/schema version/);
    // A forged table name is refused, not interpolated.
    const forged = gzipSync(
      [
        lines[0],
        JSON.stringify({ '@table': 'users"; drop table users; --', columns: [] }),
        ...lines.slice(1),
      ].join('\n'),
    );
    await expect(importDatabase(target, bufferStream(forged))).rejects.toThrow(/does not know/);
    expect(Object.values(await contents(target)).every((rows) => rows.length === 0)).toBe(true);
  });
});

describe('npm run export / npm run import', () => {
  it('the commands round-trip an embedded DATA_DIR into another and report what they did', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-export-'));
    try {
      const file = join(dir, 'data.jsonl.gz');
      writeFileSync(file, exported);
      const env = { ...process.env, DATABASE_URL: '', DATA_DIR: join(dir, 'a'), BOT_TOKEN: '' };
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/data.ts', ...args], {
          env,
          encoding: 'utf8',
        });
      const imported = run(['import', file]);
      expect(imported.stderr).toMatch(/imported \d+ rows of \d+ tables/);
      expect(imported.status).toBe(0);
      const twice = run(['import', file]);
      expect(twice.status).toBe(1);
      expect(twice.stderr).toMatch(/already holds data/);
      const out = join(dir, 'again.jsonl.gz');
      const again = run(['export', out]);
      expect(again.status).toBe(0);
      expect(again.stderr).toContain(out);
      expect(run(['import']).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

function gunzipLines(data: Buffer): string[] {
  return gunzipSync(data).toString('utf8').trimEnd().split('\n');
}

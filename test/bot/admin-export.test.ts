import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataExportFile, SystemProbes } from '../../src/app/ports/index.ts';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { sql } from '../../src/db/client.ts';
import { ExportBusyError, exportToFile } from '../../src/db/export.ts';
import { createSystemProbes } from '../../src/system-probes.ts';
import type { Config } from '../../src/config.ts';
import type { Jobs } from '../../src/jobs/boss.ts';
import type { Api } from 'grammy';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser } from '../support/updates.ts';

/**
 * System → Export all data (owners: `data.export`): a confirmation, then the whole database as one
 * document (removed from disk once sent), or, over 50 MB, a file left under DATA_DIR/exports.
 */
const dir = mkdtempSync(join(tmpdir(), 'fb-hub-export-'));
let exportData: () => Promise<DataExportFile>;
const probes: SystemProbes = {
  version: '1.0.0-test',
  startedAt: new Date(),
  stripeConfigured: false,
  database: async () => ({ ok: true, ms: 1 }),
  jobs: async () => ({ ok: true, ready: 0, deferred: 0, active: 0 }),
  webhook: async () => null,
  exportData: () => exportData(),
};

let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(33_001, { first_name: 'Max' });

const realExport = async (): Promise<DataExportFile> => {
  const fileName = `fanbridge-${Date.now()}.jsonl.gz`;
  const path = join(dir, fileName);
  const s = await exportToFile(h.stack.db.database, path);
  return { path, fileName, bytes: statSync(path).size, tables: s.tables, rows: s.rows };
};

beforeAll(async () => {
  h = await createBotHarness({ deps: { probes } });
  await h.stack.uow.repos.team.set(
    { userId: manager.id, role: 'manager', addedBy: OWNER_ID },
    h.stack.clock.now(),
  );
});
afterAll(async () => {
  await h.dispose();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  h.reset();
  exportData = realExport;
});

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const menuCalls = (chatId: number) =>
  h.calls.filter(
    (c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId,
  );
const button = (chatId: number, label: string) => {
  const b = buttonsOf(menuCalls(chatId).at(-1)!).find((x) => x.text === label);
  return b?.callback_data ?? null;
};

async function systemScreen(who: typeof owner): Promise<Message> {
  await h.handle(command(who, '/system'));
  return h.lastMessage(who.id);
}
async function press(who: typeof owner, data: string, message: Message) {
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, message));
  const calls = h.calls.slice(before);
  expect(calls[0]?.method).toBe('answerCallbackQuery');
  return calls;
}

describe('System → Export all data', () => {
  it('an owner confirms, gets the export as a protected document, and the file leaves the disk', async () => {
    const menu = await systemScreen(owner);
    await press(owner, button(owner.id, en('admin-system-export'))!, menu);
    expect(menuCalls(owner.id).at(-1)!.payload.text).toBe(en('admin-system-export-confirm'));

    let sentPath: string | null = null;
    let content = '';
    let bytes = 0;
    h.respond('sendDocument', (p) => {
      const file = p.document as InputFile;
      sentPath = String((file as unknown as { fileData: string }).fileData);
      content = gunzipSync(readFileSync(sentPath)).toString('utf8');
      bytes = statSync(sentPath).size;
      return undefined;
    });
    try {
      const calls = await press(owner, button(owner.id, en('admin-system-export-go'))!, menu);
      const doc = calls.find((c) => c.method === 'sendDocument')!;
      expect(doc.payload).toMatchObject({ chat_id: owner.id, protect_content: true });
      expect((doc.payload.document as InputFile).filename).toMatch(/^fanbridge-.*\.jsonl\.gz$/);
      const lines = content.trimEnd().split('\n');
      expect(JSON.parse(lines[0]!)).toMatchObject({ '@export': 'fanbridge', format: 1 });
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ '@end': true });
      expect(existsSync(sentPath!)).toBe(false);
      const tables = lines.filter((l) => l.startsWith('{"@table"')).length;
      const done = calls.at(-1)!;
      expect(done.method).toBe('editMessageText');
      expect(done.payload.text).toBe(
        en('admin-system-export-sent', {
          rows: lines.length - 2 - tables,
          tables,
          mb: (bytes / 1024 / 1024).toFixed(1),
        }),
      );
    } finally {
      h.respond('sendDocument', null);
    }
    const audit: unknown = await h.stack.db.database.db.execute(
      sql`select actor_id from audit_log where action = 'data_export'`,
    );
    expect(
      (audit as { rows: Array<{ actor_id: number | string }> }).rows.map((r) => Number(r.actor_id)),
    ).toEqual([OWNER_ID]);
  });

  it('over 50 MB the export stays on the server and the screen says where', async () => {
    exportData = async () => ({
      path: '/srv/fanbridge/data/exports/fanbridge-big.jsonl.gz',
      fileName: 'fanbridge-big.jsonl.gz',
      bytes: 60 * 1024 * 1024,
      tables: 30,
      rows: 2_000_000,
    });
    const menu = await systemScreen(owner);
    await press(owner, button(owner.id, en('admin-system-export'))!, menu);
    const calls = await press(owner, button(owner.id, en('admin-system-export-go'))!, menu);
    expect(calls.some((c) => c.method === 'sendDocument')).toBe(false);
    expect(calls.at(-1)!.payload.text).toBe(
      en('admin-system-export-kept', {
        rows: 2_000_000,
        tables: 30,
        mb: '60.0',
        path: '/srv/fanbridge/data/exports/fanbridge-big.jsonl.gz',
      }),
    );
  });

  it('a failed export says so and sends nothing', async () => {
    exportData = async () => {
      throw new Error('disk full');
    };
    const menu = await systemScreen(owner);
    await press(owner, button(owner.id, en('admin-system-export'))!, menu);
    const calls = await press(owner, button(owner.id, en('admin-system-export-go'))!, menu);
    expect(calls.some((c) => c.method === 'sendDocument')).toBe(false);
    expect(calls.at(-1)!.payload.text).toBe(en('admin-system-export-failed', { error: 'disk full' }));
  });

  it('a second export while one is being written is told so; the process writes one at a time', async () => {
    // The screen: the probe says it is busy.
    exportData = async () => {
      throw new ExportBusyError();
    };
    const menu = await systemScreen(owner);
    await press(owner, button(owner.id, en('admin-system-export'))!, menu);
    const calls = await press(owner, button(owner.id, en('admin-system-export-go'))!, menu);
    expect(calls.some((c) => c.method === 'sendDocument')).toBe(false);
    expect(calls.at(-1)!.payload.text).toBe(en('admin-system-export-busy'));
    // The real probe: two at once, the second refused, and after the first a new one runs.
    const real = createSystemProbes({
      config: { dataDir: dir, stripe: null, webhook: null } as unknown as Config,
      database: h.stack.db.database,
      jobs: null as unknown as Jobs,
      api: null as unknown as Api,
      startedAt: new Date(),
    });
    const first = real.exportData!();
    await expect(real.exportData!()).rejects.toThrow(ExportBusyError);
    const done = await first;
    expect(done.rows).toBeGreaterThan(0);
    const again = await real.exportData!();
    expect(again.path).not.toBe(done.path);
  });

  it('a manager sees no export button, and a forged press on their live menu exports nothing', async () => {
    const menu = await systemScreen(manager);
    expect(button(manager.id, en('admin-system-export'))).toBeNull();
    const nonce = hubData.unpack(button(manager.id, en('admin-hub-refresh'))!)!.nonce;
    let called = false;
    exportData = async () => {
      called = true;
      return realExport();
    };
    for (const act of ['export', 'exportgo']) {
      const calls = await press(manager, hubData.pack({ nonce, cat: 'system', act, arg: '0' }), menu);
      expect(calls.some((c) => c.method === 'sendDocument')).toBe(false);
      expect(calls.at(-1)!.payload.text).toBe(en('admin-hub-not-allowed'));
    }
    expect(called).toBe(false);
  });
});

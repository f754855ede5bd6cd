import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.ts';
import { createLogger } from '../../../src/logger.ts';
import { withLogFields } from '../../../src/logging/context.ts';
import { secretValues } from '../../../src/logging/redact.ts';
import { startApp, type RunningApp } from '../../../src/server.ts';
import { testConfig } from '../../support/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { SENTINELS } from '../../support/sentinels.ts';
import { command, fanUser, toUpdate } from '../../support/updates.ts';

/** Every line written while one update is handled carries its update_id (and the request's req_id). */
let fake: FakeTelegram;
let db: TestDatabase;
let app: RunningApp;
const raw: string[] = [];
const lines = () => raw.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  fake = await startFakeTelegram();
  db = await createTestDatabase({ migrate: false });
  const config = testConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    WEBHOOK_URL: 'https://bot.example.com',
    WEBHOOK_SECRET: SENTINELS.webhookSecret,
    LOG_LEVEL: 'debug',
  });
  const logger = createLogger({
    level: 'debug',
    secrets: secretValues(config),
    destination: { write: (s: string) => void raw.push(s) },
  });
  app = await startApp(config, logger, {
    database: db.database,
    botInfo: fake.botInfo,
    hostname: '127.0.0.1',
  });
});
afterAll(async () => {
  await app.stop();
  await db.dispose();
  await fake.close();
});

const post = (update: object, requestId: string) =>
  fetch(`http://127.0.0.1:${app.port}/telegram-webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-telegram-bot-api-secret-token': SENTINELS.webhookSecret,
      'x-request-id': requestId,
    },
    body: JSON.stringify(update),
  });

describe('log lines of one update', () => {
  it('carry its update_id and the request id, once each, on every line written while it is handled', async () => {
    const fan = fanUser(8401);
    // The answer to /start is refused for good: the lifecycle logs, apologises, records the error.
    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something odd' });
    const failing = command(fan, '/start');
    expect((await post(failing, 'req-fail-1')).status).toBe(200);
    // An update no feature handles: a debug line from the last handler.
    const stray = toUpdate({
      poll: {
        id: 'p1',
        question: 'q',
        options: [],
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: 'regular',
        allows_multiple_answers: false,
      },
    } as never);
    await post(stray, 'req-stray-1');
    // Both are answered once stored, and handled right after.
    const left = async () =>
      (
        (await db.database.db.execute(sql`select count(*)::int as n from inbound_updates`)) as {
          rows: Array<{ n: number }>;
        }
      ).rows[0]!.n;
    await eventually(async () => (await left()) === 0, 10_000, 'both updates handled');

    const ofRequest = (id: string) => lines().filter((l) => l.req_id === id && l.msg !== 'request');
    const failed = ofRequest('req-fail-1');
    expect(failed.map((l) => l.msg)).toContain('update handler failed; not retried');
    for (const l of failed) expect(l.update_id, String(l.msg)).toBe(failing.update_id);
    const strays = ofRequest('req-stray-1');
    expect(strays.map((l) => l.msg)).toContain('update not handled');
    for (const l of strays) expect(l.update_id, String(l.msg)).toBe(stray.update_id);
    // Written once per line (a child binding and the context would write the key twice).
    for (const l of raw.filter((r) => r.includes('"update_id":')))
      expect(l.split('"update_id":').length - 1).toBe(1);
    // The request line itself names the request.
    expect(lines().find((l) => l.req_id === 'req-fail-1' && l.msg === 'request')).toMatchObject({
      status: 200,
    });
  });

  it('any logger of the process writes the fields of the handling it runs in, and none outside it', () => {
    const out: string[] = [];
    const other = createLogger({ level: 'info', destination: { write: (s: string) => void out.push(s) } });
    withLogFields({ req_id: 'r1' }, () =>
      withLogFields({ update_id: 42 }, () => other.child({ worker: 'x' }).info('inside')),
    );
    other.info('outside');
    const [inside, outside] = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: 'inside', req_id: 'r1', update_id: 42, worker: 'x' });
    expect(outside).not.toHaveProperty('update_id');
    expect(outside).not.toHaveProperty('req_id');
  });

  it('keeps a caller-given request id only when it is a plain token', async () => {
    const res = await post(command(fanUser(8402), '/help'), 'bad id with spaces');
    const given = res.headers.get('x-request-id')!;
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
  });
});

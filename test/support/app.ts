import { sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { createLogger } from '../../src/logger.ts';
import { secretValues } from '../../src/logging/redact.ts';
import type { RenderTimings } from '../../src/app/relay/refresh.ts';
import type { Clock } from '../../src/domain/shared/index.ts';
import { defaultBudgets } from '../../src/app/outbox/policy.ts';
import { type SenderOptions } from '../../src/jobs/outbox/index.ts';
import { startApp, type RunningApp } from '../../src/server.ts';
import { ADMIN_GROUP_ID, testConfig } from './config.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { SENTINELS } from './sentinels.ts';
import { eventually } from './eventually.ts';
import { scaledFloodLimits, startFakeTelegram, type FakeTelegram } from './fake-telegram/index.ts';

export const WEBHOOK_SECRET = SENTINELS.webhookSecret;

export interface TestApp {
  app: RunningApp;
  db: TestDatabase;
  baseUrl: string;
  /**
   * POSTs an update to /telegram-webhook over real HTTP, with the secret header. A payment update is
   * applied by a job after the answer: `post` waits for that too, unless `settle: false`.
   */
  post(
    update: Update | Record<string, unknown> | null,
    opts?: { secret?: string | null; raw?: string; settle?: boolean },
  ): Promise<Response>;
  /** Waits until every stored payment update has been applied (or given up). */
  paymentsSettled(timeoutMs?: number): Promise<void>;
  /**
   * Waits until the outbox holds nothing still to send to `chatId` (its receipts, notices and relays have
   * reached the fake): the pacer may hold a fan's receipt after the test's own check passed.
   */
  outboxSettled(chatId: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boots the whole app (migrations, pg-boss, bot, HTTP) against the fake Bot API and a fresh database.
 * Webhook mode by default; `mode: 'polling'` runs the grammY runner against the fake's getUpdates.
 */
export async function startTestApp(
  fake: FakeTelegram,
  opts: {
    env?: Record<string, string | undefined>;
    mode?: 'webhook' | 'polling';
    db?: TestDatabase;
    outbox?: Partial<SenderOptions>;
    renderTimings?: RenderTimings;
    updateRetryDelaysMs?: number[];
    /** The app's clock (e.g. one a test moves forward); the wall clock by default. */
    clock?: Clock;
  } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase({ migrate: false }));
  const config = testConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(opts.mode === 'polling' ? {} : { WEBHOOK_URL: 'https://bot.example.com', WEBHOOK_SECRET }),
    ...opts.env,
  });
  const app = await startApp(
    config,
    createLogger({
      level: process.env.TEST_LOG_LEVEL === undefined ? 'silent' : (process.env.TEST_LOG_LEVEL as 'info'),
      secrets: secretValues(config),
    }),
    {
      database: db.database,
      ...(opts.outbox ? { outbox: opts.outbox } : {}),
      ...(opts.renderTimings ? { renderTimings: opts.renderTimings } : {}),
      ...(opts.updateRetryDelaysMs ? { updateRetryDelaysMs: opts.updateRetryDelaysMs } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
      botInfo: fake.botInfo,
      hostname: '127.0.0.1',
    },
  );
  const baseUrl = `http://127.0.0.1:${app.port}`;
  const testApp: TestApp = {
    app,
    db,
    baseUrl,
    async post(update, { secret = WEBHOOK_SECRET, raw, settle = true } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
      const res = await fetch(`${baseUrl}/telegram-webhook`, {
        method: 'POST',
        headers,
        body: raw ?? JSON.stringify(update),
      });
      if (settle && res.ok && update && isPaymentUpdate(update)) await testApp.paymentsSettled();
      return res;
    },
    async paymentsSettled(timeoutMs = 15_000) {
      await eventually(
        async () => {
          const res = (await db.database.db.execute(
            sql`select count(*)::int as n from payment_updates where status = 'pending'`,
          )) as { rows: Array<{ n: number }> };
          return res.rows[0]!.n === 0;
        },
        timeoutMs,
        'payment updates applied',
      );
    },
    async outboxSettled(chatId, timeoutMs = 10_000) {
      await eventually(
        async () => {
          const res = (await db.database.db.execute(
            sql`select count(*)::int as n from outbox where chat_id = ${chatId} and status in ('pending', 'sending')`,
          )) as { rows: Array<{ n: number }> };
          return res.rows[0]!.n === 0;
        },
        timeoutMs,
        `the outbox settled for chat ${chatId}`,
      );
    },
    async stop() {
      await app.stop();
      if (!opts.db) await db.dispose();
    },
  };
  return testApp;
}

function isPaymentUpdate(update: Record<string, unknown> | Update): boolean {
  const m = (update as { message?: Record<string, unknown> }).message;
  return Boolean(m?.successful_payment ?? m?.refunded_payment ?? (update as Update).purchased_paid_media);
}

export { eventually } from './eventually.ts';

/**
 * The usual relay setup: a fake Bot API that knows the admin forum group, and the app configured with it.
 * Flood limits are off on both sides unless `scale` is given (then both use Telegram's limits, windows
 * divided by `scale`).
 */
export async function startForumApp(
  opts: {
    scale?: number;
    renderTimings?: RenderTimings;
    env?: Record<string, string | undefined>;
    clock?: Clock;
    /** More admin forum groups (known to the fake, in `ADMIN_GROUP_IDS`), after ADMIN_GROUP_ID. */
    moreGroups?: number[];
    /** Runs on the fake before the app starts (e.g. who is a member of which group). */
    beforeStart?: (fake: FakeTelegram) => void;
  } = {},
): Promise<{ fake: FakeTelegram; t: TestApp; stop(): Promise<void> }> {
  const fake = await startFakeTelegram(opts.scale ? { flood: scaledFloodLimits(opts.scale) } : {});
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  for (const [i, id] of (opts.moreGroups ?? []).entries())
    fake.addForumGroup(id, { title: `Inbox ${i + 2}` });
  opts.beforeStart?.(fake);
  const t = await startTestApp(fake, {
    env: {
      ADMIN_GROUP_ID: String(ADMIN_GROUP_ID),
      ...(opts.moreGroups ? { ADMIN_GROUP_IDS: opts.moreGroups.join(',') } : {}),
      ...opts.env,
    },
    outbox: { budgets: defaultBudgets(opts.scale ?? 1000) },
    ...(opts.renderTimings ? { renderTimings: opts.renderTimings } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  return {
    fake,
    t,
    async stop() {
      await t.stop();
      await fake.close();
    },
  };
}

import { sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { createLogger } from '../../src/logger.ts';
import { secretValues } from '../../src/logging/redact.ts';
import type { RenderTimings } from '../../src/app/relay/refresh.ts';
import type { Clock } from '../../src/domain/shared/index.ts';
import { defaultBudgets } from '../../src/app/outbox/policy.ts';
import { type SenderOptions } from '../../src/jobs/outbox/index.ts';
import { startApp, type RunningApp } from '../../src/server.ts';
import type { InboundOptions } from '../../src/bot/inbound.ts';
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
   * POSTs an update to /telegram-webhook over real HTTP, with the secret header. The webhook stores the
   * update and answers; `post` then waits until the drainer has handled it (and, for a payment update,
   * until the job applied it), unless `settle: false`.
   */
  post(
    update: Update | Record<string, unknown> | null,
    opts?: { secret?: string | null; raw?: string; settle?: boolean },
  ): Promise<Response>;
  /** Waits until the stored webhook update `updateId` has been handled (every stored one without it). */
  updatesSettled(updateId?: number, timeoutMs?: number): Promise<void>;
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
    /** The stored-update drainer's tuning (webhook mode). */
    inbound?: Partial<InboundOptions>;
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
      // A failed update runs again within milliseconds (the production pauses are 1 s, 3 s, 10 s…).
      updateRetryDelaysMs: opts.updateRetryDelaysMs ?? [20, 40, 80, 160],
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.inbound ? { inbound: opts.inbound } : {}),
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
      if (settle && res.ok && update) {
        const id = (update as { update_id?: unknown }).update_id;
        await testApp.updatesSettled(typeof id === 'number' ? id : undefined);
        if (isPaymentUpdate(update)) await testApp.paymentsSettled();
      }
      return res;
    },
    async updatesSettled(updateId, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = (await db.database.db.execute(
          updateId === undefined
            ? sql`select count(*)::int as n from inbound_updates`
            : sql`select count(*)::int as n from inbound_updates where update_id = ${updateId}`,
        )) as { rows: Array<{ n: number }> };
        if (Number(res.rows[0]!.n) === 0) return;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for stored update ${updateId ?? '(all)'} to be handled`);
        await new Promise((r) => setTimeout(r, 5));
      }
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

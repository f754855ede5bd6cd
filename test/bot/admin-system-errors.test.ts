import { sql } from 'drizzle-orm';
import type { Api } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SystemProbes } from '../../src/app/ports/index.ts';
import type { Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { createStripeClient } from '../../src/integrations/stripe/client.ts';
import type { Jobs } from '../../src/jobs/boss.ts';
import { createScrubber } from '../../src/logging/redact.ts';
import { createSystemProbes } from '../../src/system-probes.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe/index.ts';
import { en } from '../support/i18n.ts';
import { STRIPE_KEY } from '../support/stripe.ts';
import { callbackQuery, command, fanUser } from '../support/updates.ts';

/**
 * System's additions: the last errors of the update lifecycle (recorded without secrets, at most 20
 * kept, shown on their own screen and as the dashboard's last-error line) and Stripe's reachability.
 */
let h: BotHarness;
let stripe: FakeStripe;
let probes: SystemProbes;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(42_001, { first_name: 'Max' });
const agent = fanUser(42_002, { first_name: 'Ana' });
const fan = fanUser(42_003);

/** A configured secret (the scrubber knows it) and a token-like string (any bot token's shape). */
const SECRET = 'configured-secret-value-42';
const TOKEN = '1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0';

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const lastScreen = (chatId = OWNER_ID) =>
  h.calls
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId)
    .at(-1)!;
const screenText = (chatId = OWNER_ID) => String(lastScreen(chatId).payload.text);
let menu: Message;
async function open(cmd: string, who = owner) {
  await h.handle(command(who, cmd));
  menu = h.lastMessage(who.id);
}
async function pressLabel(label: string, who = owner) {
  const b = buttonsOf(lastScreen(who.id)).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label}`);
  const before = h.calls.length;
  await h.handle(callbackQuery(who, b.callback_data, menu));
  expect(h.calls[before]?.method).toBe('answerCallbackQuery');
}

/** A fan's /balance whose answer Telegram refuses with `description` (the owners' chat still works). */
async function failingBalance(description: string, code = 400) {
  h.respond('sendMessage', (p) =>
    p.chat_id === fan.id ? { error: { error_code: code, description } } : undefined,
  );
  try {
    await h.handle(command(fan, '/balance'));
  } finally {
    h.respond('sendMessage', null);
  }
}

beforeAll(async () => {
  stripe = await startFakeStripe();
  const client = createStripeClient({ secretKey: STRIPE_KEY, apiBase: stripe.apiBase, maxNetworkRetries: 0 });
  probes = createSystemProbes({
    config: { stripe: { secretKey: STRIPE_KEY }, webhook: null } as unknown as Config,
    database: { ping: async () => {} } as unknown as Database,
    jobs: { boss: { getQueues: async () => [] } } as unknown as Jobs,
    api: {} as Api,
    startedAt: new Date(),
    stripe: client,
    stripeTimeoutMs: 2_000,
  });
  h = await createBotHarness({ deps: { probes, scrub: createScrubber([SECRET]) } });
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  await h.stack.ensureFan(fan.id);
});
afterAll(async () => {
  await h.dispose();
  await stripe.close();
});
beforeEach(() => h.reset());

describe('the last errors', () => {
  it('an error the lifecycle caught is recorded without secrets and shown on System → Last errors', async () => {
    await open('/system');
    await pressLabel(en('admin-system-errors-button', { count: 0 }));
    expect(screenText()).toContain(en('admin-system-errors-none'));

    const from = h.calls.length;
    await failingBalance(`Bad Request: chat not found (token ${TOKEN}, secret ${SECRET})`);
    // The owners' alert (the first of its kind in 10 minutes) carries no token either.
    const alert = h.calls
      .slice(from)
      .find((c) => c.method === 'sendMessage' && c.payload.chat_id === OWNER_ID);
    expect(String(alert?.payload.text)).toContain('chat not found');
    expect(String(alert?.payload.text)).not.toContain(TOKEN);
    const [stored] = await h.stack.services.errorLog.recent();
    expect(stored).toMatchObject({ kind: 'telegram-400' });
    expect(stored!.updateId).toBeGreaterThan(0);
    expect(stored!.message).toContain('chat not found');
    expect(stored!.message).toContain('[redacted]');
    for (const secret of [TOKEN, SECRET, 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0'])
      expect(stored!.message).not.toContain(secret);

    await open('/system');
    expect(buttonsOf(lastScreen()).map((b) => b.text)).toContain(
      en('admin-system-errors-button', { count: 1 }),
    );
    await pressLabel(en('admin-system-errors-button', { count: 1 }));
    const text = screenText();
    expect(text).toContain(en('admin-system-errors-title', { count: 1 }));
    expect(text).toContain('telegram-400');
    expect(text).toContain(`update ${stored!.updateId}`);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    // Back returns to System.
    await pressLabel(en('admin-hub-back'));
    expect(screenText()).toContain('⚙️');
  });

  it('a failure that will be retried is recorded too', async () => {
    const before = (await h.stack.services.errorLog.recent()).length;
    await expect(failingBalance('Internal Server Error', 500)).rejects.toThrow(/retried/);
    const now = await h.stack.services.errorLog.recent();
    expect(now.length).toBe(before + 1);
    expect(now[0]!.kind).toBe('telegram-500');
  });

  it('the dashboard shows the newest one', async () => {
    const [last] = await h.stack.services.errorLog.recent(1);
    await open('/dashboard');
    expect(screenText()).toContain(
      en('admin-hub-last-error', { at: last!.at, kind: last!.kind, message: { html: last!.message } }),
    );
  });

  it('at most 20 are kept: the newest', async () => {
    for (let i = 0; i < 25; i++)
      await h.stack.services.errorLog.record({ kind: 'TestError', message: `error ${i}`, updateId: null });
    const kept = await h.stack.services.errorLog.recent(100);
    expect(kept).toHaveLength(20);
    expect(kept.map((e) => e.message)).toEqual(Array.from({ length: 20 }, (_, i) => `error ${24 - i}`));
    const rows = (await h.stack.db.database.db.execute(
      sql`select count(*)::int as n from recent_errors`,
    )) as {
      rows: Array<{ n: number }>;
    };
    expect(Number(rows.rows[0]!.n)).toBe(20);
  });

  it('a long message is cut; an agent cannot open the errors screen', async () => {
    await h.stack.services.errorLog.record({ kind: 'TestError', message: 'x'.repeat(5_000), updateId: 7 });
    const [e] = await h.stack.services.errorLog.recent(1);
    expect(e!.message.length).toBeLessThanOrEqual(300);
    await open('/system', manager);
    await pressLabel(en('admin-system-errors-button', { count: 20 }), manager);
    expect(screenText(manager.id)).toContain(en('admin-system-errors-title', { count: 20 }));
    await h.handle(command(agent, '/system'));
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
  });

  it('twenty long errors all fit on one screen', async () => {
    for (let i = 0; i < 20; i++)
      await h.stack.services.errorLog.record({
        kind: 'SomeRatherLongErrorName',
        message: `<${i}> ${'&'.repeat(400)}`,
        updateId: 123_456_789 + i,
      });
    await open('/system');
    await pressLabel(en('admin-system-errors-button', { count: 20 }));
    const text = screenText();
    expect(text.length).toBeLessThanOrEqual(4096);
    for (let i = 0; i < 20; i++) expect(text).toContain(`update ${123_456_789 + i}`);
    expect(text).toContain('&lt;19&gt;');
  });
});

describe('Stripe reachability on System', () => {
  const stripeLine = (text: string) => text.split('\n').find((l) => l.startsWith('💳'));

  it('configured and answering: ok with its round trip, after one GET /v1/balance', async () => {
    const before = stripe.callsTo('GET', '/v1/balance').length;
    await open('/system');
    expect(stripe.callsTo('GET', '/v1/balance')).toHaveLength(before + 1);
    const okLine = en('admin-system-stripe-ok', { ms: 0 });
    const [head, tail] = okLine.split('0');
    expect(stripeLine(screenText())).toMatch(new RegExp(`^${escape(head!)}\\d+${escape(tail!)}$`));
  });

  it('configured and refusing: the error (scrubbed), not a crash', async () => {
    stripe.failNext('/v1/balance', 'authentication');
    await open('/system');
    const line = stripeLine(screenText())!;
    const [head] = en('admin-system-stripe-down', { error: 'X' }).split('X');
    expect(line.startsWith(head!)).toBe(true);
    expect(line).not.toContain(STRIPE_KEY);
  });

  it('configured but unreachable: the connection error', async () => {
    const dead = createSystemProbes({
      config: { stripe: { secretKey: STRIPE_KEY }, webhook: null } as unknown as Config,
      database: { ping: async () => {} } as unknown as Database,
      jobs: { boss: { getQueues: async () => [] } } as unknown as Jobs,
      api: {} as Api,
      startedAt: new Date(),
      stripe: createStripeClient({
        secretKey: STRIPE_KEY,
        apiBase: 'http://127.0.0.1:9',
        maxNetworkRetries: 0,
      }),
      stripeTimeoutMs: 2_000,
    });
    // The System report turns a rejection into "not answering" with its message.
    await expect(dead.stripe!()).rejects.toThrow();
  });

  it('not configured: as before, and Stripe is not asked', async () => {
    const before = stripe.callsTo('GET', '/v1/balance').length;
    probes.stripeConfigured = false;
    try {
      await open('/system');
    } finally {
      probes.stripeConfigured = true;
    }
    expect(stripeLine(screenText())).toBe(en('admin-system-stripe-off'));
    expect(stripe.callsTo('GET', '/v1/balance')).toHaveLength(before);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

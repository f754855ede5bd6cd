import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { grantCredits } from '../../support/accounts.ts';
import { eventually, startForumApp } from '../../support/app.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { SENTINELS } from '../../support/sentinels.ts';
import { callbackQuery, command, fanUser, privateText } from '../../support/updates.ts';

const TOKEN = SENTINELS.metricsToken;

type Stack = Awaited<ReturnType<typeof startForumApp>>;
const stacks: Stack[] = [];
afterAll(async () => {
  for (const s of stacks) await s.stop();
});

async function start(env: Record<string, string> = {}): Promise<Stack> {
  const s = await startForumApp({ env });
  stacks.push(s);
  return s;
}

const scrape = (s: Stack, auth?: string) =>
  fetch(`${s.t.baseUrl}/metrics`, auth === undefined ? {} : { headers: { authorization: auth } });

/** The value of one sample (`name{labels} value`), or undefined when the line is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const s = await start();
    expect((await scrape(s)).status).toBe(404);
    expect((await scrape(s, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('asks for the bearer token: none or a wrong one is 401, and the body tells nothing', async () => {
    const s = await start({ METRICS_TOKEN: TOKEN });
    const cases = [undefined, '', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, `Basic ${TOKEN}`];
    for (const auth of cases) {
      const res = await scrape(s, auth);
      // The case by its index: a failure must not print the token.
      expect(res.status, `case ${cases.indexOf(auth)}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toMatch(/fanbridge_/);
    }
    expect((await scrape(s, `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('counts updates, webhook answers, calls, relays, payments, ledger entries, the backlog and the process', async () => {
    const s = await start({ METRICS_TOKEN: TOKEN });
    const { fake, t } = s;
    const ann = fanUser(7301, { first_name: 'Ann' });
    await t.post(command(ann, '/start'));
    await t.post(privateText(ann, 'hello', { fake }));
    await eventually(
      () => fake.callsTo('copyMessage').some((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID),
      10_000,
      'the relay',
    );
    // A Stars purchase: the catalogue, the invoice, the payment.
    await t.post(command(ann, '/buy'));
    const catalog = fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === ann.id)
      .at(-1)!;
    const button = (
      catalog.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }
    ).inline_keyboard[0]![0]!;
    await t.post(callbackQuery(ann, button.callback_data, fake.messagesIn(ann.id).at(-1)!));
    await payLatestInvoice(t, fake, ann, 'stxMetrics1');
    // One update stored and not handled yet (due in an hour: another replica's retry).
    await t.db.database.db.execute(
      sql`insert into inbound_updates (update_id, lane, raw, not_before) values (999000111, 'x', '{"update_id":999000111}'::jsonb, now() + interval '1 hour')`,
    );

    const res = await scrape(s, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();

    expect(
      sample(text, 'fanbridge_updates_total', { type: 'message', outcome: 'done' }),
    ).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'fanbridge_updates_total', { type: 'callback_query', outcome: 'done' })).toBe(1);
    expect(sample(text, 'fanbridge_updates_total', { type: 'pre_checkout_query', outcome: 'done' })).toBe(1);
    expect(sample(text, 'fanbridge_webhook_ack_seconds_count', { status: '200' })).toBeGreaterThanOrEqual(6);
    expect(
      sample(text, 'fanbridge_webhook_ack_seconds_bucket', { status: '200', le: '+Inf' }),
    ).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'fanbridge_relays_total', { direction: 'in' })).toBe(1);
    // The fan's message went alone (nothing else was being charged): one transaction of one message.
    expect(sample(text, 'fanbridge_fan_message_batch_size_count', { outcome: 'alone' })).toBe(1);
    expect(sample(text, 'fanbridge_fan_message_batch_size_sum', { outcome: 'alone' })).toBe(1);
    expect(sample(text, 'fanbridge_fan_message_batch_size_count', { outcome: 'failed' }) ?? 0).toBe(0);
    // Direct answers (the bot) and the outbox (its own Api) both count their calls.
    expect(
      sample(text, 'fanbridge_telegram_calls_total', { method: 'sendMessage', result: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'fanbridge_telegram_calls_total', { method: 'copyMessage', result: 'ok' })).toBe(1);
    expect(sample(text, 'fanbridge_telegram_calls_total', { method: 'sendInvoice', result: 'ok' })).toBe(1);
    expect(sample(text, 'fanbridge_payments_total', { rail: 'stars', status: 'pending' })).toBe(1);
    expect(sample(text, 'fanbridge_payments_total', { rail: 'stars', status: 'paid' })).toBe(1);
    // The welcome bonus, the message's charge, the purchase.
    expect(sample(text, 'fanbridge_ledger_entries_total', { reason: 'bonus' })).toBe(1);
    expect(sample(text, 'fanbridge_ledger_entries_total', { reason: 'spend' })).toBe(1);
    expect(sample(text, 'fanbridge_ledger_entries_total', { reason: 'purchase' })).toBe(1);
    expect(sample(text, 'fanbridge_job_queue_depth', { queue: 'telegram-payment', state: 'ready' })).toBe(0);
    expect(sample(text, 'fanbridge_inbound_updates')).toBe(1);
    await t.db.database.db.execute(sql`delete from inbound_updates where update_id = 999000111`);
    expect(text).toMatch(/^# TYPE fanbridge_outbox_backlog gauge$/m);
    expect(text).toMatch(/^# TYPE fanbridge_telegram_429_total counter$/m);
    expect(text).toMatch(/^# TYPE fanbridge_errors_total counter$/m);
    expect(sample(text, 'fanbridge_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'fanbridge_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // The token is never part of what is exposed.
    expect(text).not.toContain(TOKEN);
  });

  it('counts the outbox claims: messages queued into a group whose budget is spent make no claim that finds nothing', async () => {
    // Telegram's limits, windows divided by 20: the group takes 20 sends per ~3.3 s.
    const s = await startForumApp({ env: { METRICS_TOKEN: TOKEN }, scale: 20 });
    stacks.push(s);
    const { fake, t } = s;
    const claims = async () => {
      const text = await (await scrape(s, `Bearer ${TOKEN}`)).text();
      return {
        items: sample(text, 'fanbridge_outbox_claims_total', { took: 'items' }) ?? 0,
        nothing: sample(text, 'fanbridge_outbox_claims_total', { took: 'nothing' }) ?? 0,
      };
    };
    // Only the relays go to the outbox (no receipts into the fan's chat).
    await createUnitOfWork(t.db.database).run((r) => r.settings.set('receipt_mode', 'off', null));
    const cara = fanUser(7303, { first_name: 'Cara' });
    await t.post(privateText(cara, 'first', { fake }));
    await grantCredits(t, cara.id, 100);
    const relayed = () =>
      fake.calls.filter((c) => c.ok && c.method === 'copyMessage' && c.payload.from_chat_id === cara.id)
        .length;
    await eventually(() => relayed() === 1, 10_000, 'the first message');
    // More than the group's window takes: the rest wait for it to free.
    for (let i = 0; i < 25; i++) await t.post(privateText(cara, `m${i}`, { fake }));
    // Spent: nothing more goes for a while (the window is ~3.3 s).
    for (let seen = -1; relayed() !== seen || seen >= 26;) {
      seen = relayed();
      await new Promise((r) => setTimeout(r, 400));
    }
    const before = await claims();
    // Six more while the budget is spent: they wait for the window, queued without a claim.
    for (let i = 0; i < 6; i++) await t.post(privateText(cara, `held${i}`, { fake }));
    await eventually(() => relayed() === 32, 20_000, 'all relayed once the window freed');
    const after = await claims();
    expect(after.items).toBeGreaterThan(before.items);
    // Each of the six woke the sender, and each send of the backlog finished into a spent budget: none
    // of those became a claim that found nothing (one or two strays, such as the last send's, may).
    expect(after.nothing - before.nothing).toBeLessThanOrEqual(2);
    expect(fake.stats.earlyRetries).toBe(0);
  });

  it('shows the outbox backlog per class and chat kind while the group holds sends back', async () => {
    const s = await start({ METRICS_TOKEN: TOKEN });
    const { fake, t } = s;
    await t.app.deps.outbox.stop();
    const ben = fanUser(7302, { first_name: 'Ben' });
    await t.post(privateText(ben, 'one', { fake }));
    await t.post(privateText(ben, 'two', { fake }));
    const text = await (await scrape(s, `Bearer ${TOKEN}`)).text();
    // Ben's two messages wait as content (class 2) for the group; his receipt (class 3) for his chat.
    expect(sample(text, 'fanbridge_outbox_backlog', { class: '2', chat_kind: 'group' })).toBe(2);
    expect(
      sample(text, 'fanbridge_outbox_backlog', { class: '3', chat_kind: 'private' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'fanbridge_outbox_oldest_seconds', { class: '2', chat_kind: 'group' }),
    ).toBeGreaterThanOrEqual(0);
  });
});

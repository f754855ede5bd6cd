import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BUDGETED_METHODS } from '../../../src/app/outbox/policy.ts';
import { grantCredits } from '../../support/accounts.ts';
import { eventually, startForumApp, startTestApp, type TestApp } from '../../support/app.ts';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { fanWithTopic } from '../../support/flows.ts';
import { useApp } from '../../support/suite.ts';
import { en } from '../../support/i18n.ts';
import { receipt } from '../../../src/app/relay/receipt.ts';
import { fanUser, privateText } from '../../support/updates.ts';

// Flood limits scaled 20x: the admin group allows 20 sends per ~3 s, and (the default cap) 3 new topics.
const SCALE = 20;
let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp({ scale: SCALE }),
  (s) => ({ fake, t } = s),
);

const relayIndex = (userId: number, text: string) =>
  fake.calls.findIndex(
    (c) =>
      c.ok &&
      c.method === 'copyMessage' &&
      c.payload.from_chat_id === userId &&
      fake.message(userId, c.payload.message_id as number)?.text === text,
  );
const receiptHead = (queued: boolean) => {
  const r = receipt({
    cost: 1,
    free: false,
    queued,
    balance: 0,
    lastTopUp: null,
    low: false,
    threshold: 0,
    passLeftMs: 0,
  });
  return en(r.key, r.args).split('\n')[0]!;
};
const receiptsTo = (id: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id)
    .map((c) => String(c.payload.text));

describe('new accounts cannot starve paying fans', () => {
  it('a burst of new fans waits its turn: an existing fan is served first, topics are capped, receipts say queued', async () => {
    const { fan: regular } = await fanWithTopic(t, fake, 3001, 'Regular');
    await grantCredits(t, regular.id, 10);
    // 30 throwaway accounts write at once: 30 topics would cost 120 of the group's sends.
    const strangers = Array.from({ length: 30 }, (_, i) => fanUser(3100 + i, { first_name: `New${i}` }));
    await Promise.all(strangers.map((s) => t.post(privateText(s, `hi from ${s.id}`, { fake }))));
    // Counted from the regular fan's message on: how long the burst took to come in (a slow machine)
    // decides how many topics were made before it, not the order the outbox chooses.
    const mark = fake.calls.length;
    await t.post(privateText(regular, 'still there?', { fake }));

    await eventually(() => relayIndex(regular.id, 'still there?') >= 0, 20_000, "the regular fan's message");
    // Round-robin by turn: the regular fan's lane was served before the burst, so it is not behind it
    // (first in, first out would put it behind every stranger's topic): at most what was in flight.
    const topicsBetween = fake.calls
      .slice(mark, relayIndex(regular.id, 'still there?'))
      .filter((c) => c.ok && c.method === 'createForumTopic').length;
    expect(topicsBetween).toBeLessThanOrEqual(6);
    // Strangers beyond the per-minute cap were charged and told their message is queued.
    await eventually(
      () => strangers.every((s) => receiptsTo(s.id).length > 0),
      10_000,
      'every stranger has a receipt',
    );
    const queued = strangers.filter((s) => receiptsTo(s.id).some((r) => r.startsWith(receiptHead(true))));
    expect(queued.length).toBeGreaterThanOrEqual(20);
    expect(receiptsTo(strangers[0]!.id)[0]?.startsWith(receiptHead(false))).toBe(true);
    // Topic creations keep to the cap of 3 a (scaled) minute. The cap holds when they are booked; on a
    // busy machine one batch can reach Telegram late and bunch up with the next, so the check is on the
    // rate: over the span, at most 3 per window plus one window's worth (30 at once without the cap).
    const created = fake.calls.filter((c) => c.ok && c.method === 'createForumTopic').map((c) => c.at);
    const windowMs = 60_000 / SCALE;
    const span = created.at(-1)! - created[0]!;
    expect(created.length).toBeLessThanOrEqual(3 * (Math.floor(span / windowMs) + 2));
    expect(created.length).toBeGreaterThan(0);
    expect(fake.stats.earlyRetries).toBe(0);
  });
});

describe('a send that posted nothing gives its budget back', () => {
  it('"message to copy not found" does not spend the group budget', async () => {
    // Telegram's real windows on the app's side (a minute for the group), so nothing expires meanwhile.
    const f = await startFakeTelegram();
    f.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
    const app = await startTestApp(f, {
      env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) },
      outbox: { budgets: defaultBudgets(1) },
    });
    try {
      await spendsNothingWhenRefused(app, f);
    } finally {
      await app.stop();
      await f.close();
    }
  });
});

async function spendsNothingWhenRefused(t: TestApp, fake: FakeTelegram): Promise<void> {
  {
    const { fan } = await fanWithTopic(t, fake, 3201, 'Deleter');
    await grantCredits(t, fan.id, 10);
    // Let every earlier send settle, then read the group's booked sends.
    await new Promise((r) => setTimeout(r, 500));
    const booked = async () => {
      const res = (await t.db.database.db.execute(
        sql`select cardinality(recent)::int as n from outbox_budgets where key = ${`chat:${ADMIN_GROUP_ID}`}`,
      )) as { rows: Array<{ n: number }> };
      return res.rows[0]?.n ?? 0;
    };
    const before = await booked();
    const callsBefore = fake.calls.length;
    fake.failNext(
      'copyMessage',
      { error_code: 400, description: 'Bad Request: message to copy not found' },
      { times: 4, match: (p) => p.from_chat_id === fan.id },
    );
    for (let i = 0; i < 4; i++) await t.post(privateText(fan, `gone ${i}`, { fake }));
    await eventually(
      () =>
        fake.callsTo('copyMessage').filter((c) => c.payload.from_chat_id === fan.id && !c.ok).length === 4,
      10_000,
      'four refused copies',
    );
    await new Promise((r) => setTimeout(r, 300));
    const spent = fake.calls
      .slice(callsBefore)
      .filter((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && BUDGETED_METHODS.has(c.method)).length;
    // What was booked grew by what was actually posted, not by the four refused copies.
    expect((await booked()) - before).toBe(spent);
    fake.assertNoViolations();
  }
}

import { and, eq } from 'drizzle-orm';
import type { Message, Update, User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../src/app/system/rate-limits.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { ledgerEntries } from '../../../src/db/schema/index.ts';
import { balanceOf, grantCredits } from '../../support/accounts.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { TEST_DATABASE_URL } from '../../support/db.ts';
import type { FakeStripe } from '../../support/fake-stripe/index.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { startStripeApp, STRIPE_KEY, STRIPE_WEBHOOK_SECRET } from '../../support/stripe.ts';
import { useApp } from '../../support/suite.ts';
import { callbackQuery, command, fanUser, privateText } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;
let stripe: FakeStripe;

useApp(
  () => startStripeApp(),
  (s) => ({ fake, t, stripe } = s),
);

const [BURST] = RATE_LIMITS.interaction;
const [CHECKOUT] = RATE_LIMITS.checkout;
const [EXPORT] = RATE_LIMITS.export;

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };

/**
 * Windows are fixed (aligned on the epoch): wait until most of the current burst window is left, so a
 * burst of a few seconds is counted in one window (the longer windows are aligned on it too).
 */
async function freshWindow(): Promise<void> {
  const into = Date.now() % BURST.windowMs;
  if (into > BURST.windowMs - 6_000) await new Promise((r) => setTimeout(r, BURST.windowMs - into + 20));
}

const textsTo = (chatId: number, from = 0) =>
  fake
    .callsTo('sendMessage')
    .slice(from)
    .filter((c) => c.ok && c.payload.chat_id === chatId)
    .map((c) => String(c.payload.text));

/** Every answerCallbackQuery for these query ids. */
const answersTo = (ids: string[]) =>
  fake.callsTo('answerCallbackQuery').filter((c) => ids.includes(String(c.payload.callback_query_id)));

/** The wait a slow-down notice names: a number of seconds within the window that refused. */
const secondsIn = (text: string) => Number(/(\d+)/.exec(text)?.[1]);

/** Presses `data` on `message` n times, one after another; returns the query ids. */
async function press(fan: User, data: string, message: Message, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const update = callbackQuery(fan, data, message);
    ids.push(update.callback_query!.id);
    expect((await t.post(update)).status).toBe(200);
  }
  return ids;
}

describe('free commands and buttons are rate-limited per user', () => {
  it('/balance 40 times: the burst limit’s answers, then one slow-down, then silence', async () => {
    const hana = fanUser(8101, { first_name: 'Hana' });
    await freshWindow();
    const before = fake.callsTo('sendMessage').length;
    for (let i = 0; i < 40; i++) await t.post(command(hana, '/balance'));
    const sent = textsTo(hana.id, before);
    expect(sent).toHaveLength(BURST.limit + 1);
    const answers = sent.slice(0, BURST.limit);
    expect(new Set(answers).size).toBe(1); // the same balance each time
    const notice = sent[BURST.limit]!;
    expect(notice).not.toBe(answers[0]);
    expect(secondsIn(notice)).toBeGreaterThanOrEqual(1);
    expect(secondsIn(notice)).toBeLessThanOrEqual(BURST.windowMs / 1000);
  });

  it('paid messages, pre-checkout and payments are never limited, even mid-burst', async () => {
    const ivo = fanUser(8102, { first_name: 'Ivo' });
    await t.post(privateText(ivo, 'first', { fake })); // 3 welcome − 1
    await grantCredits(t, ivo.id, 50);
    // Without receipts, every message to the fan below is a direct answer to a command.
    const settings = createUnitOfWork(t.db.database).repos.settings;
    await settings.set('receipt_mode', 'off', null);
    await freshWindow();
    await t.post(command(ivo, '/buy10')); // offers ⭐ or 💳 (Stripe is on)
    const rail = fake
      .callsTo('sendMessage')
      .find((c) => c.ok && c.payload.chat_id === ivo.id && JSON.stringify(c.payload).includes('"buy:'))!;
    const stars = (rail.payload.reply_markup as Keyboard).inline_keyboard.flat()[0]!;
    try {
      await t.post(callbackQuery(ivo, stars.callback_data!, rail.result as Message)); // the invoice
      const before = fake.callsTo('sendMessage').length;
      for (let i = 0; i < BURST.limit; i++) await t.post(command(ivo, '/balance'));
      // Over the limit now: commands are refused, but every paid message is accepted and charged.
      for (let i = 0; i < 10; i++) {
        await t.post(command(ivo, '/balance'));
        await t.post(privateText(ivo, `paid ${i}`, { fake }));
      }
      const answered = textsTo(ivo.id, before);
      // /buy10 and ⭐ took two hits: the rest of the burst answered, then one notice, then silence.
      expect(answered).toHaveLength(BURST.limit - 2 + 1);
      expect(new Set(answered.slice(0, -1)).size).toBe(1);
      const paid = await payLatestInvoice(t, fake, ivo, 'rl-charge-1');
      expect(paid.answer.ok).toBe(true);
      expect(await balanceOf(t, ivo.id)).toBe(2 + 50 - 10 + 10);
    } finally {
      await settings.set('receipt_mode', 'every', null);
    }
    const spends = await t.db.database.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.userId, ivo.id), eq(ledgerEntries.reason, 'spend')));
    expect(spends).toHaveLength(11);
    await eventually(
      () => fake.callsTo('copyMessage').filter((c) => c.payload.from_chat_id === ivo.id).length === 11,
      10_000,
      'every paid message relayed',
    );
  });

  it('an owner is never limited (a fan beside them is)', async () => {
    const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
    const rae = fanUser(8107, { first_name: 'Rae' });
    await freshWindow();
    const before = fake.callsTo('sendMessage').length;
    for (let i = 0; i < 40; i++) await t.post(command(owner, '/balance'));
    const sent = textsTo(OWNER_ID, before);
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(1);
    await freshWindow();
    for (let i = 0; i < BURST.limit + 5; i++) await t.post(command(rae, '/balance'));
    expect(textsTo(rae.id, before)).toHaveLength(BURST.limit + 1);
  });

  it('paging over the limit: every press is answered, one of them with the slow-down', async () => {
    const jo = fanUser(8103, { first_name: 'Jo' });
    await freshWindow();
    await t.post(command(jo, '/history')); // one hit
    const call = fake
      .callsTo('sendMessage')
      .filter((c) => c.ok && c.payload.chat_id === jo.id)
      .at(-1)!;
    const edits = () => fake.callsTo('editMessageText').filter((c) => c.payload.chat_id === jo.id).length;
    const ids = await press(jo, 'hist:1', call.result as Message, 30);
    const answers = answersTo(ids);
    expect(answers).toHaveLength(30);
    expect(new Set(answers.map((a) => a.payload.callback_query_id)).size).toBe(30);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.payload.text)).toHaveLength(1);
    expect(edits()).toBe(BURST.limit - 1); // only the presses let through reached the feature
  });

  it('the CSV export has its own smaller bucket', async () => {
    const kai = fanUser(8104, { first_name: 'Kai' });
    await freshWindow();
    await t.post(command(kai, '/history'));
    const call = fake
      .callsTo('sendMessage')
      .filter((c) => c.ok && c.payload.chat_id === kai.id)
      .at(-1)!;
    const ids = await press(kai, 'histcsv', call.result as Message, EXPORT.limit + 3);
    expect(fake.callsTo('sendDocument').filter((c) => c.payload.chat_id === kai.id)).toHaveLength(
      EXPORT.limit,
    );
    const answers = answersTo(ids);
    expect(answers).toHaveLength(EXPORT.limit + 3);
    expect(answers.filter((a) => a.payload.text)).toHaveLength(1);
    expect(secondsIn(String(answers.find((a) => a.payload.text)!.payload.text))).toBeGreaterThan(
      BURST.windowMs / 1000,
    ); // the export window is the longer one
  });

  it('💳 Checkout links have their own smaller bucket', async () => {
    const lea = fanUser(8105, { first_name: 'Lea' });
    await freshWindow();
    await t.post(command(lea, '/buy'));
    const catalog = fake
      .callsTo('sendMessage')
      .filter((c) => c.ok && c.payload.chat_id === lea.id)
      .at(-1)!;
    const card = (catalog.payload.reply_markup as Keyboard).inline_keyboard[0]![1]!;
    const ids = await press(lea, card.callback_data!, catalog.result as Message, CHECKOUT.limit + 3);
    const links = textsTo(lea.id).filter((x) => x.startsWith('💳'));
    expect(links).toHaveLength(CHECKOUT.limit);
    const answers = answersTo(ids);
    expect(answers).toHaveLength(CHECKOUT.limit + 3);
    expect(answers.filter((a) => a.payload.text)).toHaveLength(1);
    // One session however often the fan taps (see checkout-reuse.int.test.ts).
    const sessions = [...stripe.objects.checkoutSessions.values()].filter(
      (s) => s.metadata?.user_id === String(lea.id),
    );
    expect(sessions).toHaveLength(1);
  });

  it.skipIf(!TEST_DATABASE_URL)('postgres-only: two replicas on one database share the count', async () => {
    const second = await startTestApp(fake, {
      db: t.db,
      env: {
        ADMIN_GROUP_ID: String(ADMIN_GROUP_ID),
        STRIPE_SECRET_KEY: STRIPE_KEY,
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: stripe.apiBase,
      },
    });
    try {
      const max = fanUser(8106, { first_name: 'Max' });
      await freshWindow();
      const before = fake.callsTo('sendMessage').length;
      const post = (i: number, u: Update) => (i % 2 === 0 ? t : second).post(u);
      for (let i = 0; i < 40; i++) await post(i, command(max, '/balance'));
      const sent = textsTo(max.id, before);
      expect(sent).toHaveLength(BURST.limit + 1);
      expect(new Set(sent.slice(0, BURST.limit)).size).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

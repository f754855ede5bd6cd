import { and, eq } from 'drizzle-orm';
import type { Message, User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../src/app/system/rate-limits.ts';
import { payments, products } from '../../../src/db/schema/index.ts';
import type { TestApp } from '../../support/app.ts';
import type { FakeStripe } from '../../support/fake-stripe/index.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { eventCursor, startStripeApp } from '../../support/stripe.ts';
import { useApp } from '../../support/suite.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;
let stripe: FakeStripe;

useApp(
  () => startStripeApp(),
  (s) => ({ fake, t, stripe } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };

/** 💳 taps a fan gets answered in one window (the rest are refused before the feature). */
const TAPS = RATE_LIMITS.checkout[0].limit;

/** The fan's /buy catalog: the message and its 💳 button per product title. */
async function catalog(fan: User) {
  await t.post(command(fan, '/buy'));
  const call = fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === fan.id)
    .at(-1)!;
  const rows = (call.payload.reply_markup as Keyboard).inline_keyboard;
  const card = (title: string) => rows.find((r) => r[0]!.text.endsWith(`· ${title}`))![1]!.callback_data!;
  return { message: call.result as Message, card };
}

/** Every Checkout link sent to the fan so far (the URL of its button). */
const linksTo = (fan: User) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === fan.id && String(c.payload.text).startsWith('💳'))
    .map((c) => (c.payload.reply_markup as Keyboard).inline_keyboard[0]![0]!.url!);

const sessionsOf = (fan: User) =>
  [...stripe.objects.checkoutSessions.values()].filter((s) => s.metadata?.user_id === String(fan.id));

const pendingOf = (fan: User) =>
  t.db.database.db
    .select()
    .from(payments)
    .where(and(eq(payments.userId, fan.id), eq(payments.status, 'pending')));

async function tap(fan: User, data: string, message: Message): Promise<string> {
  const before = linksTo(fan).length;
  await t.post(callbackQuery(fan, data, message));
  const links = linksTo(fan);
  expect(links).toHaveLength(before + 1);
  return links.at(-1)!;
}

describe('💳 reuses the open Checkout Session', () => {
  it('ten taps on one product → one session, one pending payment, the same link each time', async () => {
    const nia = fanUser(8201, { first_name: 'Nia' });
    const { message, card } = await catalog(nia);
    for (let i = 0; i < 10; i++) await t.post(callbackQuery(nia, card('10 credits'), message));
    // Taps past the checkout bucket are refused before the feature (see rate-limit.int.test.ts).
    const urls = linksTo(nia);
    expect(urls.length).toBeGreaterThanOrEqual(Math.min(10, TAPS));
    expect(new Set(urls).size).toBe(1);
    expect(sessionsOf(nia)).toHaveLength(1);
    expect(urls[0]).toBe(sessionsOf(nia)[0]!.url);
    const pending = await pendingOf(nia);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ checkoutUrl: urls[0], checkoutSessionId: sessionsOf(nia)[0]!.id });
    expect(pending[0]!.checkoutExpiresAt!.getTime()).toBe(sessionsOf(nia)[0]!.expires_at * 1000);
  });

  it('another product gets its own session; going back to the first reuses its link', async () => {
    const oli = fanUser(8202, { first_name: 'Oli' });
    const { message, card } = await catalog(oli);
    const ten = await tap(oli, card('10 credits'), message);
    const pass = await tap(oli, card('1-hour pass'), message);
    expect(pass).not.toBe(ten);
    expect(await tap(oli, card('10 credits'), message)).toBe(ten);
    expect(sessionsOf(oli)).toHaveLength(2);
  });

  it('an expired or closed session, or a changed price, gets a new one', async () => {
    const pia = fanUser(8203, { first_name: 'Pia' });
    const { message, card } = await catalog(pia);
    const first = await tap(pia, card('10 credits'), message);
    expect(await tap(pia, card('10 credits'), message)).toBe(first);
    // The page's time is up (Stripe says when: checkout_expires_at).
    await t.db.database.db
      .update(payments)
      .set({ checkoutExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(payments.userId, pia.id));
    const second = await tap(pia, card('10 credits'), message);
    expect(second).not.toBe(first);
    // Stripe closed it (checkout.session.expired): the payment is no longer pending.
    const events = eventCursor(t, stripe);
    events.skip();
    stripe.expireCheckoutSession(sessionsOf(pia).at(-1)!.id);
    await events.deliver();
    const third = await tap(pia, card('10 credits'), message);
    expect([first, second]).not.toContain(third);
    // The price changed since: a page at the new price.
    const [pack] = await t.db.database.db.select().from(products).where(eq(products.title, '10 credits'));
    await t.db.database.db.update(products).set({ priceMinor: 599 }).where(eq(products.id, pack!.id));
    try {
      const fourth = await tap(pia, card('10 credits'), message);
      expect([first, second, third]).not.toContain(fourth);
      expect(sessionsOf(pia)).toHaveLength(4);
      expect(sessionsOf(pia).at(-1)!.amount_total).toBe(599);
    } finally {
      await t.db.database.db
        .update(products)
        .set({ priceMinor: pack!.priceMinor })
        .where(eq(products.id, pack!.id));
    }
  });

  it('taps at once make one session: two through the webhook, five on the use case', async () => {
    const quin = fanUser(8204, { first_name: 'Quin' });
    const { message, card } = await catalog(quin);
    await Promise.all([
      t.post(callbackQuery(quin, card('10 credits'), message)),
      t.post(callbackQuery(quin, card('10 credits'), message)),
    ]);
    expect(new Set(linksTo(quin)).size).toBe(1);
    expect(sessionsOf(quin)).toHaveLength(1);

    // Past the bot (another replica, no per-chat ordering): the fan's row lock decides.
    const [pass] = await t.db.database.db.select().from(products).where(eq(products.title, '1-hour pass'));
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.deps.services.billing.startCheckout({
          userId: quin.id,
          productId: pass!.id,
          botUsername: fake.botInfo.username,
        }),
      ),
    );
    const urls = results.map((r) => (r.ok ? r.url : r.code));
    expect(new Set(urls).size).toBe(1);
    expect(sessionsOf(quin)).toHaveLength(2);
    expect(await pendingOf(quin)).toHaveLength(2);
  });
});

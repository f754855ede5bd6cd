import { and, eq } from 'drizzle-orm';
import type { User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { ledgerEntries, payments, products } from '../../../src/db/schema/index.ts';
import { balanceOf, grantCredits } from '../../support/accounts.ts';
import { eventually, type TestApp } from '../../support/app.ts';
import type { FakeStripe } from '../../support/fake-stripe/index.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { fanWithTopic } from '../../support/flows.ts';
import { eventCursor, startStripeApp } from '../../support/stripe.ts';
import { callbackQuery, command, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { en } from '../../support/i18n.ts';

let fake: FakeTelegram;
let t: TestApp;
let stripe: FakeStripe;
let packId: number;

useApp(
  () => startStripeApp(),
  async (s) => {
    ({ fake, t, stripe } = s);
    const [row] = await t.db.database.db.select().from(products).where(eq(products.title, '10 credits'));
    packId = row!.id;
  },
  {
    afterEach: async () => {
      await createUnitOfWork(t.db.database).repos.settings.set('auto_recharge_monthly_cap', 100, null);
    },
  },
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const uow = () => createUnitOfWork(t.db.database);
const plain = (s: unknown) => String(s).replace(/<[^>]+>/g, '');
const textsTo = (chatId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === chatId)
    .map((c) => plain(c.payload.text));
/** A fan's text, tags removed, as the tests read it. */
const enPlain = (key: string, args?: Parameters<typeof en>[1]) => plain(en(key, args));
const waitFor = (chatId: number, want: string) =>
  eventually(() => textsTo(chatId).find((x) => x === want), 10_000, want);
/** What a text with a `$reason` says before the reason (the card's own decline message). */
const beforeReason = (key: string, args: Parameters<typeof en>[1]) =>
  enPlain(key, { ...args, reason: '\u0000' }).split('\u0000')[0]!;
const price = { money: { minor: 499, currency: 'usd' } };
const autoPayments = (userId: number) =>
  t.db.database.db
    .select()
    .from(payments)
    .where(and(eq(payments.userId, userId), eq(payments.origin, 'auto_recharge')))
    .orderBy(payments.id);
const offSessionCalls = () =>
  stripe.callsTo('POST', '/v1/payment_intents').filter((c) => c.params.off_session === 'true');

/** A fan with a topic, a saved card, and auto-recharge on (pack of 10 below `threshold`), at `balance`. */
async function armedFan(id: number, name: string, o: { threshold?: number; balance?: number } = {}) {
  const { fan } = await fanWithTopic(t, fake, id, name);
  const threshold = o.threshold ?? 5;
  const res = await t.app.deps.services.autoRecharge.configure({
    userId: fan.id,
    enabled: true,
    productId: packId,
    threshold,
    botUsername: fake.botInfo.username,
  });
  if (!res.ok) throw new Error(res.code);
  // The balance first: a card saved while the balance is below the threshold would top up at once.
  const balance = o.balance ?? threshold;
  const now = await balanceOf(t, fan.id);
  if (balance !== now) await grantCredits(t, fan.id, balance - now);
  const customer = (await uow().repos.users.get(fan.id))!.stripeCustomerId!;
  const events = eventCursor(t, stripe);
  events.skip();
  stripe.attachPaymentMethod(customer, { card: { brand: 'visa', last4: '4242' } });
  await events.deliver();
  await eventually(
    async () => (await uow().repos.users.get(fan.id))!.stripePaymentMethodId,
    5000,
    'saved card',
  );
  return { fan, customer, events };
}

let msgSeq = 0;
/** The fan sends a text (1 credit) and the relay accepts it. */
async function spend(fan: User) {
  await t.post(privateText(fan, `message ${++msgSeq}`, { fake }));
}

describe('auto-recharge', () => {
  it('/autorecharge: on → pack → threshold; without a card it sends a setup Checkout, and the saved card is confirmed', async () => {
    const { fan } = await fanWithTopic(t, fake, 801, 'Ada');
    await t.post(command(fan, '/autorecharge'));
    const lastMsg = () =>
      fake
        .callsTo('sendMessage')
        .filter((c) => c.payload.chat_id === fan.id)
        .at(-1)!;
    expect(plain(lastMsg().payload.text)).toMatch(
      new RegExp(`^${enPlain('billing-auto-title')}\n${enPlain('billing-auto-status-off')}`),
    );
    const tap = async (data: string) => {
      await t.post(callbackQuery(fan, data, fake.messagesIn(fan.id).at(-1)!));
      const edit = fake
        .callsTo('editMessageText')
        .filter((c) => c.payload.chat_id === fan.id)
        .at(-1)!;
      return edit.payload as { text: string; reply_markup: Keyboard };
    };
    const on = (lastMsg().payload.reply_markup as Keyboard).inline_keyboard[0]![0]!;
    expect(on.text).toBe(en('billing-auto-on-button'));
    const packs = await tap(on.callback_data!);
    expect(packs.text).toBe(en('billing-auto-which-pack'));
    const label = en('billing-auto-pack-button', { title: '10 credits', price });
    const pack = packs.reply_markup.inline_keyboard.flat().find((b) => b.text === label)!;
    const thresholds = await tap(pack.callback_data!);
    const five = thresholds.reply_markup.inline_keyboard.flat().find((b) => b.text === '< 5')!;
    const saved = await tap(five.callback_data!);
    expect(plain(saved.text)).toContain(
      enPlain('billing-auto-status-on', { title: '10 credits', price, threshold: 5 }),
    );
    expect(plain(saved.text)).toContain(enPlain('billing-auto-save-card'));
    const saveLabel = en('billing-auto-save-card-button');
    const save = saved.reply_markup.inline_keyboard.flat().find((b) => b.text === saveLabel)!;
    const session = [...stripe.objects.checkoutSessions.values()].at(-1)!;
    expect(session.mode).toBe('setup');
    expect(save.url).toBe(session.url);
    expect(session.success_url).toBe(`https://t.me/${fake.botInfo.username}?start=autorecharge`);
    expect(stripe.callsTo('POST', '/v1/checkout/sessions').at(-1)!.idempotencyKey).toMatch(
      /^fanbridge-setup-801-/,
    );

    // A tampered threshold changes nothing.
    await t.post(callbackQuery(fan, `ar:set:${packId}:999999`, fake.messagesIn(fan.id).at(-1)!));
    expect((await uow().repos.users.get(fan.id))!.autoRechargeThreshold).toBe(5);

    const events = eventCursor(t, stripe);
    events.skip();
    stripe.completeCheckoutSession(session.id);
    await events.deliver();
    const cardSaved = en('billing-card-saved-auto-now', { card: 'Visa •••• 4242', threshold: 5 });
    await eventually(() => textsTo(fan.id).includes(cardSaved), 10_000, 'card saved, topping up now');
    // The fan had 2 credits: saving the card armed it, and the pack is charged at once.
    await eventually(async () => (await autoPayments(fan.id)).length === 1, 10_000, 'charged on save');
    await t.post(command(fan, '/start', 'autorecharge'));
    expect(textsTo(fan.id).at(-1)).toContain('💳 Card: Visa •••• 4242');
  });

  it('success: the debit that crosses the threshold charges off-session once; the grant comes by webhook', async () => {
    const { fan, events } = await armedFan(802, 'Bo');
    await spend(fan); // 5 → 4: crosses
    const [payment] = await eventually(
      async () => {
        const rows = await autoPayments(fan.id);
        return rows.length &&
          offSessionCalls().some(
            (c) =>
              c.params.metadata &&
              (c.params.metadata as Record<string, string>).payment_id === String(rows[0]!.id),
          )
          ? rows
          : null;
      },
      10_000,
      'off-session charge',
    );
    const call = offSessionCalls().find(
      (c) => (c.params.metadata as Record<string, string>).payment_id === String(payment!.id),
    )!;
    expect(call.params).toMatchObject({
      confirm: 'true',
      off_session: 'true',
      amount: '499',
      currency: 'usd',
    });
    expect(call.idempotencyKey).toBe(`fanbridge-autorecharge-${payment!.id}`);
    await spend(fan); // 4 → 3: already below, no new trigger
    await events.deliver();
    await eventually(async () => (await balanceOf(t, fan.id)) === 13, 10_000, 'grant');
    const grants = await t.db.database.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.userId, fan.id), eq(ledgerEntries.reason, 'auto_recharge')));
    expect(grants.map((g) => g.delta)).toEqual([10]);
    const receipt = enPlain('billing-receipt-auto-recharge', {
      credits: 10,
      balance: 13,
      max: 0,
      cells: '',
      percent: 0,
      paid: '',
    }).split('\n')[0]!;
    await eventually(() => textsTo(fan.id).find((x) => x.startsWith(receipt)), 10_000, receipt);
    expect(await autoPayments(fan.id)).toHaveLength(1);
    expect((await uow().repos.payments.get(payment!.id))!.status).toBe('paid');
  });

  it('authentication required → the fan gets an ordinary Checkout link for the same pack', async () => {
    const { fan } = await armedFan(803, 'Cy');
    stripe.nextPaymentOutcome('authentication_required');
    await spend(fan);
    await waitFor(fan.id, enPlain('billing-auto-confirm', { price, credits: 10 }));
    const msg = fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === fan.id)
      .at(-1)!;
    const button = (msg.payload.reply_markup as Keyboard).inline_keyboard[0]![0]!;
    const session = [...stripe.objects.checkoutSessions.values()].at(-1)!;
    expect(session.mode).toBe('payment');
    expect(button).toEqual({ text: en('billing-auto-confirm-button', { price }), url: session.url });
    expect(session.success_url).toMatch(
      new RegExp(`^https://t\\.me/${fake.botInfo.username}\\?start=paid_\\d+$`),
    );
    const [p] = await autoPayments(fan.id);
    expect(p!.status).toBe('failed');
    expect((await uow().repos.users.get(fan.id))!.autoRechargeFailures).toBe(1);
  });

  it('declined three times in a row → turned off, and the fan told each time', async () => {
    const { fan, customer } = await armedFan(804, 'Di');
    stripe.setPaymentOutcome(customer, 'card_declined');
    for (let i = 1; i <= 3; i++) {
      await spend(fan); // crosses below 5
      await eventually(
        async () => (await autoPayments(fan.id)).filter((p) => p.status === 'failed').length === i,
        10_000,
        `decline ${i}`,
      );
      await grantCredits(t, fan.id, 5 - (await balanceOf(t, fan.id))); // back to the threshold
    }
    await waitFor(fan.id, enPlain('billing-auto-off', { failures: 3 }));
    const declined = beforeReason('billing-auto-declined', { price, credits: 10 });
    expect(textsTo(fan.id).filter((x) => x.startsWith(declined))).toHaveLength(3);
    const user = (await uow().repos.users.get(fan.id))!;
    expect(user.autoRechargeEnabled).toBe(false);
    // Off: the next crossing charges nothing.
    const before = offSessionCalls().length;
    await spend(fan);
    await new Promise((r) => setTimeout(r, 1500));
    expect(offSessionCalls().length).toBe(before);
    stripe.setPaymentOutcome(customer, null);
  });

  it('a declined trigger run twice (a redelivered job) counts one failure and tells the fan once', async () => {
    const { fan, customer } = await armedFan(810, 'Ola');
    stripe.setPaymentOutcome(customer, 'card_declined');
    await grantCredits(t, fan.id, -1); // below the threshold, without a trigger of its own
    // The first run made the payment and is charging when the job is redelivered: both runs find the
    // payment, both make the (one, idempotent) charge, and both see the decline.
    const pack = (await uow().repos.products.get(packId))!;
    await uow().repos.payments.create({
      userId: fan.id,
      productId: pack.id,
      rail: 'stripe',
      amount: pack.priceMinor!,
      currency: pack.currency,
      kind: 'credits',
      quantity: pack.amount,
      origin: 'auto_recharge',
      triggerKey: 'ar:test-810',
    });
    const run = () => t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test-810' });
    expect(await Promise.all([run(), run()])).toEqual(['declined', 'declined']);
    expect(await run()).toBe('already_done');
    expect((await uow().repos.users.get(fan.id))!.autoRechargeFailures).toBe(1);
    const declined = beforeReason('billing-auto-declined', { price, credits: 10 });
    await eventually(() => textsTo(fan.id).find((x) => x.startsWith(declined)), 10_000, declined);
    await new Promise((r) => setTimeout(r, 300));
    expect(textsTo(fan.id).filter((x) => x.startsWith(declined))).toHaveLength(1);
    stripe.setPaymentOutcome(customer, null);
  });

  it('the monthly cap stops charging and says so once', async () => {
    await uow().repos.settings.set('auto_recharge_monthly_cap', 5, null);
    const { fan, events } = await armedFan(805, 'Ed');
    await spend(fan);
    const [first] = await eventually(
      async () => {
        const rows = await autoPayments(fan.id);
        return rows.length === 1 ? rows : null;
      },
      10_000,
      'first charge',
    );
    await eventually(
      () =>
        stripe.events.some(
          (e) =>
            e.type === 'payment_intent.succeeded' &&
            (e.data.object as { metadata: Record<string, string> }).metadata.payment_id === String(first!.id),
        ),
      10_000,
      'the charge succeeded at Stripe',
    );
    await events.deliver();
    await eventually(async () => (await balanceOf(t, fan.id)) === 14, 10_000, 'first grant');
    // Spend down to the threshold and cross it again: $4.99 more would pass the $5.00 cap.
    await grantCredits(t, fan.id, 5 - (await balanceOf(t, fan.id)));
    await spend(fan);
    await waitFor(
      fan.id,
      enPlain('billing-auto-capped', { cap: { money: { minor: 500, currency: 'usd' } } }),
    );
    expect(await autoPayments(fan.id)).toHaveLength(1);
  });

  it('two debits crossing at once charge once; a trigger run twice charges once', async () => {
    const { fan, events } = await armedFan(806, 'Flo', { balance: 5 });
    const before = offSessionCalls().length;
    await Promise.all([spend(fan), spend(fan), spend(fan)]);
    await eventually(async () => (await autoPayments(fan.id)).length === 1, 10_000, 'one charge');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await autoPayments(fan.id)).toHaveLength(1);
    expect(offSessionCalls().length - before).toBe(1);

    // While that charge is on its way (no webhook yet), another trigger charges nothing.
    expect(await t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test-806a' })).toBe(
      'already_pending',
    );

    // The same trigger handed to the job twice at once (a redelivered job): one payment, one charge.
    await events.deliver();
    await eventually(async () => (await balanceOf(t, fan.id)) >= 10, 10_000, 'first grant');
    await grantCredits(t, fan.id, 2 - (await balanceOf(t, fan.id)));
    const outcomes = await Promise.all([
      t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test-806' }),
      t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test-806' }),
    ]);
    expect(outcomes).toEqual(['charged', 'charged']);
    const made = (await autoPayments(fan.id)).filter((p) => p.triggerKey === 'ar:test-806');
    expect(made).toHaveLength(1);
    const pis = [...stripe.objects.paymentIntents.values()].filter(
      (pi) => pi.metadata.payment_id === String(made[0]!.id),
    );
    expect(pis).toHaveLength(1);
  });

  it('turned on with the balance already below the threshold: it tops up at once, once', async () => {
    const { fan } = await armedFan(808, 'Hana', { balance: 9 });
    await t.app.deps.services.autoRecharge.configure({
      userId: fan.id,
      enabled: false,
      botUsername: fake.botInfo.username,
    });
    await grantCredits(t, fan.id, -7); // 2 credits, auto-recharge off: nothing happens
    const set = () =>
      t.app.deps.services.autoRecharge.configure({
        userId: fan.id,
        enabled: true,
        productId: packId,
        threshold: 5,
        botUsername: fake.botInfo.username,
      });
    const [a, b] = await Promise.all([set(), set()]);
    expect(a.ok && a.chargingNow && b.ok && b.chargingNow).toBe(true);
    await eventually(async () => (await autoPayments(fan.id)).length === 1, 10_000, 'the charge');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await autoPayments(fan.id)).toHaveLength(1);
  });

  it('a fan who blocked the bot is skipped', async () => {
    const { fan } = await armedFan(807, 'Gil');
    await uow().repos.users.setBlockedBot(fan.id, true);
    expect(await t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test-807' })).toBe(
      'blocked',
    );
    expect(await autoPayments(fan.id)).toHaveLength(0);
  });

  it('a banned fan is skipped (their messages are refused: credits would be no use)', async () => {
    const { fan } = await armedFan(809, 'Hal');
    await uow().repos.users.setBanned(fan.id, true);
    expect(await t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test-809' })).toBe(
      'banned',
    );
    expect(await autoPayments(fan.id)).toHaveLength(0);
  });
});

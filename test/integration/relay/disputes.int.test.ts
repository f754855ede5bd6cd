import { and, eq, like } from 'drizzle-orm';
import type { User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../support/i18n.ts';
import { disputeBanData } from '../../../src/bot/callback-data/admin.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { auditLog, disputes, onceMarks, outbox, products } from '../../../src/db/schema/index.ts';
import { balanceOf } from '../../support/accounts.ts';
import { eventually, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { buildEvent } from '../../support/fake-stripe/events.ts';
import type { FakeStripe } from '../../support/fake-stripe/index.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { fanWithTopic, payLatestInvoice } from '../../support/flows.ts';
import { buyByCard, eventCursor, postStripeEvent, processed, startStripeApp } from '../../support/stripe.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { uuidFromKey } from '../../../src/jobs/ids.ts';

/** Issue 11, item 5: a dispute has consequences (card sales stop, the card goes, a one-tap ban). */

type Stack = Awaited<ReturnType<typeof startStripeApp>>;
type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };

let fake: FakeTelegram;
let t: TestApp;
let stripe: FakeStripe;
let packId: number;
let dashboard: Stack['dashboard'];

useApp(
  () => startStripeApp(),
  async (s) => {
    ({ fake, t, stripe, dashboard } = s);
    packId = (await t.db.database.db.select().from(products).where(eq(products.title, '10 credits')))[0]!.id;
  },
);

const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const member = fanUser(5555, { first_name: 'Mallory' });
const uow = (s: { t: TestApp } = { t }) => createUnitOfWork(s.t.db.database);
const plain = (x: unknown) => String(x).replace(/<[^>]+>/g, '');
/** A lost dispute's alert, up to the payment's id. */
const lostHead = plain(
  en('billing-admin-dispute-lost', { status: 'lost', id: '\u0000', fan: { html: '' }, cards: 'open' }),
).split('\u0000')[0]!;
const textsTo = (chatId: number, f = fake) =>
  f
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === chatId)
    .map((c) => plain(c.payload.text));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const disputeRow = async (id: string) =>
  (await t.db.database.db.select().from(disputes).where(eq(disputes.id, id)))[0];

/** A fan who paid by card (every event delivered); with `topic`, they wrote first, so a topic exists. */
async function paidFan(s: Stack, id: number, name: string, opts: { topic?: boolean } = {}) {
  const { fan, threadId } = opts.topic
    ? await fanWithTopic(s.t, s.fake, id, name)
    : { fan: fanUser(id, { first_name: name }), threadId: null };
  const events = eventCursor(s.t, s.stripe);
  events.skip();
  const buy = await buyByCard(s.t, s.fake, s.stripe, fan);
  s.stripe.completeCheckoutSession(buy.session.id);
  await events.deliver();
  const payment = (await uow(s).repos.payments.get(buy.paymentId))!;
  expect(payment.status).toBe('paid');
  return { fan, threadId, payment, events };
}

/** …who also turned auto-recharge on (below 5 credits) and saved a card for it. */
async function fanWithSavedCard(id: number, name: string) {
  const paid = await paidFan({ fake, t, stripe } as Stack, id, name, { topic: true });
  const on = await t.app.deps.services.autoRecharge.configure({
    userId: id,
    enabled: true,
    productId: packId,
    threshold: 5,
    botUsername: fake.botInfo.username,
  });
  expect(on.ok).toBe(true);
  const customer = (await uow().repos.users.get(id))!.stripeCustomerId!;
  const pm = stripe.attachPaymentMethod(customer, { card: { brand: 'visa', last4: '4242' } });
  await paid.events.deliver();
  expect((await uow().repos.users.get(id))!).toMatchObject({
    stripePaymentMethodId: pm.id,
    autoRechargeEnabled: true,
  });
  return { ...paid, pm };
}

/** The fan taps 💳 (or ⭐) for the 10-credit pack in /buy. */
async function tapInCatalog(fan: User, rail: 'stars' | 'card') {
  await t.post(command(fan, '/buy'));
  const catalog = fake
    .callsTo('sendMessage')
    .filter((c) => c.payload.chat_id === fan.id)
    .at(-1)!;
  const row = (catalog.payload.reply_markup as Keyboard).inline_keyboard.find((r) =>
    r[0]!.text.endsWith('· 10 credits'),
  )!;
  await t.post(
    callbackQuery(fan, row[rail === 'stars' ? 0 : 1]!.callback_data!, fake.messagesIn(fan.id).at(-1)!),
  );
}

const checkout = (fan: User) =>
  t.app.deps.services.billing.startCheckout({
    userId: fan.id,
    productId: packId,
    botUsername: fake.botInfo.username,
  });

/** The dispute alert about `fanId` sent to `chatId`, with its message as the fake stores it. */
async function disputeAlert(f: FakeTelegram, chatId: number, fanId: number) {
  const call = await eventually(
    () =>
      f
        .callsTo('sendMessage')
        .find(
          (c) =>
            c.ok &&
            c.payload.chat_id === chatId &&
            String(c.payload.text).startsWith('🚨') &&
            String(c.payload.text).includes(`· ${fanId}`),
        ),
    10_000,
    'dispute alert',
  );
  const buttons = (call.payload.reply_markup as Keyboard).inline_keyboard.flat();
  const ban = buttons.find((b) => disputeBanData.unpack(b.callback_data)?.user === fanId)!;
  const message = f.message(chatId, (call.result as { message_id: number }).message_id)!;
  return { call, buttons, ban, message };
}

describe('a dispute stops card sales to the fan', () => {
  it('opened → auto-recharge off, the card forgotten and detached once, 💳 refused, ⭐ still sells; won → 💳 again', async () => {
    const { fan, payment, pm, events } = await fanWithSavedCard(751, 'Dee');
    const dispute = stripe.createDispute(payment.providerChargeId!);
    const [created] = await events.deliver();
    expect(created!.type).toBe('charge.dispute.created');
    // Stripe delivers it again (twice at once, then once more): the effects happen once.
    await Promise.all([postStripeEvent(t, created!), postStripeEvent(t, created!)]);
    await postStripeEvent(t, created!);
    expect(await processed(t, created!.id)).toBe('applied');

    const user = (await uow().repos.users.get(fan.id))!;
    expect(user.autoRechargeEnabled).toBe(false);
    expect(user.stripePaymentMethodId).toBeNull();
    expect(await disputeRow(dispute.id)).toMatchObject({
      userId: fan.id,
      paymentId: payment.id,
      status: 'open',
    });
    // The detach runs after the commit, as a job, keyed on the card.
    const detach = `/v1/payment_methods/${pm.id}/detach`;
    await eventually(() => stripe.callsTo('POST', detach).length > 0, 10_000, 'detach call');
    await sleep(500);
    expect(stripe.callsTo('POST', detach).map((c) => [c.status, c.idempotencyKey])).toEqual([
      [200, `fanbridge-detach-${pm.id}`],
    ]);
    expect(stripe.objects.paymentMethods.get(pm.id)!.customer).toBeNull();
    // Stripe then sends payment_method.detached: the card is already forgotten, nothing to tell.
    const after = await events.deliver();
    expect(after.map((e) => e.type)).toEqual(['payment_method.detached']);
    expect(await processed(t, after[0]!.id)).toBe('ignored');

    // 💳 is refused with its own code and text, and no Checkout Session is made.
    const sessions = stripe.objects.checkoutSessions.size;
    await tapInCatalog(fan, 'card');
    await eventually(() => textsTo(fan.id).at(-1) === en('billing-card-blocked'), 5000, 'card refusal');
    expect(stripe.objects.checkoutSessions.size).toBe(sessions);
    expect(await checkout(fan)).toMatchObject({ ok: false, code: 'card_blocked' });
    // Auto-recharge can be neither turned on nor run.
    const services = t.app.deps.services;
    expect(
      await services.autoRecharge.configure({
        userId: fan.id,
        enabled: true,
        productId: packId,
        threshold: 5,
        botUsername: fake.botInfo.username,
      }),
    ).toMatchObject({ ok: false, code: 'card_blocked' });
    expect((await uow().repos.users.get(fan.id))!.autoRechargeEnabled).toBe(false);
    expect(await services.autoRecharge.status(fan.id)).toMatchObject({ cardBlocked: true });
    await t.post(command(fan, '/autorecharge'));
    const screen = fake
      .callsTo('sendMessage')
      .filter((c) => c.ok && c.payload.chat_id === fan.id)
      .at(-1)!;
    expect(plain(screen.payload.text)).toContain(en('billing-card-blocked'));
    expect(screen.payload.reply_markup).toBeUndefined();
    expect(stripe.objects.checkoutSessions.size).toBe(sessions);

    // Telegram Stars still sell.
    const before = await balanceOf(t, fan.id);
    await tapInCatalog(fan, 'stars');
    const paid = await payLatestInvoice(t, fake, fan, 'stars-charge-751');
    expect(paid.answer.ok).toBe(true);
    expect(await balanceOf(t, fan.id)).toBe(before + 10);

    // Won: card sales resume.
    stripe.closeDispute(dispute.id, 'won');
    expect((await events.deliver()).map((e) => e.type)).toEqual(['charge.dispute.closed']);
    expect((await disputeRow(dispute.id))!.status).toBe('won');
    await tapInCatalog(fan, 'card');
    const link = plain(en('billing-checkout-link', { title: '10 credits', price: '$4.99' }));
    await eventually(() => textsTo(fan.id).at(-1) === link, 5000, 'checkout link');
    expect(stripe.objects.checkoutSessions.size).toBe(sessions + 1);
  });

  it('lost → still stopped, and a second dispute won does not lift what the lost one stopped', async () => {
    const first = await paidFan({ fake, t, stripe } as Stack, 752, 'Eve');
    const second = await paidFan({ fake, t, stripe } as Stack, 752, 'Eve');
    const events = second.events;
    const lost = stripe.createDispute(first.payment.providerChargeId!);
    const won = stripe.createDispute(second.payment.providerChargeId!);
    await events.deliver();
    expect(await checkout(first.fan)).toMatchObject({ ok: false, code: 'card_blocked' });

    stripe.closeDispute(lost.id, 'lost');
    await events.deliver();
    expect((await disputeRow(lost.id))!.status).toBe('lost');
    expect(await checkout(first.fan)).toMatchObject({ ok: false, code: 'card_blocked' });
    // The owners are told that card sales stay stopped.
    await eventually(
      () => textsTo(OWNER_ID).find((x) => x.startsWith(lostHead) && x.includes('· 752')),
      10_000,
      'lost alert',
    );

    stripe.closeDispute(won.id, 'won');
    await events.deliver();
    expect((await disputeRow(won.id))!.status).toBe('won');
    expect(await checkout(first.fan)).toMatchObject({ ok: false, code: 'card_blocked' });
  });

  it('a warning_closed inquiry lifts the stop too', async () => {
    const { fan, payment, events } = await paidFan({ fake, t, stripe } as Stack, 753, 'Fay');
    const inquiry = stripe.createDispute(payment.providerChargeId!);
    await events.deliver();
    expect(await checkout(fan)).toMatchObject({ ok: false, code: 'card_blocked' });
    stripe.closeDispute(inquiry.id, 'warning_closed');
    await events.deliver();
    expect(await checkout(fan)).toMatchObject({ ok: true });
  });
});

describe('who hears about a dispute', () => {
  const disputeTexts = (chatId: number, fanId: number) =>
    textsTo(chatId).filter((x) => x.startsWith('🚨') && x.includes(`· ${fanId}`));

  it('those who may refund, each privately: an owner and a stored owner; not a manager, not the group', async () => {
    const manager = fanUser(5601, { first_name: 'Mona' });
    const storedOwner = fanUser(5602, { first_name: 'Otto' });
    for (const u of [manager, storedOwner]) await t.post(command(u, '/start'));
    await uow().repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, new Date());
    await uow().repos.team.set({ userId: storedOwner.id, role: 'owner', addedBy: OWNER_ID }, new Date());
    try {
      const { fan, payment, events } = await paidFan({ fake, t, stripe } as Stack, 758, 'Kim', {
        topic: true,
      });
      stripe.createDispute(payment.providerChargeId!);
      await events.deliver();
      await disputeAlert(fake, OWNER_ID, fan.id);
      await disputeAlert(fake, storedOwner.id, fan.id);
      await sleep(300);
      expect(disputeTexts(manager.id, fan.id)).toEqual([]);
      expect(disputeTexts(ADMIN_GROUP_ID, fan.id)).toEqual([]);
    } finally {
      await uow().repos.team.remove(manager.id);
      await uow().repos.team.remove(storedOwner.id);
    }
  });
});

describe('detaching the card in Stripe', () => {
  const detachJob = (pm: string) =>
    t.app.deps.jobs.boss.getJobById('stripe-detach', uuidFromKey(`stripe-detach:${pm}`));

  it('a card already detached counts as done; a refused detach is retried; the last failure alerts', async () => {
    // Removed in the dashboard meanwhile (its webhook not delivered yet): Stripe answers 400, done.
    const gone = await fanWithSavedCard(756, 'Ida');
    await dashboard.paymentMethods.detach(gone.pm.id);
    stripe.createDispute(gone.payment.providerChargeId!);
    await gone.events.deliver((e) => e.type === 'charge.dispute.created');
    await eventually(async () => (await detachJob(gone.pm.id))?.state === 'completed', 10_000, 'job done');
    expect(stripe.callsTo('POST', `/v1/payment_methods/${gone.pm.id}/detach`).map((c) => c.status)).toEqual([
      200, 400,
    ]);

    // Stripe refuses once (429): pg-boss runs the job again, and the card is detached.
    const busy = await fanWithSavedCard(757, 'Jay');
    const path = `/v1/payment_methods/${busy.pm.id}/detach`;
    stripe.failNext(path, 'rate_limit');
    stripe.createDispute(busy.payment.providerChargeId!);
    await busy.events.deliver((e) => e.type === 'charge.dispute.created');
    await eventually(() => stripe.callsTo('POST', path).length === 2, 30_000, 'retried detach');
    expect(stripe.callsTo('POST', path).map((c) => c.status)).toEqual([429, 200]);
    expect(stripe.objects.paymentMethods.get(busy.pm.id)!.customer).toBeNull();

    // The last attempt fails too: the error is thrown (pg-boss records the failure) and the owners told.
    const job = { userId: busy.fan.id, paymentMethodId: 'pm_stuck', reason: 'test' };
    stripe.failNext('/v1/payment_methods/pm_stuck/detach', 'rate_limit');
    await expect(t.app.deps.services.billing.detachCard(job, { last: true })).rejects.toThrow();
    await eventually(
      () => textsTo(OWNER_ID).find((x) => x.includes('pm_stuck') && x.includes('· 757')),
      10_000,
      'detach failure alert',
    );
  });
});

describe('the dispute alert’s one-tap ban', () => {
  const banRows = (userId: number) =>
    t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, userId), eq(auditLog.action, 'ban')));
  const editsOf = (messageId: number) =>
    fake.callsTo('editMessageReplyMarkup').filter((c) => c.payload.message_id === messageId);

  it('in the owner’s private chat: a member is refused; the owner bans through admin.setBan; again → already banned', async () => {
    const { fan, threadId, payment, events } = await paidFan({ fake, t, stripe } as Stack, 754, 'Gus', {
      topic: true,
    });
    stripe.createDispute(payment.providerChargeId!);
    await events.deliver();
    const alert = await disputeAlert(fake, OWNER_ID, fan.id);
    expect(alert.call.payload.message_thread_id).toBeUndefined();
    // Next to the topic link.
    expect(alert.buttons.find((b) => b.url)!.url).toMatch(new RegExp(`/${threadId}$`));
    expect(alert.ban.callback_data).toBe(disputeBanData.pack({ user: fan.id }));

    await t.post(callbackQuery(member, alert.ban.callback_data!, alert.message));
    expect(fake.callsTo('answerCallbackQuery').at(-1)!.payload.show_alert).toBe(true);
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(false);
    expect(await banRows(fan.id)).toHaveLength(0);
    expect(editsOf(alert.message.message_id)).toHaveLength(0);

    // A tampered button does nothing either.
    await t.post(callbackQuery(owner, 'dban:x', alert.message));
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(false);

    const callsBefore = fake.calls.length;
    await t.post(callbackQuery(owner, alert.ban.callback_data!, alert.message));
    expect((await uow().repos.users.get(fan.id))!.isBanned).toBe(true);
    expect((await banRows(fan.id)).map((r) => r.actorId)).toEqual([OWNER_ID]);
    const methods = fake.calls.slice(callsBefore).map((c) => c.method);
    expect(methods.indexOf('answerCallbackQuery')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('answerCallbackQuery')).toBeLessThan(methods.indexOf('editMessageReplyMarkup'));
    const [edit] = editsOf(alert.message.message_id);
    const edited = (edit!.payload.reply_markup as Keyboard).inline_keyboard.flat();
    expect(edited.find((b) => b.url)).toEqual(alert.buttons.find((b) => b.url));
    const done = edited.find((b) => b.callback_data === alert.ban.callback_data)!;
    expect(done.text).not.toBe(alert.ban.text);
    expect(done.text).toContain('Olivia');

    // Pressed again (the edited button): nothing more happens.
    await t.post(
      callbackQuery(owner, alert.ban.callback_data!, fake.message(OWNER_ID, alert.message.message_id)!),
    );
    expect(fake.callsTo('answerCallbackQuery').at(-1)!.payload.text).toMatch(/already/i);
    expect(await banRows(fan.id)).toHaveLength(1);
    expect(editsOf(alert.message.message_id)).toHaveLength(1);
  });

  describe('without an admin group (alerts in the owners’ private chats there too)', () => {
    let s: Stack;
    beforeAll(async () => {
      s = await startStripeApp({ env: { ADMIN_GROUP_ID: undefined } });
    });
    afterAll(() => s.stop());

    it('the owner bans from their private chat', async () => {
      const { fan, payment, events } = await paidFan(s, 755, 'Hal');
      s.stripe.createDispute(payment.providerChargeId!);
      await events.deliver();
      const alert = await disputeAlert(s.fake, OWNER_ID, fan.id);
      await s.t.post(callbackQuery(owner, alert.ban.callback_data!, alert.message));
      expect((await uow(s).repos.users.get(fan.id))!.isBanned).toBe(true);
      const edit = s.fake.callsTo('editMessageReplyMarkup').find((c) => c.payload.chat_id === OWNER_ID)!;
      expect((edit.payload.reply_markup as Keyboard).inline_keyboard.flat()[0]!.text).toContain('Olivia');
      s.fake.assertNoViolations();
    });
  });
});

describe('failed card payments alert the owners, throttled', () => {
  /** The alert's opening (a purchase's or an auto-recharge's), up to the fan's name. */
  const heads = ['no', 'yes'].map(
    (auto) =>
      plain(
        en('billing-admin-card-failed', {
          auto,
          fan: { html: '\u0000' },
          amount: 0,
          what: '',
          id: '',
          reason: '',
          muted: 0,
          max: 0,
        }),
      ).split('\u0000')[0]!,
  );
  const failAlerts = (fanId: number) =>
    textsTo(OWNER_ID).filter((x) => heads.some((h) => x.startsWith(h)) && x.includes(`· ${fanId}`));

  /** The throttle counts per clock hour: do not start a burst in the last seconds of one. */
  async function awayFromTheHourEdge() {
    const left = 3_600_000 - (Date.now() % 3_600_000);
    if (left < 20_000) await sleep(left + 100);
  }
  /** The usual budget, plus the wait above. */
  const TIMEOUT = 60_000;

  async function failOnce(fan: User) {
    const buy = await buyByCard(t, fake, stripe, fan);
    const failed = buildEvent('payment_intent.payment_failed', {
      metadata: buy.session.metadata!,
      amount: 499,
    });
    await postStripeEvent(t, failed);
    expect(await processed(t, failed.id)).toBe('applied');
    return buy.paymentId;
  }

  it(
    'one alert per fan an hour, with the count of muted ones in the next alert',
    async () => {
      await awayFromTheHourEdge();
      const ann = fanUser(761, { first_name: 'Ann' });
      const first = await failOnce(ann);
      await eventually(() => failAlerts(ann.id).length === 1, 10_000, 'first failure alert');
      expect(failAlerts(ann.id)[0]).toContain(`payment #${first}`);
      expect(failAlerts(ann.id)[0]).toContain('Your card was declined');
      // A burst from the same fan: each tells the fan, none alerts again.
      for (let i = 0; i < 3; i++) await failOnce(ann);
      await eventually(
        () => textsTo(ann.id).filter((x) => x.startsWith('❌ Your card payment')).length === 4,
        10_000,
        'the fan told each time',
      );
      await sleep(300);
      expect(failAlerts(ann.id)).toHaveLength(1);
      const alertKeys = await t.db.database.db
        .select({ key: outbox.idempotencyKey })
        .from(outbox)
        .where(like(outbox.idempotencyKey, 'pay-failed-alert:%'));
      expect(alertKeys.map((k) => k.key)).toEqual([`pay-failed-alert:stripe:${first}:${OWNER_ID}`]);

      // Another fan's failure alerts, and says how many were muted since.
      const bob = fanUser(762, { first_name: 'Bob' });
      await failOnce(bob);
      await eventually(() => failAlerts(bob.id).length === 1, 10_000, 'second fan alert');
      expect(failAlerts(bob.id)[0]).toMatch(/\b3 more\b/);
      const muted = await t.db.database.db
        .select()
        .from(onceMarks)
        .where(like(onceMarks.key, 'alert:pay-failed:muted:%'));
      expect(muted).toHaveLength(0);
    },
    TIMEOUT,
  );

  it('a declined auto-recharge alerts the same way', async () => {
    const { fan } = await fanWithSavedCard(763, 'Cy');
    const customer = (await uow().repos.users.get(fan.id))!.stripeCustomerId!;
    // Below the threshold (a debit that does not go through the relay triggers nothing by itself).
    await uow().run((r) =>
      r.ledger.apply({
        userId: fan.id,
        delta: -10,
        reason: 'spend',
        idempotencyKey: 'spend:763',
        actor: 'test',
      }),
    );
    stripe.setPaymentOutcome(customer, 'card_declined');
    try {
      expect(await t.app.deps.services.autoRecharge.run({ userId: fan.id, triggerKey: 'ar:test:763' })).toBe(
        'declined',
      );
    } finally {
      stripe.setPaymentOutcome(customer, null);
    }
    await eventually(() => failAlerts(fan.id).length === 1, 10_000, 'auto-recharge failure alert');
    expect(failAlerts(fan.id)[0]).toContain('(auto-recharge)');
  });
});

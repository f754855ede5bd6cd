import type { Message } from 'grammy/types';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StarsRefunds } from '../../src/app/ports/index.ts';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { createStripeClient } from '../../src/integrations/stripe/client.ts';
import { stripeCardGateway } from '../../src/integrations/stripe/gateway.ts';
import { createStarsRefunds } from '../../src/integrations/telegram/stars.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe/index.ts';
import { en } from '../support/i18n.ts';
import { STRIPE_KEY } from '../support/stripe.ts';
import { callbackQuery, command, fanUser, privateText } from '../support/updates.ts';

/**
 * The control center's Payments (/payments) in process: lists and filters over seeded payments on both
 * rails and in every status, the payment card with its Stripe links, the refund's confirmation on each
 * rail (Telegram through the harness's recorded Bot API, Stripe through the fake Stripe server) and its
 * refusals, and revenue per local day.
 */
let h: BotHarness;
let stripe: FakeStripe;
let client: Stripe;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(41_001, { first_name: 'Max' });
const agent = fanUser(41_002, { first_name: 'Ana' });
const stranger = fanUser(41_003);
const rita = 41_101; // @rita_fan: Stars
const bob = 41_102; // card payments
const many = 41_103; // ten Stars payments (paging)

/** Seeded payment ids by name. */
type Seeded =
  'starsPaid' | 'starsRefunded' | 'starsPending' | 'cardPaid' | 'cardFailed' | 'cardDisputed' | 'cardPartly';
const ids = {} as Record<Seeded, number> & Record<string, number>;

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const lastScreen = (chatId = OWNER_ID) =>
  h.calls
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId)
    .at(-1)!;
const screenText = (chatId = OWNER_ID) => String(lastScreen(chatId).payload.text);
const buttons = (chatId = OWNER_ID) => buttonsOf(lastScreen(chatId));
const labels = (chatId = OWNER_ID) => buttons(chatId).map((b) => b.text);
function data(label: string, chatId = OWNER_ID): string {
  const b = buttons(chatId).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label} in ${labels(chatId).join(' | ')}`);
  return b.callback_data;
}
/** The payment ids a list shows, in order (from its buttons). */
const listed = (chatId = OWNER_ID) =>
  buttons(chatId)
    .map((b) => (b.callback_data ? hubData.unpack(b.callback_data) : null))
    .filter((d) => d?.act === 'pay')
    .map((d) => Number(d!.arg.split('-')[0]));

let menu: Message;
/** Opens /payments for `who` (a fresh menu). */
async function open(who = owner) {
  await h.handle(command(who, '/payments'));
  menu = h.lastMessage(who.id);
}
/** Presses a button and checks the rule of every press: the answer comes first. */
async function press(cb: string, who = owner) {
  const before = h.calls.length;
  await h.handle(callbackQuery(who, cb, menu));
  expect(h.calls[before]?.method, 'the first call of a press').toBe('answerCallbackQuery');
}
const pressLabel = (label: string, who = owner) => press(data(label, who.id), who);
/** Forges a press on the live menu of `who` (a real nonce, any action and argument). */
function forged(act: string, arg: string, who = owner): string {
  const nonce = buttons(who.id)
    .map((b) => (b.callback_data ? hubData.unpack(b.callback_data) : null))
    .find((d) => d !== null)!.nonce;
  return hubData.pack({ nonce, cat: 'payments', act, arg });
}
/** Opens a payment's card through a real list button. */
async function openCard(id: number, who = owner) {
  await open(who);
  await pressLabel(en('admin-payments-menu-recent'), who);
  await press(forged('pay', `${id}-aa0p0`, who), who);
}

async function product(title: string) {
  const p = (await h.stack.uow.repos.products.listActive()).find((x) => x.title === title);
  if (!p) throw new Error(`no product ${title}`);
  return p;
}

/** A paid Stars payment of a credit pack, its credits granted like the real grant. */
async function starsPayment(userId: number, charge: string, at: Date) {
  const pack = await product('10 credits');
  const p = await h.stack.uow.repos.payments.create({
    userId,
    productId: pack.id,
    rail: 'stars',
    amount: 50,
    currency: 'XTR',
    kind: 'credits',
    quantity: 10,
  });
  await h.stack.uow.repos.payments.markPaid(p.id, charge, at);
  await h.stack.grant(userId, 10);
  return p.id;
}

/** A card payment; `paid` makes a real succeeded PaymentIntent on the fake Stripe. */
async function cardPayment(userId: number, status: 'paid' | 'failed' | 'pending', at: Date) {
  const pack = await product('25 credits');
  const p = await h.stack.uow.repos.payments.create({
    userId,
    productId: pack.id,
    rail: 'stripe',
    amount: 999,
    currency: 'eur',
    kind: 'credits',
    quantity: 25,
    origin: 'checkout',
  });
  if (status === 'paid') {
    const pi = await client.paymentIntents.create({
      amount: 999,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { payment_id: String(p.id) },
    });
    await h.stack.uow.repos.payments.markPaid(p.id, pi.id, at);
    await h.stack.grant(userId, 25);
  } else if (status === 'failed') await h.stack.uow.repos.payments.markFailed(p.id, at);
  return p.id;
}

beforeAll(async () => {
  stripe = await startFakeStripe();
  client = createStripeClient({ secretKey: STRIPE_KEY, apiBase: stripe.apiBase, maxNetworkRetries: 0 });
  // Stars refunds through the bot's own Api, so they land in the harness's recorded calls.
  let stars: StarsRefunds | null = null;
  h = await createBotHarness({
    deps: {
      cards: stripeCardGateway(client),
      stripeTestMode: true,
      starsRefunds: { refund: (userId, chargeId) => stars!.refund(userId, chargeId) },
    },
  });
  stars = createStarsRefunds(h.bot.api);
  const now = h.stack.clock.now();
  const repos = h.stack.uow.repos;
  await repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  await repos.users.upsert({ id: rita, firstName: 'Rita', username: 'rita_fan' }, now);
  await repos.users.upsert({ id: bob, firstName: 'Bob <b>' }, now);
  await repos.users.upsert({ id: many, firstName: 'Mona' }, now);

  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  for (let i = 0; i < 10; i++) ids[`many${i}`] = await starsPayment(many, `stxMany${i}`, ago(300 - i));
  ids.starsPaid = await starsPayment(rita, 'stxRita1', ago(100));
  ids.starsRefunded = await starsPayment(rita, 'stxRita2', ago(90));
  await repos.payments.markRefunded(ids.starsRefunded, ago(80));
  ids.starsPending = (
    await repos.payments.create({
      userId: rita,
      productId: (await product('10 credits')).id,
      rail: 'stars',
      amount: 50,
      currency: 'XTR',
      kind: 'credits',
      quantity: 10,
    })
  ).id;
  ids.cardPaid = await cardPayment(bob, 'paid', ago(70));
  ids.cardFailed = await cardPayment(bob, 'failed', ago(60));
  ids.cardDisputed = await cardPayment(bob, 'paid', ago(50));
  const disputed = await repos.payments.get(ids.cardDisputed);
  await repos.disputes.open({ id: 'dp_test_open1', userId: bob, paymentId: ids.cardDisputed }, ago(40));
  expect(disputed?.status).toBe('paid');
  ids.cardPartly = await cardPayment(bob, 'paid', ago(30));
  await repos.payments.setRefunded(ids.cardPartly, 300, ago(20));
});
afterAll(async () => {
  await h.dispose();
  await stripe.close();
});
beforeEach(() => h.reset());

describe('/payments: who gets it', () => {
  it('an owner and a manager get the menu; an agent is told their role lacks it; a fan gets nothing', async () => {
    for (const who of [owner, manager]) {
      await open(who);
      expect(screenText(who.id)).toBe(en('admin-payments-title'));
      expect(labels(who.id)).toContain(en('admin-payments-menu-revenue'));
    }
    await h.handle(command(agent, '/payments'));
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(stranger, '/payments'));
    expect(h.lastText(stranger.id)).toBe(en('common-unknown-command', { command: '/payments' }));
  });
});

describe('lists and filters', () => {
  it('recent payments: newest first, 8 a page, never an open invoice; ▶ pages on', async () => {
    await open();
    await pressLabel(en('admin-payments-menu-recent'));
    const all = [
      ids.cardPartly,
      ids.cardDisputed,
      ids.cardFailed,
      ids.cardPaid,
      ids.starsRefunded,
      ids.starsPaid,
      ...Array.from({ length: 10 }, (_, i) => ids[`many${9 - i}`]!),
    ].sort((a, b) => b - a);
    expect(listed()).toEqual(all.slice(0, 8));
    expect(screenText()).toContain(en('admin-hub-page', { page: 1, pages: 2 }));
    expect(screenText()).toContain('Bob &lt;b&gt;'); // a fan's name is escaped
    await pressLabel('▶');
    expect(listed()).toEqual(all.slice(8));
    expect(listed()).not.toContain(ids.starsPending);
    expect(lastScreen().payload.message_id).toBe(menu.message_id); // edited in place
  });

  const manyIds = () => Array.from({ length: 10 }, (_, i) => ids[`many${9 - i}`]!);
  it.each([
    ['filter-stars', () => [ids.starsRefunded, ids.starsPaid, ...manyIds()]],
    ['filter-card', () => [ids.cardPartly, ids.cardDisputed, ids.cardFailed, ids.cardPaid]],
    ['filter-refunded', () => [ids.cardPartly, ids.starsRefunded]],
    ['filter-failed', () => [ids.cardFailed]],
    ['filter-disputed', () => [ids.cardDisputed]],
  ])('%s narrows the list', async (key, want) => {
    await open();
    await pressLabel(en('admin-payments-menu-recent'));
    await pressLabel(en(`admin-payments-${key}`));
    expect(labels()).toContain(`• ${en(`admin-payments-${key}`)}`);
    const shown = listed();
    while (labels().includes('▶')) {
      await pressLabel('▶');
      shown.push(...listed());
    }
    expect(shown).toEqual(want());
  });

  it('paid: paid payments on both rails (a partly refunded one too), no refunded or failed ones', async () => {
    await open();
    await pressLabel(en('admin-payments-menu-recent'));
    await pressLabel(en('admin-payments-filter-card'));
    await pressLabel(en('admin-payments-filter-paid'));
    expect(listed()).toEqual([ids.cardPartly, ids.cardDisputed, ids.cardPaid]);
  });

  it('one fan, by @username or id, typed as an answer; an unknown one is asked again', async () => {
    await open();
    await pressLabel(en('admin-payments-menu-recent'));
    await pressLabel(en('admin-payments-filter-fan'));
    expect(screenText()).toBe(en('admin-payments-fan-ask'));
    await h.handle(privateText(owner, '@nobody_here'));
    expect(h.lastText(OWNER_ID)).toBe(en('admin-payments-fan-unknown', { query: '@nobody_here' }));
    await h.handle(privateText(owner, '@RITA_FAN'));
    menu = h.lastMessage(OWNER_ID);
    expect(listed()).toEqual([ids.starsRefunded, ids.starsPaid]);
    expect(labels()).toContain(en('admin-payments-filter-fan-clear', { id: String(rita) }));
    // The fan filter keeps the other filters' buttons working, and clears with its own button.
    await pressLabel(en('admin-payments-filter-refunded'));
    expect(listed()).toEqual([ids.starsRefunded]);
    await pressLabel(en('admin-payments-filter-fan-clear', { id: String(rita) }));
    expect(listed()).toEqual([ids.cardPartly, ids.starsRefunded]);

    await pressLabel(en('admin-payments-filter-fan'));
    await h.handle(privateText(owner, String(bob)));
    menu = h.lastMessage(OWNER_ID);
    expect(listed()).toEqual([ids.cardPartly]);
  });

  it('failed payments, open disputes and refunds have their own lists', async () => {
    await open();
    await pressLabel(en('admin-payments-menu-failed'));
    expect(listed()).toEqual([ids.cardFailed]);
    await pressLabel(en('admin-hub-back'));
    await pressLabel(en('admin-payments-menu-disputes'));
    expect(screenText()).toContain(en('admin-payments-disputes-title', { total: 1 }));
    expect(listed()).toEqual([ids.cardDisputed]);
    await pressLabel(en('admin-hub-back'));
    await pressLabel(en('admin-payments-menu-refunds'));
    expect(listed()).toEqual([ids.cardPartly, ids.starsRefunded]); // the newest refund first
  });

  it('a forged page past the end lands on the last page; a malformed argument is refused', async () => {
    await open();
    await pressLabel(en('admin-payments-menu-recent'));
    await press(forged('list', 'aa0p999'));
    expect(screenText()).toContain(en('admin-hub-page', { page: 2, pages: 2 }));
    const at = (act: string, arg: string) => forged(act, arg);
    const presses = [
      ['list', 'zz0p0'],
      ['list', 'aa0'],
      ['pay', 'x-m'],
      ['refunds', 'a'],
      ['revenue', '3'],
      ['nothing', '0'],
    ].map(([act, arg]) => at(act!, arg!));
    for (const cb of presses) {
      await press(cb);
      expect(screenText()).toBe(en('admin-hub-invalid'));
    }
  });
});

describe('the payment card', () => {
  it('a card payment: fan, product, amount, status, dates, and a link to Stripe (test mode)', async () => {
    await openCard(ids.cardPaid);
    const text = screenText();
    expect(text).toContain(en('admin-payments-card-title-card', { id: String(ids.cardPaid) }));
    expect(text).toContain(
      en('admin-payments-card-status', { status: { html: en('admin-payments-status-paid') } }),
    );
    expect(text).toContain(en('admin-payments-card-refund-none'));
    const pi = (await h.stack.uow.repos.payments.get(ids.cardPaid))!.providerChargeId!;
    expect(buttons()).toContainEqual({
      text: en('admin-payments-stripe-payment'),
      url: `https://dashboard.stripe.com/test/payments/${pi}`,
    });
    expect(labels()).toContain(en('admin-payments-refund-button'));
    // Back leads to the list it came from.
    await pressLabel(en('admin-hub-back'));
    expect(listed().length).toBe(8);
  });

  it('a disputed payment links its dispute and offers no refund (Stripe refuses those)', async () => {
    await openCard(ids.cardDisputed);
    expect(buttons()).toContainEqual({
      text: en('admin-payments-stripe-dispute', { id: 'dp_test_open1' }),
      url: 'https://dashboard.stripe.com/test/disputes/dp_test_open1',
    });
    expect(labels()).not.toContain(en('admin-payments-refund-button'));
    expect(screenText()).toContain(en('admin-payments-not-refundable-disputed'));
  });

  it('a Stars payment has its charge id and no Stripe link; a tampered id is unknown', async () => {
    await openCard(ids.starsPaid);
    expect(screenText()).toContain(en('admin-payments-card-charge-stars', { charge: 'stxRita1' }));
    expect(buttons().some((b) => b.url)).toBe(false);
    await press(forged('pay', '987654-m'));
    expect(screenText()).toBe(en('admin-payments-unknown', { id: '987654' }));
    await press(forged('pay', `${ids.starsPending}-m`));
    expect(screenText()).toBe(en('admin-payments-unknown', { id: String(ids.starsPending) }));
  });
});

describe('refunds from the card', () => {
  it('Stars: Refund asks first; Yes refunds through Telegram and claws back; a second Yes changes nothing', async () => {
    const fan = 41_201;
    await h.stack.uow.repos.users.upsert({ id: fan, firstName: 'Sam' }, h.stack.clock.now());
    const id = await starsPayment(fan, 'stxSam1', h.stack.clock.now());
    await openCard(id);
    await pressLabel(en('admin-payments-refund-button'));
    expect(screenText()).toBe(
      en('admin-payments-confirm-stars-credits', {
        id: String(id),
        fan: { html: en('admin-payments-fan', { name: { html: 'Sam' }, username: '', id: String(fan) }) },
        amount: { html: en('admin-payments-amount-stars', { amount: 50 }) },
        credits: 10,
      }),
    );
    expect(labels()).toEqual([
      en('admin-payments-confirm-yes'),
      en('admin-payments-confirm-no'),
      en('admin-hub-back'),
      en('admin-hub-close'),
    ]);
    expect(h.callsTo('refundStarPayment')).toHaveLength(0); // nothing before the confirmation
    const yes = data(en('admin-payments-confirm-yes'));
    await press(yes);
    expect(h.callsTo('refundStarPayment').map((c) => c.payload)).toEqual([
      { user_id: fan, telegram_payment_charge_id: 'stxSam1' },
    ]);
    expect(screenText()).toContain(
      en('admin-payments-refunded-credits', { id: String(id), stars: 50, taken: 10, balance: 0 }),
    );
    expect(labels()).not.toContain(en('admin-payments-refund-button'));
    expect((await h.stack.uow.repos.payments.get(id))!.status).toBe('refunded');
    expect(await h.stack.uow.repos.ledger.findByKey('refund:stars:stxSam1')).toMatchObject({ delta: -10 });

    // The same confirmation pressed again (a double tap, an old screen): refused with the reason.
    await press(yes);
    expect(screenText()).toContain(en('admin-payments-not-refundable-already'));
    expect(h.callsTo('refundStarPayment')).toHaveLength(1);
  });

  it("Stars: Telegram's refusal is shown and nothing is taken back", async () => {
    const fan = 41_202;
    await h.stack.uow.repos.users.upsert({ id: fan, firstName: 'Tom' }, h.stack.clock.now());
    const id = await starsPayment(fan, 'stxTom1', h.stack.clock.now());
    await openCard(id);
    await pressLabel(en('admin-payments-refund-button'));
    h.respond('refundStarPayment', () => ({
      error: { error_code: 400, description: 'Bad Request: CHARGE_NOT_FOUND' },
    }));
    try {
      await pressLabel(en('admin-payments-confirm-yes'));
    } finally {
      h.respond('refundStarPayment', null);
    }
    expect(screenText()).toContain(
      en('admin-payments-refund-stars-refused', { detail: 'Bad Request: CHARGE_NOT_FOUND' }),
    );
    expect((await h.stack.uow.repos.payments.get(id))!.status).toBe('paid');
  });

  it('Stripe: Yes asks Stripe for the refund (keyed on the payment); the card then says it waits for Stripe', async () => {
    const id = await cardPayment(bob, 'paid', h.stack.clock.now());
    const pi = (await h.stack.uow.repos.payments.get(id))!.providerChargeId!;
    await openCard(id);
    await pressLabel(en('admin-payments-refund-button'));
    expect(screenText()).toContain(`#${id}`);
    expect(stripe.callsTo('POST', '/v1/refunds')).toHaveLength(0);
    await pressLabel(en('admin-payments-confirm-yes'));
    const calls = stripe.callsTo('POST', '/v1/refunds');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      idempotencyKey: `fanbridge-refund-${id}`,
      params: { payment_intent: pi },
      status: 200,
    });
    expect(screenText()).toContain(
      en('admin-payments-refund-card-sent', { id: String(id), amount: '€9.99' }),
    );
    // Until Stripe's webhook confirms it, the payment stays paid and the refund is not offered again.
    expect(labels()).not.toContain(en('admin-payments-refund-button'));
    expect(screenText()).toContain(en('admin-payments-not-refundable-pending'));
    await press(forged('dorefund', `${id}-m`));
    expect(stripe.callsTo('POST', '/v1/refunds')).toHaveLength(1);
  });

  it('an already refunded payment has no Refund; a forged confirmation says why', async () => {
    await openCard(ids.starsRefunded);
    expect(labels()).not.toContain(en('admin-payments-refund-button'));
    await press(forged('refund', `${ids.starsRefunded}-m`));
    expect(screenText()).toContain(en('admin-payments-not-refundable-already'));
    await press(forged('dorefund', `${ids.starsRefunded}-m`));
    expect(screenText()).toContain(en('admin-payments-not-refundable-already'));
    await press(forged('refund', `${ids.cardFailed}-m`));
    expect(screenText()).toContain(en('admin-payments-not-refundable-not-paid'));
    expect(h.callsTo('refundStarPayment')).toHaveLength(0);
  });

  it('a manager sees the card without Refund; their forged refund presses are refused', async () => {
    await openCard(ids.starsPaid, manager);
    expect(screenText(manager.id)).toContain(
      en('admin-payments-card-title-stars', { id: String(ids.starsPaid) }),
    );
    expect(labels(manager.id)).not.toContain(en('admin-payments-refund-button'));
    for (const act of ['refund', 'dorefund']) {
      await press(forged(act, `${ids.starsPaid}-m`, manager), manager);
      expect(screenText(manager.id)).toBe(en('admin-hub-not-allowed'));
    }
    await press(forged('dorefund', `${ids.cardPaid}-m`, manager), manager);
    expect(screenText(manager.id)).toBe(en('admin-hub-not-allowed'));
    expect(h.callsTo('refundStarPayment')).toHaveLength(0);
    expect((await h.stack.uow.repos.payments.get(ids.starsPaid))!.status).toBe('paid');
  });

  it('a Refund button of an older menu is stale: nothing is refunded', async () => {
    await openCard(ids.starsPaid);
    await pressLabel(en('admin-payments-refund-button'));
    const yes = data(en('admin-payments-confirm-yes'));
    const old = menu;
    await open(); // a newer menu
    await h.handle(callbackQuery(owner, yes, old));
    expect(screenText()).toBe(en('admin-hub-stale'));
    expect(h.callsTo('refundStarPayment')).toHaveLength(0);
    expect((await h.stack.uow.repos.payments.get(ids.starsPaid))!.status).toBe('paid');
  });
});

describe('revenue per day', () => {
  let r: BotHarness;
  beforeAll(async () => {
    r = await createBotHarness();
    // 19:00 in Tokyo (UTC+9) on 15 June.
    r.stack.clock.set('2030-06-15T10:00:00Z');
    await r.stack.uow.repos.settings.set('timezone', 'Asia/Tokyo', OWNER_ID);
  });
  afterAll(() => r.dispose());

  it('is a table of local days (the timezone setting), Stars and card per currency, net of refunds', async () => {
    const repos = r.stack.uow.repos;
    await repos.users.upsert({ id: 41_301, firstName: 'Kai' }, r.stack.clock.now());
    const products = await repos.products.listActive();
    const pay = async (
      rail: 'stars' | 'stripe',
      amount: number,
      currency: string,
      at: string,
      charge: string,
    ) => {
      const p = await repos.payments.create({
        userId: 41_301,
        productId: products[0]!.id,
        rail,
        amount,
        currency,
        kind: 'credits',
        quantity: 10,
      });
      await repos.payments.markPaid(p.id, charge, new Date(at));
      return p.id;
    };
    // 01:00 on the 15th in Tokyo (still the 14th in UTC).
    await pay('stars', 50, 'XTR', '2030-06-14T16:00:00Z', 'k1');
    // 23:00 on the 14th in Tokyo.
    await pay('stars', 115, 'XTR', '2030-06-14T14:00:00Z', 'k2');
    // Refunded: counts for nothing.
    const refunded = await pay('stars', 215, 'XTR', '2030-06-15T03:00:00Z', 'k3');
    await repos.payments.markRefunded(refunded, new Date('2030-06-15T04:00:00Z'));
    // Card, 3.00 of 9.99 refunded: 6.99 on the 15th.
    const part = await pay('stripe', 999, 'eur', '2030-06-15T02:00:00Z', 'pi_k4');
    await repos.payments.setRefunded(part, 300, new Date('2030-06-15T05:00:00Z'));
    await pay('stripe', 500, 'usd', '2030-05-20T12:00:00Z', 'pi_k5'); // 20 May (in range)
    await pay('stripe', 700, 'usd', '2030-05-10T12:00:00Z', 'pi_k6'); // before the 30 days

    await r.handle(command(owner, '/payments'));
    const m = r.lastMessage(OWNER_ID);
    const call = r.calls.filter((c) => c.payload.chat_id === OWNER_ID).at(-1)!;
    const revenue = buttonsOf(call).find((b) => b.text === en('admin-payments-menu-revenue'))!;
    await r.handle(callbackQuery(owner, revenue.callback_data!, m));
    const text = String(r.callsTo('editMessageText').at(-1)!.payload.text);
    expect(text).toContain(en('admin-payments-revenue-title', { timezone: 'Asia/Tokyo' }));
    const table = /<pre>([\s\S]*)<\/pre>/.exec(text)![1]!.split('\n');
    const day = (iso: string) =>
      new Intl.DateTimeFormat('en', {
        timeZone: 'Asia/Tokyo',
        weekday: 'short',
        day: '2-digit',
        month: 'short',
      }).format(new Date(iso));
    const cells = (line: string) => line.trim().split(/\s{2,}/);
    expect(cells(table[0]!)).toEqual([en('admin-payments-revenue-day'), '⭐', 'EUR', 'USD']);
    const rowOf = (iso: string) => table.find((l) => l.startsWith(day(iso)));
    expect(cells(rowOf('2030-06-15T05:00:00Z')!)).toEqual([day('2030-06-15T05:00:00Z'), '50', '6.99', '–']);
    expect(cells(rowOf('2030-06-14T05:00:00Z')!)).toEqual([day('2030-06-14T05:00:00Z'), '115', '–', '–']);
    expect(cells(rowOf('2030-05-20T05:00:00Z')!)).toEqual([day('2030-05-20T05:00:00Z'), '–', '–', '5.00']);
    expect(rowOf('2030-05-10T05:00:00Z')).toBeUndefined();
    // 30 days (today first), then the totals.
    expect(table.filter((l) => /^\w{3}, /.test(l) || /^\w{3} \d/.test(l))).toHaveLength(30);
    expect(table[2]!.startsWith(day('2030-06-15T05:00:00Z'))).toBe(true);
    expect(cells(table.at(-1)!)).toEqual([en('admin-payments-revenue-total'), '165', '6.99', '5.00']);

    // Many currencies: the table stays one closed <pre> within the message, the oldest days give way.
    const many = ['gbp', 'jpy', 'chf', 'cad', 'aud', 'sek', 'nok', 'dkk', 'pln', 'czk', 'huf', 'brl'];
    for (const [i, c] of many.entries()) await pay('stripe', 123_456, c, '2030-06-10T02:00:00Z', `pi_m${i}`);
    await r.handle(callbackQuery(owner, revenue.callback_data!, m));
    const wide = String(r.callsTo('editMessageText').at(-1)!.payload.text);
    expect(wide.length).toBeLessThanOrEqual(4096);
    expect(wide.match(/<pre>/g)).toHaveLength(1);
    expect(wide).toContain('</pre>');
    const rows = /<pre>([\s\S]*)<\/pre>/.exec(wide)![1]!.split('\n');
    expect(rows).toContain('…');
    expect(cells(rows.at(-1)!)[0]).toBe(en('admin-payments-revenue-total'));
  });
});

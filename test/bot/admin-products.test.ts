import { eq } from 'drizzle-orm';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { auditLog, products } from '../../src/db/schema/index.ts';
import { createStripeClient } from '../../src/integrations/stripe/client.ts';
import { stripeCardGateway } from '../../src/integrations/stripe/gateway.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe/index.ts';
import { en } from '../support/i18n.ts';
import { SENTINELS } from '../support/sentinels.ts';
import { callbackQuery, command, fanUser, privatePhoto, privateText } from '../support/updates.ts';

/**
 * The Products screen (/products): creating packs and passes through the hub's questions, editing every
 * field, on/off, order and badges as fans see them in /buy, the Stripe sync of card prices (a new Price,
 * the old one archived, keyed calls, a failure and its Retry), auto-recharge paused and asked once, and
 * the refusals. Stripe is the fake server, through the real SDK; a second harness runs without Stripe.
 */

let h: BotHarness;
let stripe: FakeStripe;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(33_001, { first_name: 'Max' });
const agent = fanUser(33_002, { first_name: 'Ana' });
const fan = fanUser(33_003, { first_name: 'Fay' });
const fan2 = fanUser(33_004, { first_name: 'Gus' });

beforeAll(async () => {
  stripe = await startFakeStripe();
  // No SDK retries: an injected 500 is the sync's failure, not a delay.
  const client = createStripeClient({
    secretKey: SENTINELS.stripeSecretKey,
    apiBase: stripe.apiBase,
    maxNetworkRetries: 0,
  });
  h = await createBotHarness({ deps: { cards: stripeCardGateway(client) } });
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  await h.stack.ensureFan(fan.id, { firstName: 'Fay' });
  await h.stack.ensureFan(fan2.id, { firstName: 'Gus' });
});
afterAll(async () => {
  await h.dispose();
  await stripe.close();
});
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const menuCall = (chatId: number) =>
  h.calls
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId)
    .at(-1)!;
const screenText = (chatId: number) => String(menuCall(chatId).payload.text);
const dataOf = (chatId: number, label: string) => {
  const b = buttonsOf(menuCall(chatId)).find((x) => x.text === label);
  if (!b?.callback_data)
    throw new Error(
      `no button ${label} in ${buttonsOf(menuCall(chatId))
        .map((x) => x.text)
        .join(' | ')}`,
    );
  return b.callback_data;
};

/** Presses a button of the member's current menu; the answer is the first call of every press. */
async function press(who = owner, label: string, message?: Message) {
  const data = dataOf(who.id, label);
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, message ?? h.lastMessage(who.id)));
  expect(h.calls[before]?.method, 'the first call of a press').toBe('answerCallbackQuery');
}
const say = (text: string, who = owner) => h.handle(privateText(who, text));

const productByTitle = async (title: string) =>
  (await h.stack.db.database.db.select().from(products).where(eq(products.title, title)))[0]!;
const buyText = async (who = fan) => {
  await h.handle(command(who, '/buy'));
  return h.lastText(who.id)!;
};
const audits = async (action: string) =>
  h.stack.db.database.db.select().from(auditLog).where(eq(auditLog.action, action));

/** /products, then the product's card. */
async function openProduct(title: string, who = owner) {
  await h.handle(command(who, '/products'));
  await press(who, `🟢 ${title}`);
}

/** Through the whole guided creation. */
async function create(kind: 'credits' | 'time', answers: string[]) {
  await h.handle(command(owner, '/products'));
  await press(owner, en('admin-products-new-button'));
  await press(owner, en(kind === 'credits' ? 'admin-products-kind-credits' : 'admin-products-kind-time'));
  for (const a of answers) await say(a);
}

describe('/products: the list', () => {
  it('lists packs and passes with their prices per rail and state, and leads to premium content', async () => {
    await h.handle(command(owner, '/products'));
    const text = screenText(owner.id);
    expect(text).toContain(en('admin-products-title'));
    expect(text).toContain(en('admin-products-stripe-on', { currency: 'USD' }));
    expect(text).toContain('🟢 10 credits');
    expect(text).toContain('⭐ 50');
    expect(text).toContain('💳 $4.99');
    expect(text).toContain('7-day pass');
    const labels = buttonsOf(menuCall(owner.id)).map((b) => b.text);
    expect(labels).toContain(en('admin-products-new-button'));
    // Premium content is the content screens' own list (their callback), not a copy.
    expect(dataOf(owner.id, en('admin-products-content-button'))).toBe('clist:1');
  });

  it('the premium content button opens the content screens’ own list', async () => {
    await h.handle(command(owner, '/products'));
    await h.handle(callbackQuery(owner, 'clist:1', h.lastMessage(owner.id)));
    expect(screenText(owner.id)).toBe(en('content-admin-empty'));
  });

  it('a product sold from the recorded amount since the start can get its Stripe Price on demand', async () => {
    await openProduct('7-day pass');
    expect(screenText(owner.id)).toContain(en('admin-products-item-stripe-inline'));
    await press(owner, en('admin-products-create-price'));
    expect(screenText(owner.id)).toContain(en('admin-products-sync-done'));
    const p = await productByTitle('7-day pass');
    expect(stripe.objects.prices.get(p.stripePriceId!)!.unit_amount).toBe(4999);
    expect((await audits('product_stripe_sync')).at(-1)!.details).toEqual({ productId: p.id });
  });

  it('an agent is told their role does not include it; a fan gets the unknown-command answer', async () => {
    await h.handle(command(agent, '/products'));
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(fan, '/products'));
    expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: '/products' }));
  });

  it('the use cases refuse an agent and a fan themselves (not only the screen)', async () => {
    const p = await productByTitle('10 credits');
    for (const who of [agent.id, fan.id]) {
      expect(await h.stack.services.productsAdmin.list(who)).toEqual({ ok: false, code: 'not_allowed' });
      expect(await h.stack.services.productsAdmin.setActive(who, p.id, false)).toEqual({
        ok: false,
        code: 'not_allowed',
      });
      expect(
        await h.stack.services.productsAdmin.edit(who, p.id, { field: 'stars', value: 1 }),
      ).toMatchObject({ ok: false, code: 'not_allowed' });
    }
    expect((await productByTitle('10 credits')).active).toBe(true);
  });
});

describe('creating', () => {
  it('a credit pack: every step checks its answer and asks again; Stripe gets a Product and a Price', async () => {
    await h.handle(command(owner, '/products'));
    await press(owner, en('admin-products-new-button'));
    await press(owner, en('admin-products-kind-credits'));
    expect(screenText(owner.id)).toContain(en('admin-products-ask-title', { max: 64 }));
    await say('   ');
    expect(h.lastText(owner.id)).toBe(en('admin-products-bad-title', { max: 64 }));
    await say('x'.repeat(65));
    expect(h.lastText(owner.id)).toBe(en('admin-products-bad-title', { max: 64 }));
    await h.handle(privatePhoto(owner));
    expect(h.lastText(owner.id)).toBe(en('admin-products-bad-title', { max: 64 }));
    await say('Mega pack');
    expect(screenText(owner.id)).toContain(en('admin-products-ask-credits', { max: 100_000 }));
    for (const bad of ['-5', '0', 'lots', '100001']) {
      await say(bad);
      expect(h.lastText(owner.id)).toBe(en('admin-products-bad-credits', { max: 100_000 }));
    }
    await say('500');
    expect(screenText(owner.id)).toContain(en('admin-products-ask-card', { currency: 'USD', max: 10_000 }));
    for (const bad of ['-1', '99999', '4.999', 'abc']) {
      await say(bad);
      expect(h.lastText(owner.id)).toBe(en('admin-products-bad-card', { currency: 'USD', max: 10_000 }));
    }
    await say('19.99');
    expect(screenText(owner.id)).toContain(en('admin-products-ask-stars', { max: 10_000 }));
    for (const bad of ['0', '-3', '10001', '2.5']) {
      await say(bad);
      expect(h.lastText(owner.id)).toBe(en('admin-products-bad-stars', { max: 10_000 }));
    }
    await say('900');
    const done = screenText(owner.id);
    expect(done).toContain(en('admin-products-created'));
    expect(done).toContain(en('admin-products-sync-done'));
    expect(await h.stack.uow.repos.flows.get(owner.id, 'hub')).toBeNull();

    const p = await productByTitle('Mega pack');
    expect(p).toMatchObject({
      kind: 'credits',
      amount: 500,
      priceMinor: 1999,
      currency: 'usd',
      priceStars: 900,
      active: true,
    });
    const created = stripe.callsTo('POST', '/v1/prices').at(-1)!;
    expect(created.idempotencyKey).toBe(`fanbridge-price-${p.id}-0`);
    expect(created.params).toMatchObject({
      unit_amount: '1999',
      currency: 'usd',
      product: p.stripeProductId,
    });
    expect(stripe.callsTo('POST', '/v1/products').at(-1)!.idempotencyKey).toBe(`fanbridge-product-${p.id}-0`);
    expect(p.stripePriceId).toBe(stripe.objects.prices.get(p.stripePriceId!)!.id);
    expect((await audits('product_create')).some((a) => a.details?.productId === p.id)).toBe(true);
    // On sale at once, at the end of /buy.
    const buy = await buyText();
    expect(buy).toContain('Mega pack');
    expect(buy.indexOf('Mega pack')).toBeGreaterThan(buy.indexOf('100 credits'));
  });

  it('a time pass: its length is typed as 12h / 7d / 1w; Stars only needs no Stripe', async () => {
    const pricesBefore = stripe.callsTo('POST', '/v1/prices').length;
    await create('time', ['Weekend pass', '30m', '2d', '0', '700']);
    expect(h.calls.some((c) => c.payload.text === en('admin-products-bad-length'))).toBe(true);
    expect(screenText(owner.id)).toContain(en('admin-products-created'));
    const p = await productByTitle('Weekend pass');
    expect(p).toMatchObject({ kind: 'time', amount: 2 * 86_400, priceMinor: null, priceStars: 700 });
    expect(stripe.callsTo('POST', '/v1/prices')).toHaveLength(pricesBefore);
    expect(await buyText()).toContain('Weekend pass');
  });

  it('/cancel in the middle creates nothing', async () => {
    const before = (await h.stack.db.database.db.select().from(products)).length;
    await h.handle(command(owner, '/products'));
    await press(owner, en('admin-products-new-button'));
    await press(owner, en('admin-products-kind-credits'));
    await say('Abandoned');
    await h.handle(command(owner, '/cancel'));
    expect(h.calls.some((c) => c.payload.text === en('admin-hub-cancelled'))).toBe(true);
    await say('40');
    expect((await h.stack.db.database.db.select().from(products)).length).toBe(before);
  });
});

describe('editing', () => {
  it('the card price: a new Price keyed on the change, the old one archived, the price id replaced', async () => {
    const before = await productByTitle('25 credits');
    await openProduct('25 credits');
    await press(owner, en('admin-products-edit-card'));
    await say('12.49');
    expect(screenText(owner.id)).toContain(en('admin-products-sync-done'));
    const first = await productByTitle('25 credits');
    expect(first.priceMinor).toBe(1249);
    expect(first.cardPriceRevision).toBe(before.cardPriceRevision + 1);
    expect(stripe.callsTo('POST', '/v1/prices').at(-1)!.idempotencyKey).toBe(
      `fanbridge-price-${first.id}-${first.cardPriceRevision}`,
    );
    expect(stripe.objects.prices.get(first.stripePriceId!)!.unit_amount).toBe(1249);

    // Again: the price of the first change is archived, keyed on it.
    await openProduct('25 credits');
    await press(owner, en('admin-products-edit-card'));
    await say('13');
    const second = await productByTitle('25 credits');
    expect(second.stripePriceId).not.toBe(first.stripePriceId);
    expect(stripe.objects.prices.get(first.stripePriceId!)!.active).toBe(false);
    const archive = stripe.callsTo('POST', `/v1/prices/${first.stripePriceId}`).at(-1)!;
    expect(archive.idempotencyKey).toBe(`fanbridge-archive-${first.stripePriceId}`);
    expect(archive.params).toMatchObject({ active: 'false' });
    expect(second.stripeProductId).toBe(first.stripeProductId);
    const audit = (await audits('product_edit')).at(-1)!;
    expect(audit.details).toMatchObject({ field: 'card', old: '1249 usd', new: '1300 usd' });
  });

  it('a failed sync says so with Retry; until then checkout charges the recorded amount', async () => {
    await openProduct('50 credits');
    await press(owner, en('admin-products-edit-card'));
    await say('15');
    const synced = await productByTitle('50 credits');
    stripe.failNext('/v1/prices', 'api_error');
    await openProduct('50 credits');
    await press(owner, en('admin-products-edit-card'));
    await say('16.50');
    const text = screenText(owner.id);
    expect(text).toContain('Stripe sync failed');
    expect(text).toContain(en('admin-products-item-stripe-pending'));
    const p = await productByTitle('50 credits');
    expect(p.priceMinor).toBe(1650);
    expect(p.stripePriceId).toBeNull();
    expect(p.stripeRetiredPriceId).toBe(synced.stripePriceId);

    // Checkout uses the amount in the books (price_data), not the old Price.
    const checkout = await h.stack.services.billing.startCheckout({
      userId: fan.id,
      productId: p.id,
      botUsername: 'fanbridge_test_bot',
    });
    expect(checkout.ok).toBe(true);
    const form = stripe.callsTo('POST', '/v1/checkout/sessions').at(-1)!.params as {
      line_items: Array<{ price?: string; price_data?: { unit_amount: string } }>;
    };
    expect(form.line_items[0]!.price).toBeUndefined();
    expect(form.line_items[0]!.price_data!.unit_amount).toBe('1650');

    await press(owner, en('admin-products-retry-sync'));
    expect(screenText(owner.id)).toContain(en('admin-products-sync-done'));
    const after = await productByTitle('50 credits');
    expect(stripe.objects.prices.get(after.stripePriceId!)!.unit_amount).toBe(1650);
    expect(stripe.objects.prices.get(synced.stripePriceId!)!.active).toBe(false);
    expect(after.stripeRetiredPriceId).toBeNull();
    // The retried Price call used the same key as the failed one.
    const keys = stripe
      .callsTo('POST', '/v1/prices')
      .slice(-2)
      .map((c) => [c.status, c.idempotencyKey]);
    expect(keys).toEqual([
      [500, `fanbridge-price-${p.id}-${p.cardPriceRevision}`],
      [200, `fanbridge-price-${p.id}-${p.cardPriceRevision}`],
    ]);
    expect(buttonsOf(menuCall(owner.id)).map((b) => b.text)).not.toContain(en('admin-products-retry-sync'));
  });

  it('name, credits and Stars price; a bad value is asked again; renaming renames it in Stripe too', async () => {
    await openProduct('100 credits');
    await press(owner, en('admin-products-edit-stars'));
    await say('-10');
    expect(h.lastText(owner.id)).toBe(en('admin-products-bad-stars', { max: 10_000 }));
    await say('380');
    await press(owner, en('admin-products-edit-credits'));
    await say('120');
    await press(owner, en('admin-products-edit-title'));
    await say('Tom & Jerry <3');
    // A title is plain text: escaped once on the card, never twice.
    expect(screenText(owner.id)).toContain(en('admin-products-item-pack', { title: 'Tom & Jerry <3' }));
    expect(screenText(owner.id)).toContain('Tom &amp; Jerry &lt;3');
    await press(owner, en('admin-products-edit-title'));
    await say('120 credits');
    const p = await productByTitle('120 credits');
    expect(p).toMatchObject({ amount: 120, priceStars: 380 });
    expect(stripe.objects.products.get(p.stripeProductId!)!.name).toBe('120 credits');
    expect(p.stripePriceId).not.toBeNull();
    const buy = await buyText();
    expect(buy).toContain('120 credits');
    expect(buy).toContain('⭐ 380');
  });
});

describe('on sale, order and badges as /buy shows them', () => {
  it('taking a product off sale hides it from /buy; putting it back shows it again', async () => {
    await openProduct('1-hour pass');
    await press(owner, en('admin-products-deactivate'));
    expect(screenText(owner.id)).toContain(en('admin-products-deactivated'));
    expect(await buyText()).not.toContain('1-hour pass');
    await h.handle(command(owner, '/products'));
    await press(owner, '⚪️ 1-hour pass');
    await press(owner, en('admin-products-activate'));
    expect(await buyText()).toContain('1-hour pass');
    expect((await audits('product_deactivate')).length).toBeGreaterThan(0);
  });

  it('up and down change the order of /buy', async () => {
    const order = (text: string) => text.indexOf('1-day pass') < text.indexOf('1-hour pass');
    expect(order(await buyText())).toBe(false);
    await openProduct('1-day pass');
    await press(owner, en('admin-products-up'));
    expect(screenText(owner.id)).toContain(en('admin-products-moved'));
    expect(order(await buyText())).toBe(true);
    await press(owner, en('admin-products-down'));
    expect(order(await buyText())).toBe(false);
  });

  it('badges show in /buy in the fan’s language, and can be removed', async () => {
    await openProduct('10 credits');
    await press(owner, en('billing-label-popular'));
    await press(owner, en('billing-label-best-value'));
    await openProduct('Mega pack');
    await press(owner, en('billing-label-popular'));
    const buy = await buyText();
    expect(buy).toContain(`10 credits</b>: ⭐ 50 · 💳 $4.99 ${en('billing-label-best-value')}`);
    expect(buy).toContain(en('billing-label-popular'));
    await openProduct('10 credits');
    await press(owner, `✓ ${en('billing-label-best-value')}`);
    await press(owner, en('admin-products-label-none'));
    expect(await buyText()).not.toContain(en('billing-label-best-value'));
    expect((await productByTitle('10 credits')).label).toBeNull();
  });
});

describe('auto-recharge of a changed pack', () => {
  it('pauses it for the fans who use the pack and asks each once; Confirm holds only for the terms shown', async () => {
    const pack = await productByTitle('10 credits');
    for (const f of [fan, fan2])
      await h.stack.uow.repos.users.setAutoRecharge(f.id, {
        enabled: true,
        productId: pack.id,
        threshold: 5,
      });
    await h.stack.uow.repos.users.setSavedCard(fan.id, {
      paymentMethodId: 'pm_card_visa',
      label: 'Visa 4242',
    });
    await h.stack.uow.repos.users.setStripeCustomer(fan.id, 'cus_test_fan');

    await openProduct('10 credits');
    await press(owner, en('admin-products-edit-card'));
    await say('5.49');
    expect(screenText(owner.id)).toContain(en('admin-products-paused-fans', { count: 2 }));
    const asks = async () =>
      (await h.stack.outboxRows()).filter((r) => r.idempotencyKey.startsWith(`ar-pause:${pack.id}:`));
    const first = await asks();
    expect(first.map((r) => r.chatId).sort()).toEqual([fan.id, fan2.id]);
    const payload = first.find((r) => r.chatId === fan.id)!.payload as {
      text: { key: string };
      keyboard: Array<Array<{ callback_data: string }>>;
    };
    expect(payload.text.key).toBe('billing-auto-paused-changed');
    expect(payload.keyboard[0]!.map((b) => b.callback_data)).toEqual([
      `arkeep:${pack.id}:549:10`,
      'ar:off:0:0',
    ]);
    expect((await h.stack.user(fan.id))!.autoRechargeEnabled).toBe(false);

    // Saving the same price again asks nobody again.
    await openProduct('10 credits');
    await press(owner, en('admin-products-edit-card'));
    await say('5.49');
    expect(screenText(owner.id)).toContain(en('admin-products-unchanged'));
    expect(await asks()).toHaveLength(2);

    // Confirm on the terms shown: on again with the same pack and threshold.
    await h.handle(callbackQuery(fan, `arkeep:${pack.id}:549:10`, h.lastMessage(owner.id)));
    expect(h.lastAnswer()!.text).toBe(en('billing-auto-saved'));
    expect(await h.stack.user(fan.id)).toMatchObject({
      autoRechargeEnabled: true,
      autoRechargeProductId: pack.id,
      autoRechargeThreshold: 5,
    });
    // A Confirm for terms that changed since (or forged) is refused.
    await h.handle(callbackQuery(fan2, `arkeep:${pack.id}:100:10`, h.lastMessage(owner.id)));
    expect(h.lastAnswer()!.text).toBe(en('billing-auto-keep-changed'));
    expect((await h.stack.user(fan2.id))!.autoRechargeEnabled).toBe(false);

    // Taking the pack off sale pauses the fan who confirmed, with "choose another".
    await openProduct('10 credits');
    await press(owner, en('admin-products-deactivate'));
    const gone = (await asks()).filter((r) => r.idempotencyKey.includes(':gone:'));
    expect(gone.map((r) => r.chatId)).toEqual([fan.id]);
    expect((gone[0]!.payload as { text: { key: string } }).text.key).toBe('billing-auto-paused-gone');
    await h.handle(callbackQuery(fan, `arkeep:${pack.id}:549:10`, h.lastMessage(owner.id)));
    expect(h.lastAnswer()!.text).toBe(en('billing-auto-unknown-pack'));
    await h.handle(command(owner, '/products'));
    await press(owner, '⚪️ 10 credits');
    await press(owner, en('admin-products-activate'));
  });
});

describe('refusals', () => {
  /** A hub button for products with the live menu's nonce (what a tampering client could send). */
  const forged = (act: string, arg: string) =>
    hubData.pack({
      nonce: dataOf(owner.id, en('admin-hub-close')).split(':')[1]!,
      cat: 'products',
      act,
      arg,
    });

  it('a tampered product id: unknown, not a pack or pass (a content unlock), or not a number', async () => {
    await h.handle(command(owner, '/products'));
    await h.handle(callbackQuery(owner, forged('item', '999999'), h.lastMessage(owner.id)));
    expect(screenText(owner.id)).toBe(en('admin-products-not-found'));
    await h.handle(command(owner, '/products'));
    const unlock = await h.stack.uow.run((r) =>
      r.products.create({ kind: 'unlock', title: 'Photo set', amount: 1, priceStars: 10, priceMinor: null }),
    );
    await h.handle(callbackQuery(owner, forged('off', String(unlock.id)), h.lastMessage(owner.id)));
    expect(screenText(owner.id)).toBe(en('admin-products-not-found'));
    expect((await h.stack.uow.repos.products.get(unlock.id))!.active).toBe(true);
    await h.handle(command(owner, '/products'));
    await h.handle(callbackQuery(owner, forged('item', 'abc'), h.lastMessage(owner.id)));
    expect(screenText(owner.id)).toBe(en('admin-hub-invalid'));
  });

  it('a button of an older menu is stale and changes nothing', async () => {
    await openProduct('25 credits');
    const old = dataOf(owner.id, en('admin-products-deactivate'));
    const message = h.lastMessage(owner.id);
    await h.handle(command(owner, '/products'));
    await h.handle(callbackQuery(owner, old, message));
    expect(screenText(owner.id)).toBe(en('admin-hub-stale'));
    expect((await productByTitle('25 credits')).active).toBe(true);
  });

  it('a manager may; an agent demoted mid-question gets nothing from answering', async () => {
    await openProduct('25 credits', manager);
    await press(manager, en('admin-products-edit-stars'));
    await h.stack.uow.repos.team.set(
      { userId: manager.id, role: 'agent', addedBy: OWNER_ID },
      h.stack.clock.now(),
    );
    try {
      await say('1', manager);
      expect(h.lastText(manager.id)).toBe(en('admin-hub-not-allowed'));
      expect((await productByTitle('25 credits')).priceStars).toBe(115);
    } finally {
      await h.stack.uow.repos.team.set(
        { userId: manager.id, role: 'manager', addedBy: OWNER_ID },
        h.stack.clock.now(),
      );
    }
  });
});

describe('without Stripe', () => {
  let plain: BotHarness;
  beforeAll(async () => {
    plain = await createBotHarness();
  });
  afterAll(() => plain.dispose());

  it('card prices are stored and the screen says card payments are off', async () => {
    await plain.handle(command(owner, '/products'));
    expect(plain.lastText(owner.id)).toContain(en('admin-products-stripe-off', { currency: 'USD' }));
    const [p] = await plain.stack.db.database.db
      .select()
      .from(products)
      .where(eq(products.title, '10 credits'));
    const res = await plain.stack.services.productsAdmin.edit(owner.id, p!.id, { field: 'card', value: 599 });
    expect(res).toMatchObject({ ok: true, sync: { state: 'off' } });
    expect((await plain.stack.uow.repos.products.get(p!.id))!.priceMinor).toBe(599);
  });
});

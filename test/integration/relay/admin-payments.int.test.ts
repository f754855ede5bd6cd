import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { balanceOf } from '../../support/accounts.ts';
import { eventually, type TestApp } from '../../support/app.ts';
import { OWNER_ID } from '../../support/config.ts';
import type { FakeStripe } from '../../support/fake-stripe/index.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { en } from '../../support/i18n.ts';
import { buyByCard, eventCursor, startStripeApp } from '../../support/stripe.ts';
import { useApp } from '../../support/suite.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';

/**
 * End to end through the webhook, the fake Bot API and the fake Stripe: an owner refunds from a
 * payment's card in /payments. Stars: Telegram refunds and the credits are taken back at once. Card:
 * Stripe refunds, and its charge.refunded webhook takes the credits back.
 */
let fake: FakeTelegram;
let t: TestApp;
let stripe: FakeStripe;

useApp(
  () => startStripeApp(),
  (s) => ({ fake, t, stripe } = s),
);

const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const uow = () => createUnitOfWork(t.db.database);

/** The owner's menu message as it is now (sent, then edited in place). */
function menuNow() {
  const calls = fake.calls.filter(
    (c) =>
      (c.method === 'sendMessage' || c.method === 'editMessageText') &&
      c.ok &&
      c.payload.chat_id === OWNER_ID &&
      c.payload.reply_markup,
  );
  return calls.at(-1)!;
}
async function pressLabel(label: string) {
  const call = menuNow();
  const b = (call.payload.reply_markup as Keyboard).inline_keyboard.flat().find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label}`);
  const message = fake.messagesIn(OWNER_ID).at(-1)!;
  await t.post(callbackQuery(owner, b.callback_data, message));
}
/** From /payments to a payment's card (Recent payments, then its button). */
async function openCard(paymentId: number, amountLabel: string) {
  await t.post(command(owner, '/payments'));
  await pressLabel(en('admin-payments-menu-recent'));
  await pressLabel(en('admin-payments-open', { id: String(paymentId), amount: amountLabel }));
  expect(String(menuNow().payload.text)).toContain(`#${paymentId}`);
}

describe('/payments: refund from the card, end to end', () => {
  it('Stars: confirmed, refunded through Telegram, credits taken back at once', async () => {
    const fan = fanUser(751, { first_name: 'Sia' });
    // With cards on, the catalogue offers both rails: its ⭐ button sends the Stars invoice.
    await t.post(command(fan, '/buy'));
    const catalog = fake
      .callsTo('sendMessage')
      .filter(
        (c) => c.payload.chat_id === fan.id && String(c.payload.text).startsWith(en('billing-catalog-title')),
      )
      .at(-1)!;
    const stars = (catalog.payload.reply_markup as Keyboard).inline_keyboard[0]![0]!;
    await t.post(callbackQuery(fan, stars.callback_data!, fake.messagesIn(fan.id).at(-1)!));
    const { paymentId } = await payLatestInvoice(t, fake, fan, 'stxSia1');
    await eventually(async () => (await uow().repos.payments.get(paymentId))?.status === 'paid', 10_000);
    const before = await balanceOf(t, fan.id);

    await openCard(paymentId, en('admin-payments-amount-stars', { amount: 50 }));
    await pressLabel(en('admin-payments-refund-button'));
    expect(fake.callsTo('refundStarPayment')).toHaveLength(0);
    await pressLabel(en('admin-payments-confirm-yes'));
    expect(fake.callsTo('refundStarPayment').at(-1)).toMatchObject({
      ok: true,
      payload: { user_id: fan.id, telegram_payment_charge_id: 'stxSia1' },
    });
    expect(String(menuNow().payload.text)).toContain(
      en('admin-payments-refunded-credits', {
        id: String(paymentId),
        stars: 50,
        taken: 10,
        balance: before - 10,
      }),
    );
    expect(await balanceOf(t, fan.id)).toBe(before - 10);
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('refunded');
  });

  it('card: confirmed, refunded through Stripe (keyed), credits taken back when the webhook arrives', async () => {
    const fan = fanUser(752, { first_name: 'Cid' });
    const events = eventCursor(t, stripe);
    events.skip();
    const buy = await buyByCard(t, fake, stripe, fan);
    stripe.completeCheckoutSession(buy.session.id);
    await events.deliver();
    const before = await balanceOf(t, fan.id);

    await openCard(
      buy.paymentId,
      en('admin-payments-amount-card', { amount: { money: { minor: 499, currency: 'usd' } } }),
    );
    const pi = (await uow().repos.payments.get(buy.paymentId))!.providerChargeId!;
    const links = (menuNow().payload.reply_markup as Keyboard).inline_keyboard.flat().filter((b) => b.url);
    expect(links).toEqual([
      { text: en('admin-payments-stripe-payment'), url: `https://dashboard.stripe.com/test/payments/${pi}` },
    ]);
    await pressLabel(en('admin-payments-refund-button'));
    await pressLabel(en('admin-payments-confirm-yes'));
    expect(
      stripe
        .callsTo('POST', '/v1/refunds')
        .filter((c) => c.idempotencyKey === `fanbridge-refund-${buy.paymentId}`),
    ).toHaveLength(1);
    expect(String(menuNow().payload.text)).toContain(en('admin-payments-not-refundable-pending'));

    const sent = await events.deliver();
    expect(sent.map((e) => e.type)).toContain('charge.refunded');
    expect(await balanceOf(t, fan.id)).toBe(before - 10);
    expect((await uow().repos.payments.get(buy.paymentId))!.status).toBe('refunded');
  });
});

describe('/payments and /system on the real wiring', () => {
  it('the revenue table is valid HTML for Telegram, and System asks the configured Stripe', async () => {
    await t.post(command(owner, '/payments'));
    await pressLabel(en('admin-payments-menu-revenue'));
    const revenue = menuNow();
    expect(revenue.method).toBe('editMessageText');
    expect(String(revenue.payload.text)).toContain('<pre>');

    const asked = stripe.callsTo('GET', '/v1/balance').length;
    await t.post(command(owner, '/system'));
    expect(stripe.callsTo('GET', '/v1/balance')).toHaveLength(asked + 1);
    const line = String(menuNow().payload.text)
      .split('\n')
      .find((l) => l.startsWith('💳'))!;
    const [head] = en('admin-system-stripe-ok', { ms: 0 }).split('0');
    expect(line.startsWith(head!)).toBe(true);
  });
});

/**
 * Reconciliation against the fake Stripe server (list calls through the SDK) and the fake Bot API
 * (`getStarTransactions`): every kind of mismatch is seeded the way it happens for real (a webhook that
 * never came, a refund or dispute made in the dashboard, a Stars payment or refund the bot missed, a row
 * with no payment behind it, an amount that differs), found, fixed once through the keyed paths, and a
 * second run finds only what is reported and never changed.
 */
import { Api } from 'grammy';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeStarsPayment } from '../../src/app/billing/stars.ts';
import type { ReconcileReport } from '../../src/app/reconcile/index.ts';
import { formatReconcileReport } from '../../src/cli/reconcile-report.ts';
import { auditLog, ledgerEntries } from '../../src/db/schema/index.ts';
import { createStripeClient } from '../../src/integrations/stripe/client.ts';
import { toBillingEvent } from '../../src/integrations/stripe/events.ts';
import { stripeCardGateway } from '../../src/integrations/stripe/gateway.ts';
import { stripeStatement } from '../../src/integrations/stripe/statement.ts';
import { starsStatement } from '../../src/integrations/telegram/star-transactions.ts';
import { OWNER_ID } from '../support/config.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe/index.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram/index.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';
import { STRIPE_KEY } from '../support/stripe.ts';

let s: ServiceStack;
let stripe: FakeStripe;
let telegram: FakeTelegram;
/** The last 30 days up to now (the fakes stamp objects with the wall clock, so the test clock follows it). */
const period = () => {
  s.clock.set(Date.now() + 1000);
  return { since: new Date(s.clock.now().getTime() - 30 * 86_400_000), until: s.clock.now() };
};
let sample = '';

beforeAll(async () => {
  stripe = await startFakeStripe();
  telegram = await startFakeTelegram();
  const client = createStripeClient({ secretKey: STRIPE_KEY, apiBase: stripe.apiBase });
  const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
  s = await createServiceStack({
    deps: {
      cards: stripeCardGateway(client),
      // Pages of 2, so three payments take two pages on each rail.
      statements: {
        stripe: stripeStatement(client, { pageSize: 2 }),
        stars: starsStatement(api, { pageSize: 2 }),
      },
    },
  });
});
afterAll(async () => {
  await s?.dispose();
  await stripe?.close();
  await telegram?.close();
  if (sample) process.stdout.write(`\n--- sample reconcile report (seeded mismatches) ---\n${sample}\n---\n`);
});

const productId = async (title: string) =>
  (await s.services.listCatalog()).find((p) => p.title === title)!.id;
const dashboard = () => createStripeClient({ secretKey: STRIPE_KEY, apiBase: stripe.apiBase });

/** A fan opens a Checkout page and pays on it; `deliver`: Stripe's events reach the books. */
async function cardPayment(fan: number, deliver: boolean) {
  await s.ensureFan(fan);
  const started = await s.services.billing.startCheckout({
    userId: fan,
    productId: await productId('10 credits'),
    botUsername: 'fanbridge_test_bot',
  });
  if (!started.ok) throw new Error(`checkout: ${started.code} ${started.detail ?? ''}`);
  const from = stripe.events.length;
  const payment = (await s.uow.repos.payments.get(started.paymentId))!;
  stripe.completeCheckoutSession(payment.checkoutSessionId!);
  if (deliver) await deliverSince(from);
  const pi = [...stripe.objects.paymentIntents.values()].find(
    (p) => p.metadata.payment_id === String(started.paymentId),
  )!;
  return { paymentId: started.paymentId, pi: pi.id };
}

async function deliverSince(from: number) {
  for (const e of stripe.events.slice(from))
    await s.services.billing.applyEvent({
      eventId: e.id,
      eventType: e.type,
      event: toBillingEvent(e),
      receivedAt: s.clock.now(),
    });
}

let charge = 0;
/** A fan pays a Stars invoice (Telegram has the transaction); `deliver`: `successful_payment` reached us. */
async function starsPayment(fan: number, deliver: boolean) {
  await s.ensureFan(fan);
  const started = await s.services.purchases.start({ userId: fan, productId: await productId('10 credits') });
  if (!started.ok) throw new Error(started.code);
  const chargeId = `stxReconcile${++charge}_${'x'.repeat(60)}`;
  telegram.registerPayment({
    user_id: fan,
    telegram_payment_charge_id: chargeId,
    total_amount: started.invoice.priceStars,
    invoice_payload: started.invoice.payload,
  });
  if (deliver)
    await completeStarsPayment(
      { uow: s.uow, clock: s.clock, access: s.services.access },
      { userId: fan, payload: started.invoice.payload, chargeId, totalAmount: started.invoice.priceStars },
    );
  return { chargeId, paymentId: Number(started.invoice.payload.slice(4)) };
}

const kinds = (r: ReconcileReport) => r.mismatches.map((m) => `${m.kind}/${m.cause}/${m.rail}`).sort();
const balance = async (fan: number) => (await s.user(fan))!.creditBalance;

describe('reconcile', () => {
  const seeded: Record<string, { fan: number; ref: string; paymentId: number }> = {};

  it('finds books that match as matching, reading every page', async () => {
    // More payments than one list page (the SDK pages with starting_after; Telegram's by offset).
    for (let i = 0; i < 3; i++) await cardPayment(9100 + i, true);
    for (let i = 0; i < 3; i++) await starsPayment(9200 + i, true);
    const report = await s.services.reconcile.run(period());
    expect(report.rails).toEqual([
      { rail: 'stripe', status: 'read', payments: 3, disputes: 0 },
      { rail: 'stars', status: 'read', payments: 3, disputes: 0 },
    ]);
    expect(report.mismatches).toEqual([]);
    const lists = stripe.callsTo('GET', '/v1/payment_intents');
    expect(lists.length).toBe(2);
    expect(lists[1]!.params.starting_after).toMatch(/^pi_/);
    const pages = telegram.callsTo('getStarTransactions');
    expect(pages.map((c) => [c.payload.offset, c.payload.limit])).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });

  it('finds each kind of mismatch, with what to do', async () => {
    // Stripe took the money; the webhook never came.
    const missed = await cardPayment(9301, false);
    seeded.png = { fan: 9301, ref: missed.pi, paymentId: missed.paymentId };
    // A refund and a dispute made in the dashboard (their webhooks lost).
    const refundedCard = await cardPayment(9302, true);
    await dashboard().refunds.create({ payment_intent: refundedCard.pi, amount: 200 });
    seeded.rnc = { fan: 9302, ref: refundedCard.pi, paymentId: refundedCard.paymentId };
    const disputed = await cardPayment(9303, true);
    stripe.createDispute(disputed.pi);
    seeded.dispute = { fan: 9303, ref: disputed.pi, paymentId: disputed.paymentId };
    // Telegram took Stars; `successful_payment` never reached us. And a Stars refund made elsewhere.
    const stars = await starsPayment(9304, false);
    seeded.starsPng = { fan: 9304, ref: stars.chargeId, paymentId: stars.paymentId };
    const starsRefunded = await starsPayment(9305, true);
    telegram.refundOutside(starsRefunded.chargeId);
    seeded.starsRnc = { fan: 9305, ref: starsRefunded.chargeId, paymentId: starsRefunded.paymentId };
    // A payment booked as paid with no payment behind it at Stripe.
    await s.ensureFan(9306);
    const tenCredits = await productId('10 credits');
    const ghost = await s.uow.run(async (r) => {
      const p = await r.payments.create({
        userId: 9306,
        productId: tenCredits,
        rail: 'stripe',
        amount: 499,
        currency: 'usd',
        kind: 'credits',
        quantity: 10,
      });
      await r.payments.markPaid(p.id, 'pi_NeverAtStripe', s.clock.now());
      return p;
    });
    seeded.gnp = { fan: 9306, ref: 'pi_NeverAtStripe', paymentId: ghost.id };
    // Stripe charged another amount against one of our payments (nothing was granted for it).
    await s.ensureFan(9307);
    const odd = await s.uow.run((r) =>
      r.payments.create({
        userId: 9307,
        productId: tenCredits,
        rail: 'stripe',
        amount: 499,
        currency: 'usd',
        kind: 'credits',
        quantity: 10,
      }),
    );
    const oddPi = await dashboard().paymentIntents.create({
      amount: 399,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { payment_id: String(odd.id), user_id: '9307' },
    });
    seeded.amt = { fan: 9307, ref: oddPi.id, paymentId: odd.id };

    const report = await s.services.reconcile.run(period());
    expect(kinds(report)).toEqual([
      'amount_differs/amount/stripe',
      'granted_not_paid/missing/stripe',
      'paid_not_granted/unpaid/stars',
      'paid_not_granted/unpaid/stripe',
      'refunded_not_clawed_back/dispute/stripe',
      'refunded_not_clawed_back/refund/stars',
      'refunded_not_clawed_back/refund/stripe',
    ]);
    const byRef = (ref: string, kind: string) =>
      report.mismatches.find((m) => m.ref === ref && m.kind === kind)!;
    expect(byRef(seeded.png.ref, 'paid_not_granted')).toMatchObject({
      action: 'apply',
      paymentId: seeded.png.paymentId,
      userId: 9301,
      provider: { amount: 499, currency: 'usd', refunded: 0 },
      booked: { status: 'pending' },
    });
    expect(byRef(seeded.rnc.ref, 'refunded_not_clawed_back').provider).toMatchObject({ refunded: 200 });
    expect(byRef(seeded.gnp.ref, 'granted_not_paid').action).toBe('report');
    expect(byRef(seeded.amt.ref, 'amount_differs')).toMatchObject({
      action: 'report',
      provider: { amount: 399 },
      booked: { amount: 499, status: 'pending' },
    });
    // Ids are stable from run to run: what the CLI prints is what --apply takes.
    const again = await s.services.reconcile.run(period());
    expect(again.mismatches.map((m) => m.id)).toEqual(report.mismatches.map((m) => m.id));
    sample = formatReconcileReport(report);
    for (const m of report.mismatches) expect(sample).toContain(m.id);
  });

  it('applies each fix once, through the keyed paths, audited; a second run finds only what is reported', async () => {
    const stripeWrites = stripe.calls.filter((c) => c.method !== 'GET').length;
    const telegramCalls = telegram.calls.filter((c) => c.method !== 'getStarTransactions').length;
    const before = await s.services.reconcile.run(period());
    const balances = {
      png: await balance(9301),
      rnc: await balance(9302),
      dispute: await balance(9303),
      starsPng: await balance(9304),
      starsRnc: await balance(9305),
    };
    for (const m of before.mismatches.filter((x) => x.action === 'apply')) {
      const res = await s.services.reconcile.apply({ id: m.id, period: period(), actor: { kind: 'cli' } });
      expect(res, m.id).toMatchObject({ ok: true });
      // A second apply finds nothing to do: the fact is in the books now.
      const twice = await s.services.reconcile.apply({ id: m.id, period: period(), actor: { kind: 'cli' } });
      expect(twice).toEqual({ ok: false, code: 'not_found' });
    }
    for (const m of before.mismatches.filter((x) => x.action === 'report')) {
      const res = await s.services.reconcile.apply({ id: m.id, period: period(), actor: { kind: 'cli' } });
      expect(res).toMatchObject({ ok: false, code: 'report_only' });
    }

    expect(await balance(9301)).toBe(balances.png + 10);
    expect(await balance(9304)).toBe(balances.starsPng + 10);
    expect(await balance(9302)).toBe(balances.rnc - 4); // 200 of 499 cents: 4 of the 10 credits
    expect(await balance(9303)).toBe(balances.dispute - 10);
    expect(await balance(9305)).toBe(balances.starsRnc - 10);
    expect((await s.uow.repos.payments.get(seeded.png!.paymentId))!.status).toBe('paid');
    expect((await s.uow.repos.payments.get(seeded.starsRnc!.paymentId))!.status).toBe('refunded');
    expect((await s.uow.repos.disputes.ofUser(9303)).map((d) => d.status)).toEqual(['open']);

    // Each fix is one ledger entry by reconciliation, naming the mismatch, and one audit row.
    const entries = await s.db.database.db
      .select()
      .from(ledgerEntries)
      .where(like(ledgerEntries.actor, 'reconcile:%'));
    expect(entries.map((e) => e.actor)).toEqual(Array(5).fill('reconcile:cli'));
    expect(new Set(entries.map((e) => (e.metadata as { reconcile: string }).reconcile)).size).toBe(5);
    const audits = await s.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reconcile_fix')));
    expect(audits).toHaveLength(5);

    const after = await s.services.reconcile.run(period());
    expect(kinds(after)).toEqual(['amount_differs/amount/stripe', 'granted_not_paid/missing/stripe']);
    expect((await s.services.checkLedger()).ok).toBe(true);
    // Read-only towards the providers: neither the runs nor the fixes wrote to Stripe or Telegram.
    expect(stripe.calls.filter((c) => c.method !== 'GET')).toHaveLength(stripeWrites);
    expect(telegram.calls.filter((c) => c.method !== 'getStarTransactions')).toHaveLength(telegramCalls);
  });

  it('a fix the webhook made meanwhile is not made twice', async () => {
    const late = await cardPayment(9401, false);
    const report = await s.services.reconcile.run(period());
    const m = report.mismatches.find((x) => x.ref === late.pi)!;
    const credits = await balance(9401);
    // The webhook arrives after the report was printed, before --apply.
    await deliverSince(0);
    expect(await balance(9401)).toBe(credits + 10);
    expect(await s.services.reconcile.apply({ id: m.id, period: period(), actor: { kind: 'cli' } })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await balance(9401)).toBe(credits + 10);
  });

  it('lets only those who may refund apply a fix from the control center', async () => {
    const missed = await cardPayment(9402, false);
    const m = (await s.services.reconcile.run(period())).mismatches.find((x) => x.ref === missed.pi)!;
    expect(
      await s.services.reconcile.apply({ id: m.id, period: period(), actor: { kind: 'admin', id: 424242 } }),
    ).toEqual({ ok: false, code: 'not_allowed' });
    const res = await s.services.reconcile.apply({
      id: m.id,
      period: period(),
      actor: { kind: 'admin', id: OWNER_ID },
    });
    expect(res.ok).toBe(true);
    const [entry] = await s.db.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.idempotencyKey, `stripe:${missed.pi}`));
    expect(entry!.actor).toBe(`reconcile:admin:${OWNER_ID}`);
  });

  it('the daily run alerts those who hear about money once per new mismatch', async () => {
    const missed = await cardPayment(9403, false);
    period();
    const first = await s.services.reconcile.alertNew();
    // The two reported-only mismatches and the new one: each alerted once.
    expect(first).toMatchObject({ mismatches: 3, alerted: 3, failed: [] });
    const second = await s.services.reconcile.alertNew();
    expect(second).toMatchObject({ mismatches: 3, alerted: 0 });
    const alerts = (await s.outboxRows()).filter((r) => r.idempotencyKey.startsWith('reconcile-alert:'));
    expect(alerts).toHaveLength(3);
    expect(alerts.every((a) => a.chatId === OWNER_ID)).toBe(true);
    const texts = alerts.map(
      (a) => (a.payload as unknown as { text: { key: string; args: { id: string } } }).text,
    );
    expect(texts.every((t) => t.key === 'reconcile-alert')).toBe(true);
    expect(texts.map((t) => t.args.id)).toContain(
      (await s.services.reconcile.run(period())).mismatches.find((m) => m.ref === missed.pi)!.id,
    );
  });

  it('a rail that cannot be read is reported and left out, not taken as missing payments', async () => {
    stripe.failNext(/^\/v1\/payment_intents$/, 'api_error', { times: 5 });
    const report = await s.services.reconcile.run(period());
    expect(report.rails[0]).toMatchObject({ rail: 'stripe', status: 'failed' });
    stripe.failNext(/^\/v1\/payment_intents$/, 'api_error', { times: 5 });
    expect(report.mismatches.every((m) => m.rail === 'stars')).toBe(true);
    await expect(s.services.reconcile.alertNew()).rejects.toThrow(/could not read stripe/);
  });
});

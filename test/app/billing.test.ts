import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StarsRefunds } from '../../src/app/ports/index.ts';
import { OWNER_ID } from '../support/config.ts';
import { OUTBOX_CLASS } from '../../src/app/outbox/policy.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/** What Telegram answers to `refundStarPayment`, set per test. */
let telegram: Awaited<ReturnType<StarsRefunds['refund']>> = { ok: true };
const refundCalls: Array<{ userId: number; chargeId: string }> = [];

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack({
    deps: {
      starsRefunds: {
        refund: async (userId, chargeId) => {
          refundCalls.push({ userId, chargeId });
          return telegram;
        },
      },
    },
  });
});
afterAll(() => s.dispose());

let charges = 0;
let updates = 810_000_000;

/** A fan pays a product with Stars, as the payment update would apply it: returns the payment id. */
async function payWithStars(
  userId: number,
  productId: number,
): Promise<{ paymentId: number; chargeId: string }> {
  const started = await s.services.purchases.start({ userId, productId });
  if (!started.ok) throw new Error(`purchase refused: ${started.code}`);
  const { payload, priceStars } = started.invoice;
  expect(
    await s.services.purchases.preCheckout({ userId, payload, currency: 'XTR', totalAmount: priceStars }),
  ).toEqual({ ok: true });
  const chargeId = `stxTEST${++charges}`;
  const received = await s.services.payments.receive({
    kind: 'successful_payment',
    updateId: ++updates,
    userId,
    chargeId,
    payload,
    raw: {
      message: {
        successful_payment: {
          currency: 'XTR',
          total_amount: priceStars,
          invoice_payload: payload,
          telegram_payment_charge_id: chargeId,
        },
      },
    },
  });
  expect(received.stored).toBe(true);
  // The job pg-boss would run: recorded by the stack, run here by hand.
  expect(s.jobs.at(-1)).toEqual({ method: 'applyPaymentUpdate', args: [received.inboxId] });
  expect(await s.services.payments.applyUpdate(received.inboxId!)).toBe('applied');
  return { paymentId: Number(payload.split(':')[1]), chargeId };
}

const creditPack = async () => (await s.services.listCatalog()).find((p) => p.kind === 'credits')!;
const timePass = async () => (await s.services.listCatalog()).find((p) => p.kind === 'time')!;

describe('billing: Stars purchases', () => {
  it('a paid credit pack adds its credits once, however often the update is applied', async () => {
    await s.ensureFan(3001);
    const pack = await creditPack();
    const before = (await s.user(3001))!.creditBalance;
    const { paymentId } = await payWithStars(3001, pack.id);
    expect((await s.user(3001))!.creditBalance).toBe(before + pack.amount);
    expect((await s.uow.repos.payments.get(paymentId))!.status).toBe('paid');
  });

  it("the purchase confirmation is a payment confirmation: it overtakes the fan's queued receipts", async () => {
    await s.ensureFan(3008);
    const { chargeId } = await payWithStars(3008, (await creditPack()).id);
    const confirmation = (await s.outboxRows()).find((r) => r.idempotencyKey.includes(chargeId));
    expect(confirmation).toMatchObject({ chatId: 3008, priority: OUTBOX_CLASS.reply });
  });

  it('a pre-checkout with the wrong amount is refused', async () => {
    await s.ensureFan(3002);
    const pack = await creditPack();
    const started = await s.services.purchases.start({ userId: 3002, productId: pack.id });
    if (!started.ok) throw new Error('not started');
    const res = await s.services.purchases.preCheckout({
      userId: 3002,
      payload: started.invoice.payload,
      currency: 'XTR',
      totalAmount: started.invoice.priceStars + 1,
    });
    expect(res.ok).toBe(false);
  });

  it('a banned fan cannot start a purchase; an unknown product is refused', async () => {
    await s.ensureFan(3003);
    await s.uow.repos.users.setBanned(3003, true);
    expect(await s.services.purchases.start({ userId: 3003, productId: (await creditPack()).id })).toEqual({
      ok: false,
      code: 'banned',
    });
    expect(await s.services.purchases.start({ userId: 3003, productId: 999_999 })).toEqual({
      ok: false,
      code: 'unknown_product',
    });
  });

  it('quick-buy finds a pack by its size, or lists the packs', async () => {
    const pack = await creditPack();
    expect((await s.services.purchases.findCreditPack(pack.amount)).pack?.id).toBe(pack.id);
    const none = await s.services.purchases.findCreditPack(123_457);
    expect(none.pack).toBeFalsy();
    expect(none.packs.length).toBeGreaterThan(0);
  });

  it('a paid time pass starts a pass and schedules its notices', async () => {
    await s.ensureFan(3004);
    const pass = await timePass();
    await payWithStars(3004, pass.id);
    const user = (await s.user(3004))!;
    expect(user.timePassUntil!.getTime()).toBe(s.clock.now().getTime() + pass.amount * 1000);
    expect(s.jobs.some((j) => j.method === 'schedulePassNotices' && j.args[0] === 3004)).toBe(true);
  });
});

describe('billing: refunds (services.refunds)', () => {
  it('an owner refunds a credit pack: Telegram is asked, the credits taken back, the fan told', async () => {
    await s.ensureFan(3101);
    const pack = await creditPack();
    const { paymentId, chargeId } = await payWithStars(3101, pack.id);
    const before = (await s.user(3101))!.creditBalance;
    telegram = { ok: true };
    const res = await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3101, paymentId, key: 'r1' });
    expect(res).toMatchObject({
      rail: 'stars',
      ok: true,
      kind: 'credits',
      stars: pack.priceStars,
      taken: pack.amount,
    });
    expect(refundCalls.at(-1)).toEqual({ userId: 3101, chargeId });
    expect((await s.user(3101))!.creditBalance).toBe(before - pack.amount);
    expect((await s.uow.repos.payments.get(paymentId))!.status).toBe('refunded');
    const notices = (await s.outboxRows()).filter((r) => r.chatId === 3101 && r.payload.kind === 'notice');
    expect(notices.length).toBeGreaterThan(0);
  });

  it('spent credits are gone: the claw-back stops at zero', async () => {
    await s.ensureFan(3102);
    const pack = await creditPack();
    const { paymentId } = await payWithStars(3102, pack.id);
    const balance = (await s.user(3102))!.creditBalance;
    await s.services.acceptFanMessage({ userId: 3102, chatId: 3102, messageId: 1, type: 'text' });
    const res = await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3102, paymentId, key: 'r2' });
    expect(res).toMatchObject({ ok: true, kind: 'credits', taken: Math.min(pack.amount, balance - 1) });
    expect((await s.user(3102))!.creditBalance).toBeGreaterThanOrEqual(0);
  });

  it('a second refund of the same payment is refused; Telegram is not asked again', async () => {
    await s.ensureFan(3103);
    const { paymentId } = await payWithStars(3103, (await creditPack()).id);
    await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3103, paymentId, key: 'r3' });
    const asked = refundCalls.length;
    const again = await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3103, paymentId, key: 'r3b' });
    expect(again).toMatchObject({ ok: false });
    expect(refundCalls).toHaveLength(asked);
  });

  it('someone who is not an owner cannot refund', async () => {
    await s.ensureFan(3104);
    const { paymentId } = await payWithStars(3104, (await creditPack()).id);
    expect(
      await s.services.refunds.refund({ adminId: 3104, userId: 3104, paymentId, key: 'r4' }),
    ).toMatchObject({ ok: false, code: 'not_admin' });
    expect((await s.uow.repos.payments.get(paymentId))!.status).toBe('paid');
  });

  it('Telegram refuses: nothing is taken back', async () => {
    await s.ensureFan(3105);
    const { paymentId } = await payWithStars(3105, (await creditPack()).id);
    const before = (await s.user(3105))!.creditBalance;
    telegram = { ok: false, kind: 'refused', error: 'CHARGE_ALREADY_REFUNDED?' };
    try {
      expect(
        await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3105, paymentId, key: 'r5' }),
      ).toMatchObject({ ok: false, code: 'telegram_error' });
    } finally {
      telegram = { ok: true };
    }
    expect((await s.user(3105))!.creditBalance).toBe(before);
  });

  it('no answer from Telegram: a retry job is queued and nothing taken back yet', async () => {
    await s.ensureFan(3106);
    const { paymentId } = await payWithStars(3106, (await creditPack()).id);
    telegram = { ok: false, kind: 'unknown', error: 'timeout' };
    try {
      expect(
        await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3106, paymentId, key: 'r6' }),
      ).toMatchObject({ ok: false, code: 'pending' });
    } finally {
      telegram = { ok: true };
    }
    expect(s.jobs.at(-1)).toEqual({
      method: 'retryStarsRefund',
      args: [{ paymentId, adminId: OWNER_ID, key: 'r6' }],
    });
    expect((await s.uow.repos.payments.get(paymentId))!.status).toBe('paid');
  });

  it('a refunded time pass is cut by its length', async () => {
    await s.ensureFan(3107);
    const pass = await timePass();
    const { paymentId } = await payWithStars(3107, pass.id);
    const res = await s.services.refunds.refund({ adminId: OWNER_ID, userId: 3107, paymentId, key: 'r7' });
    expect(res).toMatchObject({ ok: true, kind: 'time', seconds: pass.amount });
    const until = (await s.user(3107))!.timePassUntil;
    expect(until === null || until.getTime() <= s.clock.now().getTime()).toBe(true);
  });

  it('the ledger stays consistent after all of it', async () => {
    expect((await s.services.checkLedger()).ok).toBe(true);
  });
});

import { extendPass, formatDuration } from '../domain/entitlement/index.ts';
import { balanceBar } from '../domain/ledger/index.ts';
import type { Clock } from '../domain/shared/index.ts';
import type { Product, UnitOfWork } from './ports.ts';
import { scheduleCardRender, type RenderTimings } from './refresh.ts';

export interface PurchaseDeps {
  uow: UnitOfWork;
  clock: Clock;
  outboxSignal: { notify(): void };
  renderTimings?: RenderTimings;
}

/** The invoice payload: our payment id, so every Stars event maps back to one row. */
const PAYLOAD = /^pay:(\d{1,15})$/;
export const invoicePayload = (paymentId: number) => `pay:${paymentId}`;
const paymentIdOf = (payload: string) => {
  const m = PAYLOAD.exec(payload);
  return m ? Number(m[1]) : null;
};

export interface Invoice {
  payload: string;
  title: string;
  description: string;
  priceStars: number;
}

function describe(p: Product): string {
  if (p.description) return p.description;
  return p.kind === 'credits'
    ? `${p.amount} credits to send messages (text 1, photo 3, voice 5…).`
    : `Unlimited messages for ${formatDuration(p.amount * 1000)}.`;
}

/** A pending Stars payment for a product, and the invoice to send for it. */
export async function startStarsPurchase(
  deps: PurchaseDeps,
  a: { userId: number; productId: number },
): Promise<{ ok: true; invoice: Invoice } | { ok: false; code: 'unknown_product' }> {
  const product = await deps.uow.repos.products.get(a.productId);
  if (!product?.active || product.kind === 'unlock') return { ok: false, code: 'unknown_product' };
  const payment = await deps.uow.repos.payments.create({
    userId: a.userId,
    productId: product.id,
    rail: 'stars',
    amount: product.priceStars,
    currency: 'XTR',
    kind: product.kind,
    quantity: product.amount,
  });
  return {
    ok: true,
    invoice: {
      payload: invoicePayload(payment.id),
      title: product.title,
      description: describe(product),
      priceStars: product.priceStars,
    },
  };
}

/** The pack of exactly `credits` credits (quick-buy `/buy10`), or the list of packs when there is none. */
export async function findCreditPack(
  deps: PurchaseDeps,
  credits: number,
): Promise<{ pack: Product | null; packs: Product[] }> {
  const packs = (await deps.uow.repos.products.listActive()).filter((p) => p.kind === 'credits');
  return { pack: packs.find((p) => p.amount === credits) ?? null, packs };
}

/**
 * Telegram asks before charging (answer within 10 s): the payment must be pending and ours, and the
 * product still on sale at the price on the invoice.
 */
export async function checkStarsPreCheckout(
  deps: PurchaseDeps,
  q: { userId: number; payload: string; currency: string; totalAmount: number },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const id = paymentIdOf(q.payload);
  const payment = id === null ? null : await deps.uow.repos.payments.get(id);
  if (!payment || payment.userId !== q.userId || payment.status !== 'pending') {
    return { ok: false, message: 'This invoice is no longer valid. Please open /buy and try again.' };
  }
  const product = await deps.uow.repos.products.get(payment.productId);
  if (!product?.active)
    return { ok: false, message: 'This product is no longer on sale. Please choose another one in /buy.' };
  if (q.currency !== 'XTR' || q.totalAmount !== product.priceStars || payment.amount !== product.priceStars) {
    return {
      ok: false,
      message: 'The price has changed since this invoice was made. Please open /buy for the current price.',
    };
  }
  return { ok: true };
}

export type CompleteResult = { ok: true; duplicate: boolean } | { ok: false; code: 'unknown_payment' };

/**
 * Telegram took the Stars: grant exactly once (keyed on `telegram_payment_charge_id`), confirm to the fan.
 * A payment whose invoice is unknown still reached us: the caller alerts the owners (refund by hand).
 */
export async function completeStarsPayment(
  deps: PurchaseDeps,
  s: { userId: number; payload: string; chargeId: string; totalAmount: number },
): Promise<CompleteResult> {
  const id = paymentIdOf(s.payload);
  if (id === null) return { ok: false, code: 'unknown_payment' };
  const now = deps.clock.now();
  const res = await deps.uow.run(async (r): Promise<CompleteResult> => {
    const payment = await r.payments.get(id);
    if (!payment || payment.userId !== s.userId) return { ok: false, code: 'unknown_payment' };
    if (!(await r.payments.markPaid(id, s.chargeId, now))) return { ok: true, duplicate: true };
    let html: string;
    if (payment.kind === 'credits') {
      const grant = await r.ledger.apply({
        userId: s.userId,
        delta: payment.quantity,
        reason: 'purchase',
        idempotencyKey: `stars:${s.chargeId}`,
        actor: 'telegram',
        metadata: { paymentId: id, stars: s.totalAmount },
      });
      if (grant.status !== 'applied') return { ok: true, duplicate: true };
      const bar = balanceBar(grant.entry.balanceAfter, payment.quantity).text;
      html = `✅ <b>+${payment.quantity} credits</b> — balance ${grant.entry.balanceAfter}\n<code>${bar}</code>`;
    } else {
      const user = (await r.users.getForUpdate(s.userId))!;
      const until = extendPass(user.timePassUntil, payment.quantity, deps.clock);
      await r.users.setPassUntil(s.userId, until);
      await r.jobs.schedulePassNotices(s.userId, until, now);
      html = `✅ <b>Pass active until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC</b>: every message is free until then.`;
    }
    await r.outbox.enqueue([
      {
        lane: `out:${s.userId}`,
        chatId: s.userId,
        sortKey: 0,
        idempotencyKey: `purchase-notice:${s.chargeId}`,
        payload: { kind: 'notice', chatId: s.userId, html, userId: s.userId },
      },
    ]);
    await scheduleCardRender(r, s.userId, now, deps.renderTimings);
    return { ok: true, duplicate: false };
  });
  if (res.ok && !res.duplicate) deps.outboxSignal.notify();
  return res;
}

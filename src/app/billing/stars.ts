import { formatDuration } from '../../domain/entitlement/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { checkUnlockPreCheckout, grantInvoiceUnlock } from '../content/stars.ts';
import type { Access, Product, Repos, TextRef, UnitOfWork } from '../ports/index.ts';
import { grantPayment } from './grants.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { fanNotice } from '../system/notices.ts';
import { text } from '../texts.ts';

export interface PurchaseDeps {
  uow: UnitOfWork;
  clock: Clock;
  renderTimings?: RenderTimings;
  /** Who hears about a second payment for content a fan already owned (holders of `payments.refund`). */
  access: Access;
}

/** The invoice payload: our payment id, so every Stars event maps back to one row. */
const PAYLOAD = /^pay:(\d{1,15})$/;
export const invoicePayload = (paymentId: number) => `pay:${paymentId}`;
/** Our payment id in an invoice payload (`pay:<id>`); null for anything else (paid media, others). */
export const invoicePaymentId = (payload: string) => {
  const m = PAYLOAD.exec(payload);
  return m ? Number(m[1]) : null;
};

export interface Invoice {
  payload: string;
  title: string;
  description: string;
  priceStars: number;
}

/**
 * What the invoice or the Checkout page says the product is: the owner's description, or one made from
 * the product (message prices are settings, so they are not repeated here).
 */
export function productDescription(p: Product): string {
  if (p.description) return p.description;
  return p.kind === 'credits'
    ? `${p.amount} credits to message the creator on Telegram.`
    : `Unlimited messages to the creator on Telegram for ${formatDuration(p.amount * 1000)}.`;
}

/** A pending Stars payment for a product, and the invoice to send for it. */
export async function startStarsPurchase(
  deps: PurchaseDeps,
  a: { userId: number; productId: number },
): Promise<{ ok: true; invoice: Invoice } | { ok: false; code: 'unknown_product' | 'banned' }> {
  const product = await deps.uow.repos.products.get(a.productId);
  if (!product?.active || product.kind === 'unlock') return { ok: false, code: 'unknown_product' };
  if ((await deps.uow.repos.users.get(a.userId))?.isBanned) return { ok: false, code: 'banned' };
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
      description: productDescription(product),
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
): Promise<{ ok: true } | { ok: false; message: string | TextRef }> {
  const id = invoicePaymentId(q.payload);
  const payment = id === null ? null : await deps.uow.repos.payments.get(id);
  if (!payment || payment.userId !== q.userId || payment.status !== 'pending') {
    return { ok: false, message: text('billing-invoice-invalid') };
  }
  // Banned after the invoice was sent: refused before any Stars move.
  if ((await deps.uow.repos.users.get(payment.userId))?.isBanned)
    return { ok: false, message: text('billing-banned') };
  if (payment.kind === 'unlock') return checkUnlockPreCheckout(deps.uow.repos, payment, q);
  const product = await deps.uow.repos.products.get(payment.productId);
  if (!product?.active) return { ok: false, message: text('billing-invoice-off-sale') };
  if (q.currency !== 'XTR' || q.totalAmount !== product.priceStars || payment.amount !== product.priceStars) {
    return { ok: false, message: text('billing-invoice-price-changed') };
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
  const id = invoicePaymentId(s.payload);
  if (id === null) return { ok: false, code: 'unknown_payment' };
  const res = await deps.uow.run((r) => completeStarsPaymentIn(r, deps, { ...s, paymentId: id }));
  return res;
}

/**
 * The grant of a Stars payment inside the caller's transaction: the payment moves to `paid` with the
 * charge id and what it bought is granted, keyed `stars:<charge id>`. Telegram's `successful_payment`
 * and reconciliation (a payment in the bot's Star transactions that never reached us) both come here.
 */
export async function completeStarsPaymentIn(
  r: Repos,
  deps: Omit<PurchaseDeps, 'uow'>,
  s: { userId: number; paymentId: number; chargeId: string; totalAmount: number },
  by: { actor: string; metadata?: Record<string, unknown> } = { actor: 'telegram' },
): Promise<CompleteResult> {
  const now = deps.clock.now();
  const payment = await r.payments.get(s.paymentId);
  if (!payment || payment.userId !== s.userId) return { ok: false, code: 'unknown_payment' };
  if (!(await r.payments.markPaid(payment.id, s.chargeId, now))) return { ok: true, duplicate: true };
  if (payment.kind === 'unlock') {
    const html = await grantInvoiceUnlock(r, deps, { payment, chargeId: s.chargeId });
    await r.outbox.enqueue([fanNotice(s.userId, `purchase-notice:${s.chargeId}`, html)]);
    await scheduleCardRender(r, s.userId, now, deps.renderTimings);
  } else {
    const granted = await grantPayment(r, deps, payment, {
      key: `stars:${s.chargeId}`,
      actor: by.actor,
      metadata: { stars: s.totalAmount, ...by.metadata },
      paid: `⭐ ${s.totalAmount}`,
    });
    if (!granted) return { ok: true, duplicate: true };
  }
  return { ok: true, duplicate: false };
}

import { fanNotice } from '../../system/notices.ts';
import type { BillingEvent, Repos } from '../../ports/index.ts';
import { grantPayment } from '../grants.ts';
import { alertFailedPayment, fanName } from '../owner-alerts.ts';
import { text } from '../../texts.ts';
import {
  alert,
  BY_STRIPE,
  ourPayment,
  priceOf,
  what,
  whatArgs,
  type Applied,
  type AppliedBy,
  type StripeEventDeps,
} from './shared.ts';

export async function succeeded(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.succeeded' }>,
  by: AppliedBy = BY_STRIPE,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  if (!p) return 'ignored';
  if (p.providerChargeId !== null && p.providerChargeId !== ev.paymentIntentId) {
    // The same payment paid through a second PaymentIntent: keep the money question with a human.
    await r.outbox.enqueue(
      await alert(
        deps,
        r,
        `stripe-double:${ev.paymentIntentId}`,
        text('billing-admin-stripe-double', {
          id: String(p.id),
          fan: { html: await fanName(r, p.userId) },
          first: p.providerChargeId,
          second: ev.paymentIntentId,
        }),
      ),
    );
    return 'applied';
  }
  if (ev.currency !== p.currency || ev.amount < p.amount) {
    await r.outbox.enqueue(
      await alert(
        deps,
        r,
        `stripe-mismatch:${ev.paymentIntentId}`,
        text('billing-admin-stripe-mismatch', {
          reported: { money: { minor: ev.amount, currency: ev.currency } },
          id: String(p.id),
          fan: { html: await fanName(r, p.userId) },
          price: priceOf(p),
        }),
      ),
    );
    return 'applied';
  }
  if (!(await r.payments.markPaid(p.id, ev.paymentIntentId, deps.clock.now()))) return 'duplicate';
  if (p.origin === 'auto_recharge') await r.users.resetAutoRechargeFailures(p.userId);
  const granted = await grantPayment(r, deps, p, {
    key: `stripe:${ev.paymentIntentId}`,
    actor: by.actor,
    reason: p.origin === 'auto_recharge' ? 'auto_recharge' : 'purchase',
    metadata: { paymentIntent: ev.paymentIntentId, amount: ev.amount, currency: ev.currency, ...by.metadata },
    paid: { money: { minor: ev.amount, currency: ev.currency } },
  });
  return granted ? 'applied' : 'duplicate';
}

export async function processing(
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.processing' }>,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  if (!p || p.status !== 'pending') return 'ignored';
  await r.outbox.enqueue([
    fanNotice(
      p.userId,
      `pay-processing:${p.id}`,
      text('billing-card-processing', { price: priceOf(p), ...(await whatArgs(r, p)) }),
    ),
  ]);
  return 'applied';
}

/**
 * The fan left the Checkout page and it expired: the payment is closed as failed (nothing was charged),
 * so it no longer shows as waiting. Nobody is told: leaving was their choice, and `/start paid_<id>`
 * answers with the new status.
 */
export async function expired(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.expired' }>,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  if (!p || p.status !== 'pending') return 'ignored';
  await r.payments.markFailed(p.id, deps.clock.now());
  return 'applied';
}

/**
 * The first failure of a pending payment tells the fan, once: a bank debit's failure comes as two
 * events (`payment_intent.payment_failed`, then `…async_payment_failed`), and a second card declined on
 * the same Checkout page changes nothing the fan does not see there.
 */
export async function failed(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.failed' }>,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  // An off-session charge's failure belongs to the auto-recharge job that made it: it marks the payment,
  // counts the failure and tells the fan, once, however often the job or this event is repeated.
  if (!p || p.origin === 'auto_recharge') return 'ignored';
  if (!(await r.payments.markFailed(p.id, deps.clock.now()))) return 'duplicate';
  const notice = text('billing-card-failed', {
    price: priceOf(p),
    ...(await whatArgs(r, p)),
    reason: ev.message ?? '',
  });
  await r.outbox.enqueue([
    fanNotice(p.userId, `pay-failed:${p.id}`, notice, {
      keyboard: [
        [{ text: text('billing-card-retry-button'), callback_data: `cardpay:${p.productId}` }],
        [{ text: text('billing-pay-stars-button'), callback_data: `buy:${p.productId}` }],
      ],
    }),
  ]);
  await alertFailedPayment(r, deps, {
    key: `stripe:${p.id}`,
    userId: p.userId,
    paymentId: p.id,
    amount: p.amount,
    currency: p.currency,
    what: await what(r, p),
    reason: ev.message ?? ev.code,
    autoRecharge: false,
  });
  return 'applied';
}

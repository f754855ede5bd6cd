import { refundShare } from '../../../domain/ledger/index.ts';
import { fanNotice } from '../../system/notices.ts';
import type { BillingEvent, Repos, TextRef } from '../../ports/index.ts';
import { text } from '../../texts.ts';
import { scheduleCardRender } from '../../relay/refresh.ts';
import { cutUserPass } from '../passes.ts';
import { BY_STRIPE, paymentOfIntent, type Applied, type AppliedBy, type StripeEventDeps } from './shared.ts';

/** Refunds (from the dashboard, `/refund`, or Stripe) are cumulative: each step takes back its share. */
export async function refunded(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'charge.refunded' }>,
  by: AppliedBy = BY_STRIPE,
): Promise<Applied> {
  const p = await paymentOfIntent(r, ev.paymentIntentId);
  if (!p) return 'unmatched';
  const total = Math.min(ev.amountRefunded, p.amount);
  // An older event arriving after a newer one carries a smaller cumulative amount: nothing to do.
  if (total <= p.refundedAmount) return 'duplicate';
  const now = deps.clock.now();
  const step = refundShare(p.quantity, p.amount, total) - refundShare(p.quantity, p.amount, p.refundedAmount);
  await r.payments.setRefunded(p.id, total, now);
  const key = `refund:stripe:${ev.paymentIntentId}:${total}`;
  const amount = { money: { minor: total - p.refundedAmount, currency: p.currency } };
  const full = total >= p.amount ? 'yes' : 'no';
  let notice: TextRef;
  if (p.kind === 'credits') {
    const entry = await r.ledger.apply({
      userId: p.userId,
      delta: -step,
      reason: 'refund',
      idempotencyKey: key,
      actor: by.actor,
      metadata: {
        paymentId: p.id,
        paymentIntent: ev.paymentIntentId,
        refunded: total,
        amount: p.amount,
        ...by.metadata,
      },
      mode: 'clamp',
    });
    if (entry.status === 'insufficient') throw new Error('a clamped refund cannot be insufficient');
    const taken = -entry.entry.delta;
    notice = text('billing-card-refunded-credits', {
      amount,
      full,
      credits: p.quantity,
      taken,
      balance: entry.entry.balanceAfter,
    });
  } else if (p.kind === 'time') {
    const { until } = await cutUserPass(r, deps.clock, p.userId, step);
    await r.ledger.apply({
      userId: p.userId,
      delta: 0,
      reason: 'refund',
      idempotencyKey: key,
      actor: by.actor,
      metadata: {
        paymentId: p.id,
        paymentIntent: ev.paymentIntentId,
        refunded: total,
        seconds: step,
        ...by.metadata,
      },
    });
    const args = { amount, full, duration: { duration: p.quantity * 1000 } };
    notice = until
      ? text('billing-card-refunded-pass', { ...args, until })
      : text('billing-card-refunded-pass-ended', args);
  } else {
    const title = (await r.products.get(p.productId))?.title ?? `#${p.productId}`;
    notice = text('billing-card-refunded-item', { amount, title });
  }
  await r.outbox.enqueue([fanNotice(p.userId, `refund-notice:${key}`, notice)]);
  await scheduleCardRender(r, p.userId, now, deps.renderTimings);
  return 'applied';
}

import { formatDuration } from '../../../domain/entitlement/index.ts';
import { refundShare } from '../../../domain/ledger/index.ts';
import { formatMoney } from '../../../domain/shared/index.ts';
import { utcMinute } from '../../messages.ts';
import { fanNotice } from '../../system/notices.ts';
import type { BillingEvent, Repos } from '../../ports/index.ts';
import { scheduleCardRender } from '../../relay/refresh.ts';
import { cutUserPass } from '../passes.ts';
import { paymentOfIntent, what, type Applied, type StripeEventDeps } from './shared.ts';

/** Refunds (from the dashboard, `/refund`, or Stripe) are cumulative: each step takes back its share. */
export async function refunded(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'charge.refunded' }>,
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
  const money = formatMoney(total - p.refundedAmount, p.currency);
  const full = total >= p.amount;
  let html: string;
  if (p.kind === 'credits') {
    const entry = await r.ledger.apply({
      userId: p.userId,
      delta: -step,
      reason: 'refund',
      idempotencyKey: key,
      actor: 'stripe',
      metadata: { paymentId: p.id, paymentIntent: ev.paymentIntentId, refunded: total, amount: p.amount },
      mode: 'clamp',
    });
    if (entry.status === 'insufficient') throw new Error('a clamped refund cannot be insufficient');
    const taken = -entry.entry.delta;
    html =
      `↩️ ${money} of your payment for ${p.quantity} credits was refunded${full ? ' (the whole payment)' : ''}.` +
      (taken > 0 ? ` ${taken} credits were taken back.` : '') +
      ` Balance: ${entry.entry.balanceAfter} credits.`;
  } else if (p.kind === 'time') {
    const { until } = await cutUserPass(r, deps.clock, p.userId, step);
    await r.ledger.apply({
      userId: p.userId,
      delta: 0,
      reason: 'refund',
      idempotencyKey: key,
      actor: 'stripe',
      metadata: { paymentId: p.id, paymentIntent: ev.paymentIntentId, refunded: total, seconds: step },
    });
    html =
      `↩️ ${money} of your payment for a ${formatDuration(p.quantity * 1000)} pass was refunded${full ? ' (the whole payment)' : ''}. ` +
      (until ? `Your pass now ends ${utcMinute(until)}.` : 'Your pass has ended.');
  } else {
    html = `↩️ ${money} of your payment for ${await what(r, p)} was refunded.`;
  }
  await r.outbox.enqueue([fanNotice(p.userId, `refund-notice:${key}`, html)]);
  await scheduleCardRender(r, p.userId, now, deps.renderTimings);
  return 'applied';
}

import { refundShare } from '../../../domain/ledger/index.ts';
import { formatMoney } from '../../../domain/shared/index.ts';
import { escapeHtml, utcMinute } from '../../messages.ts';
import type { NoticeKeyboard } from '../../system/notices.ts';
import type { BillingEvent, Repos } from '../../ports/index.ts';
import { scheduleCardRender } from '../../relay/refresh.ts';
import { cardBlock, disputeBanCallback, stopCardSales } from '../disputes.ts';
import { fanName, topicButton } from '../owner-alerts.ts';
import { cutUserPass, extendUserPass } from '../passes.ts';
import { alert, paymentOfIntent, what, type Applied, type StripeEventDeps } from './shared.ts';

/** Disputes: the money is held from the creator at once, so the credits it bought are held too. */
export async function disputeOpened(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'dispute.opened' }>,
): Promise<Applied> {
  const p = await paymentOfIntent(r, ev.paymentIntentId);
  if (!p) return 'unmatched';
  const key = `dispute:${ev.disputeId}`;
  if (await r.ledger.findByKey(key)) return 'duplicate';
  // What the payment still stands for: refunds already took back their share.
  const remaining = p.quantity - refundShare(p.quantity, p.amount, p.refundedAmount);
  let held: string;
  if (p.kind === 'credits') {
    const entry = await r.ledger.apply({
      userId: p.userId,
      delta: -remaining,
      reason: 'dispute',
      idempotencyKey: key,
      actor: 'stripe',
      metadata: { paymentId: p.id, dispute: ev.disputeId, paymentIntent: ev.paymentIntentId },
      mode: 'clamp',
    });
    if (entry.status === 'insufficient') throw new Error('a clamped dispute cannot be insufficient');
    held = `${-entry.entry.delta} of the ${p.quantity} credits it bought were removed (balance ${entry.entry.balanceAfter}).`;
  } else if (p.kind === 'time') {
    const { until, cutSeconds: cut } = await cutUserPass(r, deps.clock, p.userId, remaining);
    await r.ledger.apply({
      userId: p.userId,
      delta: 0,
      reason: 'dispute',
      idempotencyKey: key,
      actor: 'stripe',
      metadata: { paymentId: p.id, dispute: ev.disputeId, paymentIntent: ev.paymentIntentId, seconds: cut },
    });
    held = until ? `The fan's pass now ends ${utcMinute(until)}.` : "The fan's pass was ended.";
  } else {
    held = 'Nothing was taken back (an unlock).';
  }
  const stopped = await stopCardSales(r, {
    disputeId: ev.disputeId,
    userId: p.userId,
    paymentId: p.id,
    now: deps.clock.now(),
  });
  const consequences = [
    stopped.autoRechargeWasOn ? 'Auto-recharge is off.' : '',
    stopped.card ? `The saved card ${escapeHtml(stopped.card)} is forgotten and removed in Stripe.` : '',
    'Card payments from this fan are stopped until the dispute is won (Telegram Stars still work).',
  ].filter(Boolean);
  await r.admin.audit({
    actorId: 0,
    userId: p.userId,
    action: 'stripe_dispute_opened',
    details: {
      paymentId: p.id,
      dispute: ev.disputeId,
      amount: ev.amount,
      currency: ev.currency,
      reason: ev.reason,
    },
  });
  await r.outbox.enqueue(
    await alert(
      deps,
      r,
      `dispute-alert:${ev.disputeId}`,
      `🚨 <b>Dispute opened</b> by ${await fanName(r, p.userId)}: ${formatMoney(ev.amount, ev.currency)} on payment #${p.id} (${await what(r, p)}), reason “${escapeHtml(ev.reason.replace(/_/g, ' '))}”.\n${held}\n${consequences.join(' ')}\nAnswer it in the Stripe dashboard before the deadline.`,
      await disputeKeyboard(r, p.userId),
    ),
  );
  await scheduleCardRender(r, p.userId, deps.clock.now(), deps.renderTimings);
  return 'applied';
}

/** The fan's topic, and a one-tap ban (re-checked and done by the bot through `admin.setBan`). */
async function disputeKeyboard(r: Repos, userId: number): Promise<NoticeKeyboard> {
  const topic = await topicButton(r, userId);
  return [
    [...(topic ? [topic] : []), { text: '🚫 Ban this fan', callback_data: disputeBanCallback(userId) }],
  ];
}

export async function disputeClosed(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'dispute.closed' }>,
): Promise<Applied> {
  const p = await paymentOfIntent(r, ev.paymentIntentId);
  if (!p) return 'unmatched';
  const held = await r.ledger.findByKey(`dispute:${ev.disputeId}`);
  // Won, or an inquiry closed without a chargeback: the creator keeps the money, the fan the credits.
  const kept = ev.status === 'won' || ev.status === 'warning_closed';
  let restored = '';
  if (kept && held) {
    const seconds = typeof held.metadata.seconds === 'number' ? held.metadata.seconds : 0;
    const back = await r.ledger.apply({
      userId: p.userId,
      delta: -held.delta,
      reason: 'dispute',
      idempotencyKey: `dispute-won:${ev.disputeId}`,
      actor: 'stripe',
      metadata: {
        paymentId: p.id,
        dispute: ev.disputeId,
        reverses: held.id,
        ...(seconds ? { seconds } : {}),
      },
    });
    if (back.status !== 'applied') return 'duplicate';
    if (seconds > 0) {
      const until = await extendUserPass(r, deps.clock, p.userId, seconds);
      restored = ` The pass time it had cut was given back (now until ${utcMinute(until)}).`;
    } else if (held.delta < 0) {
      restored = ` The ${-held.delta} credits it removed were given back (balance ${back.entry.balanceAfter}).`;
    }
    await scheduleCardRender(r, p.userId, deps.clock.now(), deps.renderTimings);
  }
  await r.admin.audit({
    actorId: 0,
    userId: p.userId,
    action: 'stripe_dispute_closed',
    details: { paymentId: p.id, dispute: ev.disputeId, status: ev.status },
  });
  await r.disputes.close(
    { id: ev.disputeId, userId: p.userId, paymentId: p.id, status: ev.status },
    deps.clock.now(),
  );
  const blocked = await cardBlock(r, p.userId);
  const cards = !blocked
    ? ' Card payments from this fan work again.'
    : blocked.id === ev.disputeId
      ? ' Card payments from this fan stay stopped.'
      : ' Card payments from this fan stay stopped: another of their disputes is open or was lost.';
  const verdict = kept
    ? `✅ <b>${ev.status === 'won' ? 'Dispute won' : 'Inquiry closed without a chargeback'}</b> on payment #${p.id} of ${await fanName(r, p.userId)}.${restored}${cards}`
    : `❌ <b>Dispute ${escapeHtml(ev.status.replace(/_/g, ' '))}</b> on payment #${p.id} of ${await fanName(r, p.userId)}: the money went back to the cardholder; the credits stay removed.${cards}`;
  await r.outbox.enqueue(await alert(deps, r, `dispute-closed:${ev.disputeId}`, verdict));
  return 'applied';
}

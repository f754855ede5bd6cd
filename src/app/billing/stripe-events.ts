import { formatDuration } from '../../domain/entitlement/index.ts';
import { refundShare } from '../../domain/ledger/index.ts';
import { formatMoney, type Clock } from '../../domain/shared/index.ts';
import { armIfBelow } from './auto-recharge.ts';
import { grantPayment } from './grants.ts';
import { cardBlock, disputeBanCallback, stopCardSales } from './disputes.ts';
import { escapeHtml, utcMinute } from '../messages.ts';
import { alertTargets, fanNotice, ownerAlerts, type NoticeKeyboard } from '../system/notices.ts';
import { alertFailedPayment, fanName, topicButton } from './owner-alerts.ts';
import type { Payment, Repos, UnitOfWork } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { cutUserPass, extendUserPass } from './passes.ts';

/**
 * A Stripe webhook event, reduced to what the app acts on (integrations/stripe/events.ts maps the SDK's
 * objects to these). Ids of our own rows come from the metadata we set on the Checkout Session and its
 * PaymentIntent; events about a charge (refunds, disputes) find the payment by its PaymentIntent id.
 */
export type BillingEvent =
  | {
      type: 'payment.succeeded';
      paymentId: number | null;
      userId: number | null;
      paymentIntentId: string;
      amount: number;
      currency: string;
    }
  /** A Checkout Session completed, but the money is still on its way (bank debits). */
  | { type: 'payment.processing'; paymentId: number | null; userId: number | null }
  /** A Checkout Session nobody paid within its lifetime (24 h): the fan left the page. */
  | { type: 'payment.expired'; paymentId: number | null; userId: number | null }
  | {
      type: 'payment.failed';
      paymentId: number | null;
      userId: number | null;
      /** The bank's reason, as Stripe words it for the customer. */
      message: string | null;
      /** Stripe's decline code (`card_declined`, `authentication_required`…). */
      code: string | null;
    }
  | { type: 'card.saved'; customerId: string; paymentMethodId: string; label: string }
  /** The fan removed a card (in the billing portal): auto-recharge must not try it. */
  | { type: 'card.removed'; paymentMethodId: string }
  | {
      type: 'dispute.opened';
      disputeId: string;
      paymentIntentId: string;
      amount: number;
      currency: string;
      reason: string;
    }
  | { type: 'dispute.closed'; disputeId: string; paymentIntentId: string; status: string }
  | {
      type: 'charge.refunded';
      paymentIntentId: string;
      /** Cumulative over every refund of the charge. */
      amountRefunded: number;
      amount: number;
      currency: string;
    };

export interface StripeEventDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminGroupId: number | null;
  adminUserIds: number[];
  outboxSignal: { notify(): void };
  renderTimings?: RenderTimings;
}

export type StripeEventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * A refund or dispute for a PaymentIntent we do not know (yet): its payment's success event may still be
 * on its way (Stripe does not deliver in order, and retries what failed during an outage). Thrown for an
 * hour after we first received the event, so its job is retried and nothing is recorded; then it is
 * ignored (not ours). Counted from our receipt, not Stripe's `created`: after an outage of ours, every
 * redelivered event is old, and the success it waits for may be right behind it.
 */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}

/** How long an unmatched refund or dispute is retried before it is taken as another integration's. */
const UNMATCHED_RETRY_MS = 60 * 60_000;

/**
 * Applies one verified Stripe event exactly once: the event id is claimed in the same transaction as
 * its effect, and every effect is itself keyed (grants on the PaymentIntent id, clawbacks on the
 * refunded amount or the dispute id), so another event carrying the same fact changes nothing either.
 */
export async function applyStripeEvent(
  deps: StripeEventDeps,
  e: { eventId: string; eventType: string; event: BillingEvent | null; receivedAt: Date },
): Promise<StripeEventOutcome> {
  const res = await deps.uow.run(async (r): Promise<StripeEventOutcome> => {
    if (!(await r.stripeEvents.claim(e.eventId, e.eventType))) return 'duplicate';
    const outcome = e.event ? await apply(deps, r, e.event) : 'ignored';
    if (outcome === 'unmatched') {
      if (deps.clock.now().getTime() - e.receivedAt.getTime() < UNMATCHED_RETRY_MS)
        throw new RetryLaterError(`no paid payment for ${e.eventType} ${e.eventId} yet`);
      await r.stripeEvents.setOutcome(e.eventId, 'ignored');
      return 'ignored';
    }
    if (outcome !== 'applied') await r.stripeEvents.setOutcome(e.eventId, outcome);
    return outcome;
  });
  if (res === 'applied') deps.outboxSignal.notify();
  return res;
}

/** `unmatched`: a charge-level event (refund, dispute) whose payment is not known to be paid. */
type Applied = StripeEventOutcome | 'unmatched';

async function apply(deps: StripeEventDeps, r: Repos, ev: BillingEvent): Promise<Applied> {
  switch (ev.type) {
    case 'payment.succeeded':
      return succeeded(deps, r, ev);
    case 'payment.processing':
      return processing(r, ev);
    case 'payment.failed':
      return failed(deps, r, ev);
    case 'payment.expired':
      return expired(deps, r, ev);
    case 'card.saved':
      return cardSaved(deps, r, ev);
    case 'card.removed':
      return cardRemoved(r, ev);
    case 'dispute.opened':
      return disputeOpened(deps, r, ev);
    case 'dispute.closed':
      return disputeClosed(deps, r, ev);
    case 'charge.refunded':
      return refunded(deps, r, ev);
  }
}

/** Our Stripe payment for the event's metadata, or null when it is not ours (another integration's). */
async function ourPayment(
  r: Repos,
  paymentId: number | null,
  userId: number | null,
): Promise<Payment | null> {
  if (paymentId === null) return null;
  const p = await r.payments.getForUpdate(paymentId);
  if (!p || p.rail !== 'stripe' || (userId !== null && p.userId !== userId)) return null;
  return p;
}

/** Owners hear about money trouble at once: in the admin group's General topic, else privately. */
const alert = (deps: StripeEventDeps, key: string, html: string, keyboard?: NoticeKeyboard) =>
  ownerAlerts(alertTargets(deps), key, html, keyboard);

/** The paid Stripe payment a charge-level event (refund, dispute) is about, locked; null: not known. */
async function paymentOfIntent(r: Repos, paymentIntentId: string): Promise<Payment | null> {
  const found = await r.payments.findByProviderCharge(paymentIntentId);
  return found?.rail === 'stripe' ? r.payments.getForUpdate(found.id) : null;
}

/** What the payment bought, as HTML ("10 credits", "a 1 day pass", an item's title). */
async function what(r: Repos, p: Payment): Promise<string> {
  if (p.kind === 'credits') return `${p.quantity} credits`;
  if (p.kind === 'time') return `a ${formatDuration(p.quantity * 1000)} pass`;
  return escapeHtml((await r.products.get(p.productId))?.title ?? 'an unlock');
}

async function succeeded(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.succeeded' }>,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  if (!p) return 'ignored';
  if (p.providerChargeId !== null && p.providerChargeId !== ev.paymentIntentId) {
    // The same payment paid through a second PaymentIntent: keep the money question with a human.
    await r.outbox.enqueue(
      alert(
        deps,
        `stripe-double:${ev.paymentIntentId}`,
        `⚠️ Payment #${p.id} of ${await fanName(r, p.userId)} was paid twice on Stripe (${escapeHtml(p.providerChargeId)} and ${escapeHtml(ev.paymentIntentId)}). Refund one in the Stripe dashboard.`,
      ),
    );
    return 'applied';
  }
  if (ev.currency !== p.currency || ev.amount < p.amount) {
    await r.outbox.enqueue(
      alert(
        deps,
        `stripe-mismatch:${ev.paymentIntentId}`,
        `⚠️ Stripe reports ${formatMoney(ev.amount, ev.currency)} for payment #${p.id} of ${await fanName(r, p.userId)}, which costs ${formatMoney(p.amount, p.currency)}. Nothing was granted: check it in the Stripe dashboard.`,
      ),
    );
    return 'applied';
  }
  if (!(await r.payments.markPaid(p.id, ev.paymentIntentId, deps.clock.now()))) return 'duplicate';
  if (p.origin === 'auto_recharge') await r.users.resetAutoRechargeFailures(p.userId);
  const granted = await grantPayment(r, deps, p, {
    key: `stripe:${ev.paymentIntentId}`,
    actor: 'stripe',
    reason: p.origin === 'auto_recharge' ? 'auto_recharge' : 'purchase',
    metadata: { paymentIntent: ev.paymentIntentId, amount: ev.amount, currency: ev.currency },
    paid: formatMoney(ev.amount, ev.currency),
  });
  return granted ? 'applied' : 'duplicate';
}

async function processing(
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.processing' }>,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  if (!p || p.status !== 'pending') return 'ignored';
  await r.outbox.enqueue([
    fanNotice(
      p.userId,
      `pay-processing:${p.id}`,
      `⏳ Thank you! Your payment of ${formatMoney(p.amount, p.currency)} for ${await what(r, p)} is being processed by your bank. You will get a message here as soon as it clears.`,
    ),
  ]);
  return 'applied';
}

/**
 * The fan left the Checkout page and it expired: the payment is closed as failed (nothing was charged),
 * so it no longer shows as waiting. Nobody is told: leaving was their choice, and `/start paid_<id>`
 * answers with the new status.
 */
async function expired(
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
async function failed(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'payment.failed' }>,
): Promise<Applied> {
  const p = await ourPayment(r, ev.paymentId, ev.userId);
  // An off-session charge's failure belongs to the auto-recharge job that made it: it marks the payment,
  // counts the failure and tells the fan, once, however often the job or this event is repeated.
  if (!p || p.origin === 'auto_recharge') return 'ignored';
  if (!(await r.payments.markFailed(p.id, deps.clock.now()))) return 'duplicate';
  const reason = ev.message ? ` ${escapeHtml(ev.message)}` : '';
  const html =
    `❌ Your card payment of ${formatMoney(p.amount, p.currency)} for ${await what(r, p)} did not go through.${reason}\n` +
    'Nothing was charged. You can try again with another card, or pay with Telegram Stars.';
  await r.outbox.enqueue([
    fanNotice(p.userId, `pay-failed:${p.id}`, html, {
      keyboard: [
        [{ text: '🔁 Try again', callback_data: `cardpay:${p.productId}` }],
        [{ text: '⭐ Pay with Stars', callback_data: `buy:${p.productId}` }],
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

async function cardSaved(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'card.saved' }>,
): Promise<Applied> {
  const user = await r.users.findByStripeCustomer(ev.customerId);
  if (!user) return 'ignored';
  // Saved on a page opened before a dispute stopped card sales: it is not kept (nothing may charge it).
  if (await cardBlock(r, user.id)) {
    await r.jobs.detachCard({ userId: user.id, paymentMethodId: ev.paymentMethodId, reason: 'card-blocked' });
    return 'applied';
  }
  await r.users.setSavedCard(user.id, { paymentMethodId: ev.paymentMethodId, label: ev.label });
  // Saved to finish turning auto-recharge on, with the balance already low: it runs now.
  const charging =
    user.autoRechargeEnabled &&
    (await armIfBelow(r, user, {
      threshold: user.autoRechargeThreshold,
      reason: 'card',
      now: deps.clock.now(),
    }));
  await r.outbox.enqueue([
    fanNotice(
      user.id,
      `card-saved:${ev.paymentMethodId}`,
      `💳 Your card ${escapeHtml(ev.label)} is saved. Manage or remove it with /billing.` +
        (user.autoRechargeEnabled && user.autoRechargeThreshold !== null
          ? ` Auto-recharge is on: it tops up when your balance falls below ${user.autoRechargeThreshold} credits.` +
            (charging ? ' Your balance is already below that, so it tops up now.' : '')
          : ''),
    ),
  ]);
  return 'applied';
}

async function cardRemoved(r: Repos, ev: Extract<BillingEvent, { type: 'card.removed' }>): Promise<Applied> {
  const user = await r.users.findBySavedCard(ev.paymentMethodId);
  if (!user) return 'ignored';
  await r.users.setSavedCard(user.id, null);
  await r.outbox.enqueue([
    fanNotice(
      user.id,
      `card-removed:${ev.paymentMethodId}`,
      `💳 Your saved card ${escapeHtml(user.stripeCardLabel ?? '')} was removed.` +
        (user.autoRechargeEnabled ? ' Auto-recharge needs a card: add one with /autorecharge.' : ''),
    ),
  ]);
  return 'applied';
}

/** Disputes: the money is held from the creator at once, so the credits it bought are held too. */
async function disputeOpened(
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
    alert(
      deps,
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

async function disputeClosed(
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
  await r.outbox.enqueue(alert(deps, `dispute-closed:${ev.disputeId}`, verdict));
  return 'applied';
}

/** Refunds (from the dashboard, `/refund`, or Stripe) are cumulative: each step takes back its share. */
async function refunded(
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

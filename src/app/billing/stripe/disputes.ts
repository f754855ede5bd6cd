import { refundShare } from '../../../domain/ledger/index.ts';
import type { NoticeKeyboard } from '../../system/notices.ts';
import type { BillingEvent, Repos, TextArg } from '../../ports/index.ts';
import { text } from '../../texts.ts';
import { scheduleCardRender } from '../../relay/refresh.ts';
import { cardBlock, disputeBanCallback, stopCardSales } from '../disputes.ts';
import { fanName, topicButton } from '../owner-alerts.ts';
import { cutUserPass, extendUserPass } from '../passes.ts';
import {
  alert,
  BY_STRIPE,
  paymentOfIntent,
  what,
  type Applied,
  type AppliedBy,
  type StripeEventDeps,
} from './shared.ts';

/** Disputes: the money is held from the creator at once, so the credits it bought are held too. */
export async function disputeOpened(
  deps: StripeEventDeps,
  r: Repos,
  ev: Extract<BillingEvent, { type: 'dispute.opened' }>,
  by: AppliedBy = BY_STRIPE,
): Promise<Applied> {
  const p = await paymentOfIntent(r, ev.paymentIntentId);
  if (!p) return 'unmatched';
  const key = `dispute:${ev.disputeId}`;
  if (await r.ledger.findByKey(key)) return 'duplicate';
  // What the payment still stands for: refunds already took back their share.
  const remaining = p.quantity - refundShare(p.quantity, p.amount, p.refundedAmount);
  let held: Record<string, TextArg>;
  if (p.kind === 'credits') {
    const entry = await r.ledger.apply({
      userId: p.userId,
      delta: -remaining,
      reason: 'dispute',
      idempotencyKey: key,
      actor: by.actor,
      metadata: { paymentId: p.id, dispute: ev.disputeId, paymentIntent: ev.paymentIntentId, ...by.metadata },
      mode: 'clamp',
    });
    if (entry.status === 'insufficient') throw new Error('a clamped dispute cannot be insufficient');
    held = {
      held: 'credits',
      taken: -entry.entry.delta,
      credits: p.quantity,
      balance: entry.entry.balanceAfter,
    };
  } else if (p.kind === 'time') {
    const { until, cutSeconds: cut } = await cutUserPass(r, deps.clock, p.userId, remaining);
    await r.ledger.apply({
      userId: p.userId,
      delta: 0,
      reason: 'dispute',
      idempotencyKey: key,
      actor: by.actor,
      metadata: {
        paymentId: p.id,
        dispute: ev.disputeId,
        paymentIntent: ev.paymentIntentId,
        seconds: cut,
        ...by.metadata,
      },
    });
    held = until ? { held: 'pass', until: { date: until.toISOString() } } : { held: 'pass-ended' };
  } else {
    held = { held: 'unlock' };
  }
  const stopped = await stopCardSales(r, {
    disputeId: ev.disputeId,
    userId: p.userId,
    paymentId: p.id,
    now: deps.clock.now(),
  });
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
      text('billing-admin-dispute-opened', {
        taken: 0,
        credits: 0,
        balance: 0,
        until: '',
        ...held,
        fan: { html: await fanName(r, p.userId) },
        amount: { money: { minor: ev.amount, currency: ev.currency } },
        id: String(p.id),
        what: { html: await what(r, p) },
        reason: ev.reason.replace(/_/g, ' '),
        autoOff: stopped.autoRechargeWasOn ? 'yes' : 'no',
        card: stopped.card ?? 'none',
      }),
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
    [
      ...(topic ? [topic] : []),
      { text: text('billing-admin-ban-button'), callback_data: disputeBanCallback(userId) },
    ],
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
  let restored: Record<string, TextArg> = { restored: 'none' };
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
      restored = { restored: 'pass', until: { date: until.toISOString() } };
    } else if (held.delta < 0) {
      restored = { restored: 'credits', credits: -held.delta, balance: back.entry.balanceAfter };
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
  const cards = !blocked ? 'open' : blocked.id === ev.disputeId ? 'stopped' : 'other-dispute';
  const about = { id: String(p.id), fan: { html: await fanName(r, p.userId) }, cards };
  const verdict = kept
    ? text('billing-admin-dispute-kept', {
        credits: 0,
        balance: 0,
        until: '',
        ...restored,
        ...about,
        outcome: ev.status === 'won' ? 'won' : 'inquiry',
      })
    : text('billing-admin-dispute-lost', { ...about, status: ev.status.replace(/_/g, ' ') });
  await r.outbox.enqueue(await alert(deps, r, `dispute-closed:${ev.disputeId}`, verdict));
  return 'applied';
}

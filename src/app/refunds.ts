import { formatDuration } from '../domain/entitlement/index.ts';
import type { Clock } from '../domain/shared/index.ts';
import { revokeInvoiceUnlock, unlockRefundedText } from './content/index.ts';
import type { StarsRefunds, UnitOfWork } from './ports.ts';
import { scheduleCardRender, type RenderTimings } from './refresh.ts';
import { fanNotice } from './notices.ts';
import { cutUserPass } from './passes.ts';
import { utcMinute } from './messages.ts';
import { refundCardPayment, type CardPaymentDeps, type CardRefundResult } from './card-payments.ts';

export interface RefundDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminUserIds: number[];
  outboxSignal: { notify(): void };
  /** Absent where no bot is wired (some tests): refunds then answer `unavailable`. */
  starsRefunds?: StarsRefunds | undefined;
  renderTimings?: RenderTimings;
}

export type RefundResult =
  | { ok: true; kind: 'credits'; stars: number; taken: number; balance: number }
  | { ok: true; kind: 'time'; stars: number; seconds: number; until: Date | null }
  /** `revoked`: the fan no longer owns the item (false when they own it some other way too). */
  | { ok: true; kind: 'unlock'; stars: number; title: string; revoked: boolean }
  | {
      ok: false;
      code:
        | 'not_admin'
        | 'unknown_fan'
        | 'unknown_payment'
        | 'not_refundable'
        | 'already_refunded'
        | 'telegram_error'
        | 'unavailable';
      detail?: string;
    };

/**
 * An admin refunds a fan's Stars payment: Telegram returns the Stars first (the admin waits for its
 * answer), then in one transaction the payment becomes `refunded`, the credits it granted are clawed
 * back (at most the balance: spent credits are gone) or the pass is cut by its length, audited, the fan
 * told and the card re-rendered. A refunded payment is never refunded twice.
 */
export async function refundStarsPayment(
  deps: RefundDeps,
  a: { adminId: number; userId: number; paymentId: number; key: string },
): Promise<RefundResult> {
  if (!deps.adminUserIds.includes(a.adminId)) return { ok: false, code: 'not_admin' };
  const { repos } = deps.uow;
  if (!(await repos.users.get(a.userId))) return { ok: false, code: 'unknown_fan' };
  const payment = Number.isSafeInteger(a.paymentId) ? await repos.payments.get(a.paymentId) : null;
  if (!payment || payment.userId !== a.userId)
    return { ok: false, code: 'unknown_payment', detail: `no payment #${a.paymentId} of this fan` };
  if (payment.status === 'refunded')
    return { ok: false, code: 'already_refunded', detail: `payment #${payment.id} was already refunded` };
  if (payment.rail !== 'stars' || payment.status !== 'paid' || payment.providerChargeId === null) {
    return {
      ok: false,
      code: 'not_refundable',
      detail: `payment #${payment.id} is ${payment.status} on ${payment.rail}, not a paid Stars payment`,
    };
  }
  if (!deps.starsRefunds) return { ok: false, code: 'unavailable', detail: 'refunds are not set up' };
  const chargeId = payment.providerChargeId;

  const telegram = await deps.starsRefunds.refund(a.userId, chargeId);
  if (!telegram.ok) return { ok: false, code: 'telegram_error', detail: telegram.error };

  const now = deps.clock.now();
  const res = await deps.uow.run(async (r): Promise<RefundResult> => {
    // Two admins at once: Telegram refuses the second call, and only one transaction finds it paid.
    if (!(await r.payments.markRefunded(payment.id, now)))
      return { ok: false, code: 'already_refunded', detail: `payment #${payment.id} was already refunded` };
    let result: RefundResult;
    let html: string;
    const paid = `⭐ ${payment.amount}`;
    if (payment.kind === 'credits') {
      const entry = await r.ledger.apply({
        userId: a.userId,
        delta: -payment.quantity,
        reason: 'refund',
        idempotencyKey: `refund:stars:${chargeId}`,
        actor: `admin:${a.adminId}`,
        metadata: { paymentId: payment.id, stars: payment.amount, credits: payment.quantity },
        mode: 'clamp',
      });
      if (entry.status === 'insufficient') throw new Error('a clamped refund cannot be insufficient');
      const taken = -entry.entry.delta;
      const balance = entry.entry.balanceAfter;
      result = { ok: true, kind: 'credits', stars: payment.amount, taken, balance };
      html =
        `↩️ Your payment of ${paid} for ${payment.quantity} credits was refunded.` +
        (taken > 0 ? ` ${taken} credits were taken back.` : '') +
        ` Balance: ${balance} credits.`;
    } else if (payment.kind === 'unlock') {
      const { title, revoked } = await revokeInvoiceUnlock(r, payment);
      result = { ok: true, kind: 'unlock', stars: payment.amount, title, revoked };
      html = unlockRefundedText(title, payment.amount, revoked);
    } else {
      const { until } = await cutUserPass(r, deps.clock, a.userId, payment.quantity);
      result = { ok: true, kind: 'time', stars: payment.amount, seconds: payment.quantity, until };
      html =
        `↩️ Your payment of ${paid} for a ${formatDuration(payment.quantity * 1000)} pass was refunded. ` +
        (until ? `Your pass now ends ${utcMinute(until)}.` : 'Your pass has ended.');
    }
    await r.admin.audit({
      actorId: a.adminId,
      userId: a.userId,
      action: 'refund_stars',
      details: {
        paymentId: payment.id,
        chargeId,
        stars: payment.amount,
        key: a.key,
        ...(result.kind === 'credits'
          ? { taken: result.taken }
          : result.kind === 'unlock'
            ? { itemId: payment.quantity, revoked: result.revoked }
            : { until: result.until }),
      },
    });
    await r.outbox.enqueue([fanNotice(a.userId, `refund-notice:stars:${chargeId}`, html)]);
    await scheduleCardRender(r, a.userId, now, deps.renderTimings);
    return result;
  });
  if (res.ok) deps.outboxSignal.notify();
  return res;
}

export type PaymentRefundResult =
  ({ rail: 'stars' } & RefundResult) | ({ rail: 'stripe' } & CardRefundResult);

/**
 * `/refund <id>`: a Stars payment is refunded through Telegram and clawed back at once; a card payment
 * is refunded through Stripe, and its `charge.refunded` webhook claws back, like a dashboard refund.
 */
export async function refundPayment(
  deps: RefundDeps & CardPaymentDeps,
  a: { adminId: number; userId: number; paymentId: number; key: string },
): Promise<PaymentRefundResult> {
  const payment = Number.isSafeInteger(a.paymentId) ? await deps.uow.repos.payments.get(a.paymentId) : null;
  if (payment?.rail === 'stripe') return { rail: 'stripe', ...(await refundCardPayment(deps, a)) };
  return { rail: 'stars', ...(await refundStarsPayment(deps, a)) };
}

import { formatDuration } from '../../domain/entitlement/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { revokeInvoiceUnlock, unlockRefundedNotice } from '../content/index.ts';
import type { Access, Payment, Repos, StarsRefunds, TextRef, UnitOfWork } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { fanNotice, moneyAlertTargets, ownerAlerts } from '../system/notices.ts';
import { cutUserPass } from './passes.ts';
import { escapeHtml, utcMinute } from '../messages.ts';
import { refundCardPayment, type CardPaymentDeps, type CardRefundResult } from './cards.ts';
import { lanes } from '../outbox/lanes.ts';
import { text } from '../texts.ts';
import type { AdminGroupList } from '../admin/groups.ts';

export interface RefundDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Who may refund, and who hears about refunds (holders of `payments.refund`). */
  access: Access;
  /** The admin groups now (configured and set up). */
  adminGroups: AdminGroupList;
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
        /** Telegram did not answer: the refund is asked again in the background, and the result posted. */
        | 'pending'
        | 'unavailable';
      detail?: string;
    };

type Taken = Extract<RefundResult, { ok: true }>;

/**
 * What a Stars refund takes back, in the caller's transaction, keyed on the charge so that the admin's
 * `/refund`, its retry and Telegram's `refunded_payment` converge on one claw-back whichever comes first:
 * the payment becomes `refunded` (only one transaction can make that move), the credits it granted are
 * clawed back (at most the balance: spent credits are gone) or the pass is cut by its length, or the
 * unlock it paid for is removed; audited, the fan told, the card re-rendered. Null when it was refunded
 * already.
 */
export async function takeBackStarsPayment(
  r: Repos,
  deps: Pick<RefundDeps, 'clock' | 'renderTimings'>,
  payment: Payment,
  by: { actorId: number; actor: string; key: string | null; source: 'admin' | 'telegram' | 'reconcile' },
): Promise<Taken | null> {
  const now = deps.clock.now();
  const chargeId = payment.providerChargeId!;
  if (!(await r.payments.markRefunded(payment.id, now))) return null;
  let result: Taken;
  let notice: TextRef;
  if (payment.kind === 'credits') {
    const entry = await r.ledger.apply({
      userId: payment.userId,
      delta: -payment.quantity,
      reason: 'refund',
      idempotencyKey: `refund:stars:${chargeId}`,
      actor: by.actor,
      metadata: { paymentId: payment.id, stars: payment.amount, credits: payment.quantity },
      mode: 'clamp',
    });
    if (entry.status === 'insufficient') throw new Error('a clamped refund cannot be insufficient');
    const taken = -entry.entry.delta;
    const balance = entry.entry.balanceAfter;
    result = { ok: true, kind: 'credits', stars: payment.amount, taken, balance };
    notice = text('billing-refunded-credits', {
      stars: payment.amount,
      credits: payment.quantity,
      taken,
      balance,
    });
  } else if (payment.kind === 'unlock') {
    const { title, revoked } = await revokeInvoiceUnlock(r, payment);
    result = { ok: true, kind: 'unlock', stars: payment.amount, title, revoked };
    notice = unlockRefundedNotice(title, payment.amount, revoked);
  } else {
    const { until } = await cutUserPass(r, deps.clock, payment.userId, payment.quantity);
    // A zero entry carries the key, so the refund shows in /history and is found by reconciliation.
    await r.ledger.apply({
      userId: payment.userId,
      delta: 0,
      reason: 'refund',
      idempotencyKey: `refund:stars:${chargeId}`,
      actor: by.actor,
      metadata: { paymentId: payment.id, stars: payment.amount, seconds: payment.quantity },
    });
    result = { ok: true, kind: 'time', stars: payment.amount, seconds: payment.quantity, until };
    const args = { stars: payment.amount, duration: { duration: payment.quantity * 1000 } };
    notice = until
      ? text('billing-refunded-pass', { ...args, until })
      : text('billing-refunded-pass-ended', args);
  }
  await r.admin.audit({
    actorId: by.actorId,
    userId: payment.userId,
    action: 'refund_stars',
    details: {
      paymentId: payment.id,
      chargeId,
      stars: payment.amount,
      source: by.source,
      ...(by.key ? { key: by.key } : {}),
      ...(result.kind === 'credits'
        ? { taken: result.taken }
        : result.kind === 'unlock'
          ? { itemId: payment.quantity, revoked: result.revoked }
          : { until: result.until }),
    },
  });
  await r.outbox.enqueue([fanNotice(payment.userId, `refund-notice:stars:${chargeId}`, notice)]);
  await scheduleCardRender(r, payment.userId, now, deps.renderTimings);
  return result;
}

/** The paid Stars payment `/refund` may refund, or why not. */
async function refundablePayment(
  deps: RefundDeps,
  a: { userId: number; paymentId: number },
): Promise<Payment | Extract<RefundResult, { ok: false }>> {
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
  return payment;
}

/**
 * An admin refunds a fan's Stars payment: Telegram returns the Stars first (the admin waits for its
 * answer), then the claw-back runs (`takeBackStarsPayment`). `CHARGE_ALREADY_REFUNDED` is proof the
 * Stars went back (an earlier answer was lost, or Telegram refunded it): the claw-back runs too. No
 * answer at all: the refund is asked again by a job, and its result posted in the fan's topic.
 */
export async function refundStarsPayment(
  deps: RefundDeps,
  a: { adminId: number; userId: number; paymentId: number; key: string },
): Promise<RefundResult> {
  if (!(await deps.access.can(a.adminId, 'payments.refund'))) return { ok: false, code: 'not_admin' };
  const payment = await refundablePayment(deps, a);
  if (!('id' in payment)) return payment;
  if (!deps.starsRefunds) return { ok: false, code: 'unavailable', detail: 'refunds are not set up' };
  const telegram = await deps.starsRefunds.refund(a.userId, payment.providerChargeId!);
  if (!telegram.ok && telegram.kind === 'refused')
    return { ok: false, code: 'telegram_error', detail: telegram.error };
  if (!telegram.ok && telegram.kind === 'unknown') {
    await deps.uow.run((r) =>
      r.jobs.retryStarsRefund({ paymentId: payment.id, adminId: a.adminId, key: a.key }),
    );
    return { ok: false, code: 'pending', detail: telegram.error };
  }
  const res = await deps.uow.run((r) =>
    takeBackStarsPayment(r, deps, payment, {
      actorId: a.adminId,
      actor: `admin:${a.adminId}`,
      key: a.key,
      source: 'admin',
    }),
  );
  if (!res)
    return { ok: false, code: 'already_refunded', detail: `payment #${payment.id} was already refunded` };
  return res;
}

/** A note to the admins in the fan's topic (the result of a refund they asked for earlier). */
const topicNote = (groupId: number, userId: number, key: string, note: TextRef) => ({
  lane: lanes.topic(userId),
  chatId: groupId,
  sortKey: 0,
  idempotencyKey: key,
  payload: { kind: 'notice' as const, chatId: groupId, text: note, toTopicOf: userId },
});

/**
 * The job behind a `/refund` whose answer was lost: asks Telegram again (a refund that did happen
 * answers `CHARGE_ALREADY_REFUNDED`), claws back once, and posts the outcome in the fan's topic (or to
 * the owners). Throws while Telegram still does not answer, so the job is retried.
 */
export async function retryStarsRefund(
  deps: RefundDeps,
  job: { paymentId: number; adminId: number; key: string },
): Promise<'refunded' | 'already' | 'refused'> {
  const payment = await deps.uow.repos.payments.get(job.paymentId);
  if (!payment || payment.rail !== 'stars' || payment.status !== 'paid' || !payment.providerChargeId)
    return 'already';
  if (!deps.starsRefunds) throw new Error('refunds are not set up');
  const telegram = await deps.starsRefunds.refund(payment.userId, payment.providerChargeId);
  if (!telegram.ok && telegram.kind === 'unknown')
    throw new Error(`refund still unanswered: ${telegram.error}`);
  const note = async (r: Repos, content: TextRef) => {
    const groupIds = await deps.adminGroups(r);
    return groupIds.length > 0
      ? [
          topicNote(
            (await r.topics.get(payment.userId))?.groupId ?? groupIds[0]!,
            payment.userId,
            `refund-retry-note:${payment.id}`,
            content,
          ),
        ]
      : ownerAlerts(await moneyAlertTargets(deps, r), `refund-retry-note:${payment.id}`, content);
  };
  const outcome = await deps.uow.run(async (r) => {
    if (!telegram.ok && telegram.kind === 'refused') {
      await r.outbox.enqueue(
        await note(
          r,
          text('billing-admin-refund-refused', { id: String(payment.id), error: telegram.error }),
        ),
      );
      return 'refused' as const;
    }
    const taken = await takeBackStarsPayment(r, deps, payment, {
      actorId: job.adminId,
      actor: `admin:${job.adminId}`,
      key: job.key,
      source: 'admin',
    });
    if (!taken) return 'already' as const;
    await r.outbox.enqueue(
      await note(r, text('billing-admin-refund-done', { summary: { html: refundSummary(payment, taken) } })),
    );
    return 'refunded' as const;
  });
  return outcome;
}

/** The admins' one-line account of a refund that went through. */
export function refundSummary(payment: Pick<Payment, 'id'>, r: Taken): string {
  const head = `Refunded ⭐ ${r.stars} (payment #${payment.id})`;
  if (r.kind === 'credits') return `${head}: took back ${r.taken} credits, balance ${r.balance}.`;
  if (r.kind === 'unlock')
    return `${head} for “${escapeHtml(r.title)}”${r.revoked ? ': no longer theirs.' : '; they still own it (paid another way).'}`;
  return `${head}: pass cut by ${formatDuration(r.seconds * 1000)}, ${r.until ? `now ends ${utcMinute(r.until)}` : 'no pass left'}.`;
}

/**
 * Telegram's `refunded_payment` service message: a refund made by Telegram (or by us, whose answer was
 * lost). It is proof: the same keyed claw-back runs, once, and the owners are told when it was not ours.
 */
export async function recordTelegramRefund(
  deps: RefundDeps,
  a: { userId: number; chargeId: string; stars: number },
): Promise<'applied' | 'duplicate' | 'unknown'> {
  const res = await deps.uow.run(async (r) => {
    const found = await r.payments.findByProviderCharge(a.chargeId);
    if (!found || found.rail !== 'stars' || found.userId !== a.userId) return 'unknown' as const;
    const payment = await r.payments.getForUpdate(found.id);
    if (payment?.status !== 'paid') return 'duplicate' as const;
    const taken = await takeBackStarsPayment(r, deps, payment, {
      actorId: 0,
      actor: 'telegram',
      key: null,
      source: 'telegram',
    });
    if (!taken) return 'duplicate' as const;
    await r.outbox.enqueue(
      ownerAlerts(
        await moneyAlertTargets(deps, r),
        `refund-by-telegram:${a.chargeId}`,
        text('billing-admin-refund-by-telegram', {
          userId: String(payment.userId),
          summary: { html: refundSummary(payment, taken) },
        }),
      ),
    );
    return 'applied' as const;
  });
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

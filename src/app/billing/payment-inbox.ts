import type { AdminGroupList } from '../admin/groups.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { recordPaidMediaPurchase } from '../content/stars.ts';
import { fanNotice, moneyAlertTargets, ownerAlerts } from '../system/notices.ts';
import type { Access, PaymentUpdate, Repos, UnitOfWork } from '../ports/index.ts';
import { completeStarsPayment } from './stars.ts';
import type { RenderTimings } from '../relay/refresh.ts';
import { recordTelegramRefund } from './refunds.ts';
import { text } from '../texts.ts';

/**
 * Applies what the payment inbox stored (app/updates.ts `receivePaymentUpdate`), from a retried job.
 * Every effect is keyed on the charge (or on payer and payload for paid media), so a job run twice, or
 * two stored copies of one payment, change the books once. A payment that cannot be matched is never
 * silent: the fan is told it arrived and the owners get what they need to grant or refund it by hand.
 */

export interface PaymentInboxDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Who hears about payments that cannot be applied (holders of `payments.refund`). */
  access: Access;
  /** Passed on to refunds (the topic note) and content (its own deps). */
  adminGroups: AdminGroupList;
  adminUserIds: number[];
  renderTimings?: RenderTimings;
}

export type PaymentInboxOutcome = 'applied' | 'duplicate' | 'unmatched' | 'already_applied' | 'missing';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The payment object inside the stored update. */
function paymentOf(u: PaymentUpdate): Record<string, unknown> {
  const raw = u.raw as {
    message?: Record<string, Record<string, unknown> | undefined>;
    purchased_paid_media?: Record<string, unknown>;
  };
  if (u.kind === 'purchased_paid_media') return raw.purchased_paid_media ?? {};
  return raw.message?.[u.kind] ?? {};
}

export async function applyPaymentUpdate(
  deps: PaymentInboxDeps,
  inboxId: number,
): Promise<PaymentInboxOutcome> {
  const u = await deps.uow.repos.paymentInbox.get(inboxId);
  if (!u) return 'missing';
  if (u.status === 'applied') return 'already_applied';
  const p = paymentOf(u);
  let outcome: PaymentInboxOutcome;
  if (u.kind === 'successful_payment') {
    const res = await completeStarsPayment(deps, {
      userId: u.userId,
      payload: str(p.invoice_payload),
      chargeId: u.chargeId ?? str(p.telegram_payment_charge_id),
      totalAmount: num(p.total_amount),
    });
    outcome = res.ok ? (res.duplicate ? 'duplicate' : 'applied') : 'unmatched';
  } else if (u.kind === 'refunded_payment') {
    const res = await recordTelegramRefund(deps, {
      userId: u.userId,
      chargeId: u.chargeId ?? str(p.telegram_payment_charge_id),
      stars: num(p.total_amount),
    });
    outcome = res === 'unknown' ? 'unmatched' : res;
  } else {
    const res = await recordPaidMediaPurchase(deps, {
      userId: u.userId,
      payload: str(p.paid_media_payload),
      key: `inbox:${u.id}`,
    });
    outcome = res.ok ? 'applied' : 'unmatched';
  }
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    if (outcome === 'unmatched') await r.outbox.enqueue(await unmatchedNotices(deps, r, u, p));
    await r.paymentInbox.markApplied(u.id, outcome, now);
  });
  return outcome;
}

/** Paid (or refunded) for nothing we know: the fan hears it arrived, the owners what to do. */
async function unmatchedNotices(
  deps: PaymentInboxDeps,
  r: Repos,
  u: PaymentUpdate,
  p: Record<string, unknown>,
) {
  const userId = String(u.userId);
  const chargeId = u.chargeId ?? '';
  const alert =
    u.kind === 'purchased_paid_media'
      ? text('billing-admin-unmatched-paid-media', { userId, payload: str(p.paid_media_payload) })
      : u.kind === 'refunded_payment'
        ? text('billing-admin-unmatched-refund', { userId, stars: num(p.total_amount), chargeId })
        : text('billing-admin-unmatched-payment', {
            userId,
            stars: num(p.total_amount),
            chargeId,
            payload: str(p.invoice_payload),
          });
  const items = ownerAlerts(await moneyAlertTargets(deps, r), `payment-unmatched:${u.dedupeKey}`, alert);
  if (u.kind !== 'refunded_payment')
    items.push(
      fanNotice(u.userId, `payment-unmatched-fan:${u.dedupeKey}`, text('billing-payment-unmatched')),
    );
  return items;
}

/**
 * The job's last retry failed too: the row is marked failed (it stays, with its raw update) and the
 * owners are told once, with the charge id, so a paid fan is never left without an answer.
 */
export async function paymentUpdateGaveUp(
  deps: PaymentInboxDeps,
  a: { inboxId: number; error: string },
): Promise<void> {
  await deps.uow.run(async (r) => {
    const u = await r.paymentInbox.getForUpdate(a.inboxId);
    if (!u || u.status !== 'pending') return;
    await r.paymentInbox.noteFailure(u.id, a.error, true);
    await r.outbox.enqueue(
      ownerAlerts(
        await moneyAlertTargets(deps, r),
        `payment-failed:${u.dedupeKey}`,
        text('billing-admin-payment-stuck', {
          userId: String(u.userId),
          kind: u.kind.replace(/_/g, ' '),
          chargeId: u.chargeId || 'none',
          inboxId: String(u.id),
          error: a.error.slice(0, 300),
        }),
      ),
    );
    if (u.kind !== 'refunded_payment')
      await r.outbox.enqueue([
        fanNotice(u.userId, `payment-failed-fan:${u.dedupeKey}`, text('billing-payment-stuck')),
      ]);
  });
}

/** A failed attempt that will be retried: counted on the row (visible to operators). */
export async function notePaymentUpdateRetry(
  deps: PaymentInboxDeps,
  a: { inboxId: number; error: string },
): Promise<void> {
  await deps.uow.repos.paymentInbox.noteFailure(a.inboxId, a.error, false);
}

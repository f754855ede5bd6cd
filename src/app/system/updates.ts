import type { Clock } from '../../domain/shared/index.ts';
import { text } from '../texts.ts';
import { ownerAlerts } from './notices.ts';
import { alertSlotKey } from './once.ts';
import type { PaymentUpdateKind, UnitOfWork } from '../ports/index.ts';

/**
 * The update lifecycle's use cases (the bot's `update-lifecycle` middleware drives them): claim after a
 * handler with no database effect, count failures outside the transaction that rolled back, park an
 * update in the dead letter after the last attempt, and store payment updates in the payment inbox.
 * See docs/ARCHITECTURE.md, "Update lifecycle".
 */

export interface UpdatesDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminUserIds: number[];
}

/** Attempts at one update before it is parked (webhook redeliveries or in-process retries alike). */
export const MAX_UPDATE_ATTEMPTS = 5;

/**
 * A handler that wrote nothing (a screen, a reply) claims its update after it answered: a crash before
 * that answers again, which is better than never. False when another delivery claimed it first.
 */
export function claimUpdate(deps: UpdatesDeps, updateId: number): Promise<boolean> {
  return deps.uow.repos.updates.claim(updateId);
}

export type FailureDecision = { action: 'retry'; attempts: number } | { action: 'parked'; attempts: number };

/**
 * A handler failed before its effects committed. The attempt is counted in its own transaction; the
 * last one parks the update (dead letter), claims it so no redelivery runs it again, and alerts the
 * owners once (throttled, so a crash loop is one message per 10 minutes, not one per update).
 */
export async function noteUpdateFailure(
  deps: UpdatesDeps,
  a: { updateId: number; raw: Record<string, unknown>; error: string; kind: string },
): Promise<FailureDecision> {
  const now = deps.clock.now();
  const attempts = await deps.uow.run((r) => r.updates.noteFailure(a.updateId, a.raw, a.error, now));
  if (attempts < MAX_UPDATE_ATTEMPTS) return { action: 'retry', attempts };
  await deps.uow.run(async (r) => {
    await r.updates.park(a.updateId, now);
    await r.updates.claim(a.updateId);
    if (!(await r.once.claim(alertSlotKey('parked-update', now)))) return;
    await r.outbox.enqueue(
      ownerAlerts(
        deps.adminUserIds,
        `parked-update:${a.updateId}`,
        text('admin-setup-update-parked', {
          updateId: String(a.updateId),
          kind: a.kind,
          attempts,
          error: a.error.slice(0, 400),
        }),
      ),
    );
  });
  return { action: 'parked', attempts };
}

/** A payment update, as the bot reads it off Telegram's update. */
export interface IncomingPaymentUpdate {
  kind: PaymentUpdateKind;
  updateId: number;
  userId: number;
  /** `telegram_payment_charge_id` (successful and refunded payments). */
  chargeId: string | null;
  /** `paid_media_payload` (paid media) — with the payer, what identifies the purchase. */
  payload: string;
  raw: Record<string, unknown>;
}

/** Never the update id, which Telegram reuses: the charge for payments, payer and payload for paid media. */
export function paymentDedupeKey(p: Pick<IncomingPaymentUpdate, 'kind' | 'userId' | 'chargeId' | 'payload'>) {
  if (p.kind === 'purchased_paid_media') return `pm:${p.userId}:${p.payload}`;
  return `${p.kind === 'successful_payment' ? 'sp' : 'rp'}:${p.chargeId}`;
}

/**
 * Stores a payment update durably, in the transaction that claims the update (the unit of work does),
 * and enqueues the job that applies it. A payment stored already (a redelivery under another update id)
 * is not stored again.
 */
export async function receivePaymentUpdate(
  deps: UpdatesDeps,
  p: IncomingPaymentUpdate,
): Promise<{ stored: boolean; inboxId: number | null }> {
  return deps.uow.run(async (r) => {
    const row = await r.paymentInbox.add({
      kind: p.kind,
      dedupeKey: paymentDedupeKey(p),
      userId: p.userId,
      chargeId: p.chargeId,
      updateId: p.updateId,
      raw: p.raw,
    });
    if (!row) return { stored: false, inboxId: null };
    await r.jobs.applyPaymentUpdate(row.id);
    return { stored: true, inboxId: row.id };
  });
}

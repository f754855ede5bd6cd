import { text } from '../texts.ts';
import { moneyAlertTargets, ownerAlerts } from '../system/notices.ts';
import { fanName } from './owner-alerts.ts';
import type { Access, CardGateway, Dispute, Repos, UnitOfWork } from '../ports/index.ts';

/**
 * How a dispute may close and leave the creator paid: `won`, or an inquiry closed without a chargeback.
 * Card sales to the fan resume only then; an open or `lost` dispute keeps them stopped.
 */
export const CARD_SALES_RESUME: readonly string[] = ['won', 'warning_closed'];

/**
 * The dispute alert's "Ban this fan" button. The app builds the owners' keyboards as plain rows, so the
 * callback string is made here, once; the bot decodes it with `disputeBanData` (same prefix and field).
 */
export const DISPUTE_BAN_PREFIX = 'dban';
export const disputeBanCallback = (userId: number): string => `${DISPUTE_BAN_PREFIX}:${userId}`;

/** The dispute that stops card sales to the fan (the first still open or lost), or null. */
export async function cardBlock(r: Repos, userId: number): Promise<Dispute | null> {
  return (await r.disputes.ofUser(userId)).find((d) => !CARD_SALES_RESUME.includes(d.status)) ?? null;
}

/**
 * Inside the transaction of `charge.dispute.created`: the dispute is recorded (card sales stop),
 * auto-recharge is turned off and the saved card forgotten. Detaching the card in Stripe is a job
 * enqueued in the same transaction: it runs after the commit, so no Stripe call holds the transaction
 * open, and it exists if and only if the card was forgotten. Returns what changed, for the alert.
 */
export async function stopCardSales(
  r: Repos,
  a: { disputeId: string; userId: number; paymentId: number; now: Date },
): Promise<{ card: string | null; autoRechargeWasOn: boolean }> {
  // Known already: its closing arrived first (Stripe does not deliver in order), nothing to stop.
  if (!(await r.disputes.open({ id: a.disputeId, userId: a.userId, paymentId: a.paymentId }, a.now)))
    return { card: null, autoRechargeWasOn: false };
  const user = (await r.users.getForUpdate(a.userId))!;
  if (user.autoRechargeEnabled) await r.users.setAutoRecharge(a.userId, { enabled: false });
  const pm = user.stripePaymentMethodId;
  if (pm) {
    await r.users.setSavedCard(a.userId, null);
    await r.jobs.detachCard({ userId: a.userId, paymentMethodId: pm, reason: `dispute:${a.disputeId}` });
  }
  return { card: pm ? (user.stripeCardLabel ?? pm) : null, autoRechargeWasOn: user.autoRechargeEnabled };
}

export interface DetachDeps {
  uow: UnitOfWork;
  cards?: CardGateway | undefined;
  access: Access;
}

/**
 * The `stripe-detach` job: removes the card in Stripe. Stripe keys the call on the card, and a card no
 * longer attached counts as done, so a repeated job is harmless. A failure is thrown (the job is retried
 * with backoff); the last attempt also tells the owners, who can remove the card in the dashboard.
 */
export async function detachCard(
  deps: DetachDeps,
  job: { userId: number; paymentMethodId: string; reason: string },
  attempt: { last: boolean },
): Promise<'detached' | 'not_attached' | 'unavailable'> {
  if (!deps.cards) {
    await alertDetachFailed(deps, job, 'card payments are no longer configured here');
    return 'unavailable';
  }
  try {
    return (await deps.cards.detachPaymentMethod({ paymentMethodId: job.paymentMethodId })).status;
  } catch (err) {
    if (attempt.last) await alertDetachFailed(deps, job, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

async function alertDetachFailed(
  deps: DetachDeps,
  job: { userId: number; paymentMethodId: string },
  why: string,
): Promise<void> {
  await deps.uow.run(async (r) =>
    r.outbox.enqueue(
      ownerAlerts(
        await moneyAlertTargets(deps, r),
        `detach-failed:${job.paymentMethodId}`,
        text('billing-admin-detach-failed', {
          card: job.paymentMethodId,
          fan: { html: await fanName(r, job.userId) },
          error: why.slice(0, 300),
        }),
      ),
    ),
  );
}

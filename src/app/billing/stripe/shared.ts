import { formatDuration } from '../../../domain/entitlement/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import { escapeHtml } from '../../messages.ts';
import { moneyAlertTargets, ownerAlerts, type NoticeKeyboard } from '../../system/notices.ts';
import type { Access, Payment, Repos, TextArg, TextRef, UnitOfWork } from '../../ports/index.ts';
import type { RenderTimings } from '../../relay/refresh.ts';

export interface StripeEventDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Who hears about money (holders of `payments.refund`). */
  access: Access;
  renderTimings?: RenderTimings;
}

export type StripeEventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Who applies an event's effect, for its ledger entry: Stripe's webhook (`stripe`), or reconciliation
 * applying a fact Stripe's statement showed (`reconcile:<who>`, with the mismatch id in the metadata).
 */
export interface AppliedBy {
  actor: string;
  metadata?: Record<string, unknown>;
}

export const BY_STRIPE: AppliedBy = { actor: 'stripe' };

/** `unmatched`: a charge-level event (refund, dispute) whose payment is not known to be paid. */
export type Applied = StripeEventOutcome | 'unmatched';

/** Our Stripe payment for the event's metadata, or null when it is not ours (another integration's). */
export async function ourPayment(
  r: Repos,
  paymentId: number | null,
  userId: number | null,
): Promise<Payment | null> {
  if (paymentId === null) return null;
  const p = await r.payments.getForUpdate(paymentId);
  if (!p || p.rail !== 'stripe' || (userId !== null && p.userId !== userId)) return null;
  return p;
}

/** Those who may refund hear about money trouble at once, each privately. */
export const alert = async (
  deps: StripeEventDeps,
  r: Repos,
  key: string,
  content: TextRef | string,
  keyboard?: NoticeKeyboard,
) => ownerAlerts(await moneyAlertTargets(deps, r), key, content, keyboard);

/** The paid Stripe payment a charge-level event (refund, dispute) is about, locked; null: not known. */
export async function paymentOfIntent(r: Repos, paymentIntentId: string): Promise<Payment | null> {
  const found = await r.payments.findByProviderCharge(paymentIntentId);
  return found?.rail === 'stripe' ? r.payments.getForUpdate(found.id) : null;
}

/** What the payment bought, as HTML ("10 credits", "a 1 day pass", an item's title). */
export async function what(r: Repos, p: Payment): Promise<string> {
  if (p.kind === 'credits') return `${p.quantity} credits`;
  if (p.kind === 'time') return `a ${formatDuration(p.quantity * 1000)} pass`;
  return escapeHtml((await r.products.get(p.productId))?.title ?? 'an unlock');
}

/** What the payment bought, as arguments of a fan's text (`$kind`, `$credits`, `$duration`, `$title`). */
export async function whatArgs(r: Repos, p: Payment): Promise<Record<string, TextArg>> {
  const title = p.kind === 'unlock' ? ((await r.products.get(p.productId))?.title ?? '') : '';
  return { kind: p.kind, credits: p.quantity, duration: { duration: p.quantity * 1000 }, title };
}

/** A payment's amount, formatted for the reader. */
export const priceOf = (p: Pick<Payment, 'amount' | 'currency'>): TextArg => ({
  money: { minor: p.amount, currency: p.currency },
});

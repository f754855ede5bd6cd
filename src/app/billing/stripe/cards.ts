import { text } from '../../texts.ts';
import { fanNotice } from '../../system/notices.ts';
import type { BillingEvent, Repos } from '../../ports/index.ts';
import { armIfBelow } from '../auto-recharge.ts';
import { cardBlock } from '../disputes.ts';
import type { Applied, StripeEventDeps } from './shared.ts';

export async function cardSaved(
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
  const auto = user.autoRechargeEnabled && user.autoRechargeThreshold !== null;
  const key = !auto
    ? 'billing-card-saved'
    : charging
      ? 'billing-card-saved-auto-now'
      : 'billing-card-saved-auto';
  await r.outbox.enqueue([
    fanNotice(
      user.id,
      `card-saved:${ev.paymentMethodId}`,
      text(key, { card: ev.label, threshold: user.autoRechargeThreshold ?? 0 }),
    ),
  ]);
  return 'applied';
}

export async function cardRemoved(
  r: Repos,
  ev: Extract<BillingEvent, { type: 'card.removed' }>,
): Promise<Applied> {
  const user = await r.users.findBySavedCard(ev.paymentMethodId);
  if (!user) return 'ignored';
  await r.users.setSavedCard(user.id, null);
  await r.outbox.enqueue([
    fanNotice(
      user.id,
      `card-removed:${ev.paymentMethodId}`,
      text(user.autoRechargeEnabled ? 'billing-card-removed-auto' : 'billing-card-removed', {
        card: user.stripeCardLabel ?? '',
      }),
    ),
  ]);
  return 'applied';
}

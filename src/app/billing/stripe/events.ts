import type { BillingEvent, Repos } from '../../ports/index.ts';
import { cardRemoved, cardSaved } from './cards.ts';
import { disputeClosed, disputeOpened } from './disputes.ts';
import { expired, failed, processing, succeeded } from './payments.ts';
import { refunded } from './refunds.ts';
import type { Applied, StripeEventDeps, StripeEventOutcome } from './shared.ts';

export type { StripeEventDeps, StripeEventOutcome } from './shared.ts';

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
  return res;
}

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

import Stripe from 'stripe';
import type { ProviderDispute, ProviderPayment, StripeStatement } from '../../app/ports/index.ts';

const MAX_PAGE = 100;
const intOf = (v: string | undefined) => (v && /^\d{1,15}$/.test(v) ? Number(v) : null);
const range = (since: Date, until: Date) => ({
  gte: Math.floor(since.getTime() / 1000),
  lte: Math.ceil(until.getTime() / 1000),
});
const idOf = (v: string | { id: string } | null | undefined) => (typeof v === 'string' ? v : (v?.id ?? null));

/** A succeeded PaymentIntent as the statement shows it (its latest charge expanded for the refunds). */
function toProvider(pi: Stripe.PaymentIntent): ProviderPayment | null {
  if (pi.status !== 'succeeded') return null;
  const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  return {
    rail: 'stripe',
    ref: pi.id,
    paymentId: intOf(pi.metadata?.payment_id),
    userId: intOf(pi.metadata?.user_id),
    amount: pi.amount_received || pi.amount,
    currency: pi.currency,
    refunded: charge?.amount_refunded ?? 0,
    at: new Date(pi.created * 1000),
  };
}

/**
 * Stripe's statement for reconciliation, read with list calls paged by the SDK (`starting_after`), 100
 * at a time. Read-only: no call here creates or changes anything.
 */
/** `pageSize`: list calls' `limit` (Stripe's largest, 100, by default; tests page with less). */
export function stripeStatement(stripe: Stripe, opts: { pageSize?: number } = {}): StripeStatement {
  const PAGE = opts.pageSize ?? MAX_PAGE;
  return {
    async payments(since, until) {
      const out: ProviderPayment[] = [];
      const list = stripe.paymentIntents.list({
        created: range(since, until),
        limit: PAGE,
        expand: ['data.latest_charge'],
      });
      for await (const pi of list) {
        const p = toProvider(pi);
        if (p) out.push(p);
      }
      return out;
    },
    async payment(id) {
      try {
        return toProvider(await stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] }));
      } catch (err) {
        if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'resource_missing')
          return null;
        throw err;
      }
    },
    async refunded(since, until) {
      const out = new Set<string>();
      for await (const re of stripe.refunds.list({ created: range(since, until), limit: PAGE })) {
        const pi = idOf(re.payment_intent);
        if (pi && re.status !== 'failed' && re.status !== 'canceled') out.add(pi);
      }
      return [...out];
    },
    async disputes(since, until) {
      const out: ProviderDispute[] = [];
      for await (const d of stripe.disputes.list({ created: range(since, until), limit: PAGE })) {
        let pi = idOf(d.payment_intent);
        if (!pi) {
          // Older disputes name only the charge: its PaymentIntent is what our payment records.
          const chargeId = idOf(d.charge);
          pi = chargeId ? idOf((await stripe.charges.retrieve(chargeId)).payment_intent) : null;
        }
        if (!pi) continue;
        out.push({
          id: d.id,
          ref: pi,
          amount: d.amount,
          currency: d.currency,
          status: d.status,
          reason: d.reason,
          at: new Date(d.created * 1000),
        });
      }
      return out;
    },
  };
}

/** The fake Stripe's charges & refunds routes. */
import { invalidRequest } from '../errors.ts';
import type { StripeJson } from '../fixtures.ts';
import { buildRefund } from '../objects.ts';
import { int, metadata, str } from '../params.ts';
import { listFilter, newestFirst, page, render } from '../respond.ts';
import type { RouteKit } from './kit.ts';
import { clone } from '../state.ts';

export function chargeRoutes({ app, state, store, requestRef, mustGet }: RouteKit): void {
  app.get('/v1/charges', (c) => {
    const all = newestFirst(store.charges).filter(listFilter(c, ['customer', 'payment_intent']));
    return render(state, c, page(c, all, '/v1/charges', 'charge'));
  });

  app.get('/v1/charges/:id', (c) => render(state, c, mustGet('charges', c.req.param('id'), 'charge')));

  app.post('/v1/refunds', (c) => {
    const p = c.var.params;
    const chargeId = str(p, 'charge') || undefined;
    const piId = str(p, 'payment_intent') || undefined;
    if (!chargeId && !piId) {
      throw invalidRequest(
        'One of the following params should be provided for this request: payment_intent or charge.',
      );
    }
    let charge: StripeJson;
    if (chargeId) {
      charge = mustGet('charges', chargeId, 'charge', 'charge');
    } else {
      const pi = mustGet('paymentIntents', piId as string, 'payment_intent', 'payment_intent');
      const latest = pi.latest_charge ? store.charges.get(pi.latest_charge) : undefined;
      if (!latest || pi.status !== 'succeeded') {
        throw invalidRequest(
          `This PaymentIntent (${String(pi.id)}) does not have a successful charge to refund.`,
          {
            param: 'payment_intent',
            code: 'charge_not_refundable',
          },
        );
      }
      charge = latest;
    }
    if (charge.status !== 'succeeded' || !charge.captured) {
      throw invalidRequest(`Charge ${String(charge.id)} cannot be refunded because it was not successful.`, {
        code: 'charge_not_refundable',
      });
    }
    if (charge.disputed) {
      throw invalidRequest(`Charge ${String(charge.id)} has been charged back; cannot issue a refund.`, {
        code: 'charge_disputed',
      });
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw invalidRequest(`Charge ${String(charge.id)} has already been refunded.`, {
        code: 'charge_already_refunded',
      });
    }
    const amount = int(p, 'amount') ?? remaining;
    if (amount < 1)
      throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
    if (amount > remaining) {
      const fmt = (n: number): string => `${(n / 100).toFixed(2)} ${String(charge.currency)}`;
      throw invalidRequest(
        `Refund amount (${fmt(amount)}) is greater than unrefunded amount on charge (${fmt(remaining)})`,
        { param: 'amount', code: 'amount_too_large' },
      );
    }
    const reason = str(p, 'reason') || null;
    if (reason && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
      throw invalidRequest(`Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`, {
        param: 'reason',
      });
    }
    const refund = buildRefund({
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      customer: charge.customer,
      reason,
      metadata: metadata(p),
    });
    store.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    charge.refunds.data.unshift(clone(refund));
    state.emit('charge.refunded', charge, requestRef(c));
    return render(state, c, refund);
  });

  app.get('/v1/refunds', (c) => {
    const all = newestFirst(store.refunds).filter(listFilter(c, ['charge', 'payment_intent']));
    return render(state, c, page(c, all, '/v1/refunds', 'refund'));
  });

  app.get('/v1/refunds/:id', (c) => render(state, c, mustGet('refunds', c.req.param('id'), 'refund')));
}

/** Disputes are opened by the card's bank (`createDispute` in the controls); the API only reads them. */
export function disputeRoutes({ app, state, store, mustGet }: RouteKit): void {
  app.get('/v1/disputes', (c) => {
    const all = newestFirst(store.disputes).filter(listFilter(c, ['charge', 'payment_intent']));
    return render(state, c, page(c, all, '/v1/disputes', 'dispute'));
  });
  app.get('/v1/disputes/:id', (c) => render(state, c, mustGet('disputes', c.req.param('id'), 'dispute')));
}

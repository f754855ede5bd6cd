import type Stripe from 'stripe';
import type { BillingEvent } from '../../app/ports/index.ts';

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === 'string' ? v : v.id;

const intOf = (v: string | undefined): number | null =>
  v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : null;

/** Our ids, from the metadata set on every Checkout Session and PaymentIntent we create. */
const ours = (metadata: Stripe.Metadata | null | undefined) => ({
  paymentId: intOf(metadata?.payment_id),
  userId: intOf(metadata?.user_id),
});

const brand = (b: string) =>
  ({ amex: 'American Express', mastercard: 'Mastercard', visa: 'Visa', discover: 'Discover', jcb: 'JCB' })[
    b
  ] ?? b.charAt(0).toUpperCase() + b.slice(1);

function sessionPaid(s: Stripe.Checkout.Session): BillingEvent | null {
  const pi = idOf(s.payment_intent);
  if (s.mode !== 'payment' || !pi || s.amount_total === null || !s.currency) return null;
  return {
    type: 'payment.succeeded',
    ...ours(s.metadata),
    paymentIntentId: pi,
    amount: s.amount_total,
    currency: s.currency,
  };
}

/**
 * The app's view of a verified Stripe event: null for event types (and shapes) the app does not act on;
 * they are recorded as ignored. Kept free of decisions: the use case decides what each fact means.
 */
export function toBillingEvent(event: Stripe.Event): BillingEvent | null {
  switch (event.type) {
    case 'checkout.session.completed': {
      const s = event.data.object;
      if (s.mode !== 'payment') return null;
      return s.payment_status === 'paid'
        ? sessionPaid(s)
        : { type: 'payment.processing', ...ours(s.metadata) };
    }
    case 'checkout.session.async_payment_succeeded':
      return sessionPaid(event.data.object);
    case 'checkout.session.async_payment_failed': {
      const s = event.data.object;
      if (s.mode !== 'payment') return null;
      return {
        type: 'payment.failed',
        ...ours(s.metadata),
        message: 'Your bank did not confirm the payment.',
        code: null,
      };
    }
    case 'checkout.session.expired': {
      const s = event.data.object;
      if (s.mode !== 'payment') return null;
      return { type: 'payment.expired', ...ours(s.metadata) };
    }
    case 'payment_intent.succeeded': {
      const pi = event.data.object;
      return {
        type: 'payment.succeeded',
        ...ours(pi.metadata),
        paymentIntentId: pi.id,
        amount: pi.amount_received || pi.amount,
        currency: pi.currency,
      };
    }
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      const e = pi.last_payment_error;
      return {
        type: 'payment.failed',
        ...ours(pi.metadata),
        message: e?.message ?? null,
        code: e?.decline_code ?? e?.code ?? null,
      };
    }
    case 'payment_method.attached': {
      const pm = event.data.object;
      const customerId = idOf(pm.customer);
      if (!customerId) return null;
      const label = pm.card ? `${brand(pm.card.brand)} •••• ${pm.card.last4}` : pm.type.replace(/_/g, ' ');
      return { type: 'card.saved', customerId, paymentMethodId: pm.id, label };
    }
    case 'payment_method.detached':
      return { type: 'card.removed', paymentMethodId: event.data.object.id };
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const d = event.data.object;
      const pi = idOf(d.payment_intent);
      if (!pi) return null;
      return event.type === 'charge.dispute.created'
        ? {
            type: 'dispute.opened',
            disputeId: d.id,
            paymentIntentId: pi,
            amount: d.amount,
            currency: d.currency,
            reason: d.reason,
          }
        : { type: 'dispute.closed', disputeId: d.id, paymentIntentId: pi, status: d.status };
    }
    case 'charge.refunded': {
      const c = event.data.object;
      const pi = idOf(c.payment_intent);
      if (!pi) return null;
      return {
        type: 'charge.refunded',
        paymentIntentId: pi,
        amountRefunded: c.amount_refunded,
        amount: c.amount,
        currency: c.currency,
      };
    }
    default:
      return null;
  }
}

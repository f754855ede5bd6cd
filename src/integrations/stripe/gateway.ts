import Stripe from 'stripe';
import type { CardGateway } from '../../app/ports/index.ts';

/**
 * CardGateway on the Stripe SDK. Idempotency keys are our own ids, so a call retried after a lost
 * answer (by the SDK, by a fan tapping twice, by another replica) returns the first result.
 */
export function stripeCardGateway(stripe: Stripe): CardGateway {
  return {
    async createCustomer(a) {
      const customer = await stripe.customers.create(
        {
          name: a.name || undefined,
          description: a.username ? `Telegram @${a.username}` : `Telegram user ${a.userId}`,
          metadata: { telegram_user_id: String(a.userId) },
        },
        { idempotencyKey: `fanbridge-customer-${a.userId}` },
      );
      return customer.id;
    },
    async createCheckout(a) {
      const metadata = {
        user_id: String(a.userId),
        product_id: String(a.productId),
        payment_id: String(a.paymentId),
      };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          customer: a.customerId,
          client_reference_id: String(a.userId),
          line_items: [
            a.stripePriceId
              ? { price: a.stripePriceId, quantity: 1 }
              : {
                  quantity: 1,
                  price_data: {
                    currency: a.currency,
                    unit_amount: a.amount,
                    product_data: { name: a.title, description: a.description },
                  },
                },
          ],
          metadata,
          // The PaymentIntent carries them too: its own events (succeeded, failed) map back to us.
          payment_intent_data: { metadata, description: a.title },
          success_url: a.successUrl,
          cancel_url: a.cancelUrl,
        },
        { idempotencyKey: `fanbridge-checkout-${a.paymentId}` },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
    },
    async createPortal(a) {
      // A portal session is a short-lived login link: keyed per minute, a double tap gets the same one.
      const minute = Math.floor(Date.now() / 60_000);
      const portal = await stripe.billingPortal.sessions.create(
        { customer: a.customerId, return_url: a.returnUrl },
        { idempotencyKey: `fanbridge-portal-${a.customerId}-${minute}` },
      );
      return { url: portal.url };
    },
    async createSetupCheckout(a) {
      const metadata = { user_id: String(a.userId), purpose: 'auto_recharge' };
      // A new session per hour at most: a double tap reuses the open one, a later request gets a fresh page.
      const hour = Math.floor(Date.now() / 3_600_000);
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'setup',
          customer: a.customerId,
          currency: a.currency,
          client_reference_id: String(a.userId),
          metadata,
          setup_intent_data: { metadata },
          success_url: a.successUrl,
          cancel_url: a.cancelUrl,
        },
        { idempotencyKey: `fanbridge-setup-${a.userId}-${hour}` },
      );
      if (!session.url) throw new Error(`Stripe returned setup session ${session.id} without a URL`);
      return { id: session.id, url: session.url };
    },
    async chargeOffSession(a) {
      const metadata = {
        user_id: String(a.userId),
        product_id: String(a.productId),
        payment_id: String(a.paymentId),
        origin: 'auto_recharge',
      };
      try {
        const pi = await stripe.paymentIntents.create(
          {
            amount: a.amount,
            currency: a.currency,
            customer: a.customerId,
            payment_method: a.paymentMethodId,
            off_session: true,
            confirm: true,
            description: a.description,
            metadata,
          },
          { idempotencyKey: `fanbridge-autorecharge-${a.paymentId}` },
        );
        if (pi.status === 'requires_action')
          return { status: 'authentication_required', paymentIntentId: pi.id };
        if (pi.status === 'requires_payment_method')
          return {
            status: 'declined',
            code: pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? null,
            message: pi.last_payment_error?.message ?? null,
            paymentIntentId: pi.id,
          };
        return { status: 'accepted', paymentIntentId: pi.id };
      } catch (err) {
        // Declines come back as 402 card errors carrying the PaymentIntent; anything else is retried.
        if (!(err instanceof Stripe.errors.StripeCardError)) throw err;
        const piId = (err.raw as { payment_intent?: { id?: string } }).payment_intent?.id ?? null;
        if (err.code === 'authentication_required')
          return { status: 'authentication_required', paymentIntentId: piId };
        return {
          status: 'declined',
          code: err.decline_code ?? err.code ?? null,
          message: err.message ?? null,
          paymentIntentId: piId,
        };
      }
    },
    async refund(a) {
      const refund = await stripe.refunds.create(
        { payment_intent: a.paymentIntentId, metadata: { payment_id: String(a.paymentId) } },
        { idempotencyKey: `fanbridge-refund-${a.paymentId}` },
      );
      return { id: refund.id, status: refund.status ?? 'pending' };
    },
    async syncProductPrice(a) {
      const key = `${a.productId}-${a.revision}`;
      const metadata = { fanbridge_product_id: String(a.productId) };
      const stripeProductId =
        a.stripeProductId ??
        (
          await stripe.products.create(
            { name: a.name, metadata },
            { idempotencyKey: `fanbridge-product-${key}` },
          )
        ).id;
      if (a.stripeProductId)
        await stripe.products.update(
          a.stripeProductId,
          { name: a.name },
          { idempotencyKey: `fanbridge-product-name-${key}` },
        );
      const price =
        a.amount === null
          ? null
          : await stripe.prices.create(
              { product: stripeProductId, currency: a.currency, unit_amount: a.amount, metadata },
              { idempotencyKey: `fanbridge-price-${key}` },
            );
      if (a.retiredPriceId)
        await stripe.prices.update(
          a.retiredPriceId,
          { active: false },
          { idempotencyKey: `fanbridge-archive-${a.retiredPriceId}` },
        );
      return { stripeProductId, priceId: price?.id ?? null };
    },
    async detachPaymentMethod(a) {
      try {
        await stripe.paymentMethods.detach(
          a.paymentMethodId,
          {},
          { idempotencyKey: `fanbridge-detach-${a.paymentMethodId}` },
        );
        return { status: 'detached' };
      } catch (err) {
        // Detaching twice is an error in Stripe ("…is not attached to a customer…"), as is a card that
        // no longer exists: either way it can no longer be charged, which is all we wanted.
        if (
          err instanceof Stripe.errors.StripeInvalidRequestError &&
          (err.code === 'resource_missing' || /not attached to a customer/i.test(err.message))
        )
          return { status: 'not_attached' };
        throw err;
      }
    },
  };
}

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type Stripe from 'stripe';
import type { Logger } from '../../logger.ts';

export const MAX_STRIPE_BODY_BYTES = 512 * 1024;

/** Stripe's default tolerance: a signature older than 5 minutes is a replay. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

export interface StripeWebhookDeps {
  stripe: Stripe;
  secret: string;
  /**
   * Enqueues the verified event for the worker (one job per event id, however often Stripe delivers
   * it); resolves once it is stored (or was already).
   */
  enqueue(event: Stripe.Event): Promise<void>;
  logger: Logger;
}

/**
 * POST /stripe-webhook. The signature is checked on the raw bytes (re-serialised JSON would not match);
 * a bad, missing or stale one gets 400 and nothing is stored. A verified event becomes a job and the
 * answer is 200 at once: Stripe waits for no effect, and retries only what we failed to store.
 */
export function stripeWebhookRoute(deps: StripeWebhookDeps): Hono {
  return new Hono().post(
    '/',
    bodyLimit({
      maxSize: MAX_STRIPE_BODY_BYTES,
      onError: (c) => c.json({ ok: false, error: 'body over 512 KiB' }, 413, { connection: 'close' }),
    }),
    async (c) => {
      const signature = c.req.header('stripe-signature');
      if (!signature) return c.json({ ok: false, error: 'missing Stripe-Signature header' }, 400);
      const raw = Buffer.from(await c.req.arrayBuffer());
      let event: Stripe.Event;
      try {
        event = await deps.stripe.webhooks.constructEventAsync(
          raw,
          signature,
          deps.secret,
          STRIPE_SIGNATURE_TOLERANCE_SECONDS,
        );
      } catch (err) {
        deps.logger.warn({ err: err instanceof Error ? err.message : err }, 'stripe webhook rejected');
        return c.json({ ok: false, error: 'invalid signature' }, 400);
      }
      if (typeof event?.id !== 'string' || typeof event.type !== 'string')
        return c.json({ ok: false, error: 'body is not a Stripe event' }, 400);
      await deps.enqueue(event);
      return c.json({ received: true });
    },
  );
}

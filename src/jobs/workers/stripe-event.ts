import type Stripe from 'stripe';
import type { JobResult } from 'pg-boss';
import type { Services } from '../../app/services.ts';
import type { BillingEvent } from '../../app/ports/index.ts';
import { RetryLaterError } from '../../app/billing/stripe/events.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** Events fetched per round trip; a full batch fetches the next at once (a burst after an outage). */
const BATCH = 20;

/**
 * Applies verified Stripe events (enqueued by POST /stripe-webhook), each exactly once. Batched with
 * per-job results: one event that fails is retried on its own, the others complete.
 */
export type StripeEventMapper = (event: Stripe.Event) => BillingEvent | null;

export async function startStripeEventWorker(
  jobs: Jobs,
  services: Services,
  logger: Logger,
  toBillingEvent: StripeEventMapper,
): Promise<void> {
  await jobs.work(
    QUEUES.stripeEvent.name,
    {
      batchSize: BATCH,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live,
      perJobResults: true,
      includeMetadata: true,
    },
    async (batch): Promise<JobResult[]> => {
      const results: JobResult[] = [];
      for (const job of batch) {
        try {
          const { event } = QUEUES.stripeEvent.payload.parse(job.data);
          // The route verified the signature before enqueueing: the body is Stripe's event as sent.
          const stripeEvent = event as unknown as Stripe.Event;
          const outcome = await services.billing.applyEvent({
            eventId: stripeEvent.id,
            eventType: stripeEvent.type,
            event: toBillingEvent(stripeEvent),
            // The job was created when the route received the event; its retries keep that date.
            receivedAt: job.createdOn,
          });
          logger.info({ event: stripeEvent.id, type: stripeEvent.type, outcome }, 'stripe event');
          results.push({ id: job.id, status: 'completed', output: { outcome } });
        } catch (err) {
          if (err instanceof RetryLaterError)
            logger.warn({ job: job.id, reason: err.message }, 'stripe event retried later');
          else logger.error({ err, job: job.id }, 'stripe event failed; it will be retried');
          results.push({
            id: job.id,
            status: 'failed',
            output: { message: err instanceof Error ? err.message : String(err) },
          });
        }
      }
      return results;
    },
  );
}

import { z } from 'zod';
import type { Queue } from 'pg-boss';

/**
 * Every queue the app uses: name, pg-boss options and payload schema in one place. All of them are
 * created at start-up, before anything is served: on PGlite the first enqueue inside a transaction
 * would otherwise wait on pg-boss's cold queue cache while the transaction holds the one connection.
 */
export const QUEUES = {
  housekeeping: {
    name: 'housekeeping',
    options: { policy: 'singleton', retryLimit: 3, retryDelay: 60, expireInSeconds: 300 },
    payload: z.object({}).passthrough(),
  },
  /**
   * The embedded database's daily backup under `DATA_DIR/backups` (src/db/backup.ts), the newest 7
   * kept. Scheduled only on the embedded database (on PostgreSQL, back up with pg_dump). `singleton`: a
   * run still writing is not joined by a second one.
   */
  backup: {
    name: 'backup',
    options: { policy: 'singleton', retryLimit: 3, retryDelay: 600, expireInSeconds: 3600 },
    payload: z.object({}).passthrough(),
  },
  /**
   * The embedded database's autovacuum (src/db/maintenance.ts): vacuums and analyzes the tables past
   * PostgreSQL's thresholds, and checkpoints. Embedded only (PostgreSQL runs its own). `singleton`:
   * passes never overlap. A pass's job is kept an hour, not pg-boss's week (1,440 of them a day).
   */
  maintenance: {
    name: 'maintenance',
    options: {
      policy: 'singleton',
      retryLimit: 1,
      retryDelay: 60,
      expireInSeconds: 900,
      deleteAfterSeconds: 3600,
    },
    payload: z.object({}).passthrough(),
  },
  /**
   * Once a day: clears the texts of relayed messages older than `search_retention_days` (the message
   * log keeps them for /search; the rows stay, without content, for analytics).
   */
  searchRetention: {
    name: 'search-retention',
    options: { policy: 'singleton', retryLimit: 3, retryDelay: 300, expireInSeconds: 900 },
    payload: z.object({}).passthrough(),
  },
  /**
   * Checks an album buffer once no item arrived for the window, then hands it to the outbox. `short`:
   * one waiting job per album (singletonKey `<direction>:<media_group_id>`), however many items arrive.
   */
  albumFlush: {
    name: 'album-flush',
    options: { policy: 'short', retryLimit: 5, retryDelay: 1, expireInSeconds: 60 },
    payload: z.object({ mediaGroupId: z.string().min(1), direction: z.enum(['in', 'out']) }),
  },
  /**
   * A time-pass notice (10 minutes before the end, 1 minute before, at the end), scheduled when the pass
   * changes. A notice for an end that is no longer the pass's end (extended, cut) is dropped when it runs.
   */
  passNotice: {
    name: 'pass-notice',
    options: { policy: 'standard', retryLimit: 5, retryDelay: 30, expireInSeconds: 60 },
    payload: z.object({
      userId: z.number().int(),
      until: z.string().min(1),
      at: z.enum(['10m', '1m', 'end']),
    }),
  },
  /**
   * A verified Stripe webhook event, applied by the worker. The job id is derived from the event id, so
   * Stripe's retries of one event enqueue one job; the worker's own claim in `stripe_events` covers
   * redeliveries after the job is gone. Retried with backoff: a failure here is our bug or our database.
   */
  stripeEvent: {
    name: 'stripe-event',
    options: {
      policy: 'standard',
      retryLimit: 20,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 120,
      retentionSeconds: 7 * 24 * 3600,
    },
    payload: z.object({
      event: z.object({ id: z.string().min(1), type: z.string().min(1) }).passthrough(),
    }),
  },
  /**
   * A Telegram payment update (`successful_payment`, `refunded_payment`, `purchased_paid_media`) stored in
   * the payment inbox, applied by the worker. The job id is derived from the inbox row, so it exists once;
   * every effect is keyed on the charge (or payer and payload), so a repeat changes nothing. Retried with
   * backoff for about a day: a failure here is our database or our bug, and the fan has paid.
   */
  telegramPayment: {
    name: 'telegram-payment',
    options: {
      policy: 'standard',
      retryLimit: 25,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: 120,
      retentionSeconds: 14 * 24 * 3600,
    },
    payload: z.object({ inboxId: z.number().int().positive() }),
  },
  /**
   * A `/refund` of a Stars payment whose answer from Telegram was lost: asked again (a refund that did
   * happen answers CHARGE_ALREADY_REFUNDED) until Telegram answers, then clawed back once. One job per
   * payment (its id is derived from the payment).
   */
  starsRefund: {
    name: 'stars-refund',
    options: {
      policy: 'standard',
      retryLimit: 12,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 1800,
      expireInSeconds: 60,
    },
    payload: z.object({
      paymentId: z.number().int().positive(),
      adminId: z.number().int(),
      key: z.string().min(1),
    }),
  },
  /**
   * An off-session auto-recharge for one trigger (the debit that crossed the fan's threshold). The job id
   * is derived from the trigger, and the payment row is keyed on it, so a trigger charges once.
   */
  autoRecharge: {
    name: 'auto-recharge',
    options: { policy: 'standard', retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
    payload: z.object({ userId: z.number().int(), triggerKey: z.string().min(1) }),
  },
  /**
   * Detaches a saved card in Stripe (after a dispute), enqueued in the transaction that forgot it: the
   * Stripe call runs after the commit, never inside it. The job id is derived from the card, so it is
   * one job however often it is enqueued; a failure is retried with backoff (about an hour in all), and
   * the last one alerts the owners.
   */
  stripeDetach: {
    name: 'stripe-detach',
    options: { policy: 'standard', retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
    payload: z.object({
      userId: z.number().int(),
      paymentMethodId: z.string().min(1),
      reason: z.string().min(1),
    }),
  },
  /**
   * A confirmed broadcast or mass gift: its audience queued into the outbox in batches, one transaction
   * each, resuming from the campaign's cursor (a crash or a restart loses nothing and queues nobody
   * twice: the outbox items and the gifts are keyed per campaign and fan). One job per campaign.
   */
  campaignQueue: {
    name: 'queue-campaign',
    options: { policy: 'standard', retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 },
    payload: z.object({ campaignId: z.number().int().positive() }),
  },
  /**
   * The daily reconciliation: the last 48 hours of Stripe's and Telegram's statements against the books,
   * one alert per new mismatch (keyed, so a retry or the next day does not repeat it). A statement that
   * could not be read fails the run, which is retried.
   */
  reconcile: {
    name: 'reconcile',
    options: { policy: 'singleton', retryLimit: 4, retryDelay: 600, expireInSeconds: 900 },
    payload: z.object({}).passthrough(),
  },
} as const satisfies Record<string, { name: string; options: Omit<Queue, 'name'>; payload: z.ZodType }>;

/**
 * Cron schedules (UTC). Housekeeping runs often and is cheap: it deletes by an indexed timestamp. The
 * backup runs once a day at a quiet hour, and the vacuum every minute, on the embedded database only
 * (`engines`).
 */
export const SCHEDULES: ReadonlyArray<{
  queue: string;
  cron: string;
  engines?: ReadonlyArray<'pglite' | 'postgres'>;
}> = [
  { queue: QUEUES.housekeeping.name, cron: '*/15 * * * *' },
  { queue: QUEUES.backup.name, cron: '30 3 * * *', engines: ['pglite'] },
  // Every minute, as PostgreSQL's autovacuum looks (`autovacuum_naptime`); most passes only read statistics.
  { queue: QUEUES.maintenance.name, cron: '* * * * *', engines: ['pglite'] },
  { queue: QUEUES.searchRetention.name, cron: '17 3 * * *' },
  // Daily, at a quiet hour (UTC); it reads 48 hours, so a missed day is still covered by the next.
  { queue: QUEUES.reconcile.name, cron: '40 4 * * *' },
];

import type { JobsPort } from '../app/ports/index.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Jobs } from './boss.ts';
import { uuidFromKey } from './ids.ts';

/** When a pass's notices go out, before its end. */
const PASS_NOTICES = [
  ['10m', 10 * 60_000],
  ['1m', 60_000],
  ['end', 0],
] as const;

/**
 * The use cases' view of pg-boss, bound to one database handle: inside `uow.run` every job is part of
 * the transaction (the outbox pattern). Handles made without `jobs` (the sender's) cannot enqueue.
 */
export function jobsPort(
  jobs: Jobs,
  db: DbOrTx,
  // Outside a unit of work each statement commits on its own: the worker can be woken at once.
  afterCommit: (fn: () => void) => void = (fn) => fn(),
): JobsPort {
  const need = (): Jobs => jobs;
  return {
    async flushAlbumLater(job, delayMs) {
      // The queue's `short` policy keeps one waiting job per key: later items of the album add none.
      await need().send('albumFlush', job, {
        tx: db,
        afterCommit,
        // Seconds from the database's clock (pg-boss reads a number as an interval).
        startAfter: Math.max(0, delayMs) / 1000,
        singletonKey: `${job.direction}:${job.mediaGroupId}`,
      });
    },
    async autoRecharge(userId, triggerKey) {
      await need().send(
        'autoRecharge',
        { userId, triggerKey },
        { tx: db, afterCommit, id: uuidFromKey(`auto-recharge:${triggerKey}`) },
      );
    },
    async applyPaymentUpdate(inboxId) {
      await need().send(
        'telegramPayment',
        { inboxId },
        { tx: db, afterCommit, id: uuidFromKey(`tg-payment:${inboxId}`) },
      );
    },
    async retryStarsRefund(job) {
      await need().send('starsRefund', job, {
        tx: db,
        afterCommit,
        id: uuidFromKey(`stars-refund:${job.paymentId}`),
        startAfter: 2,
      });
    },
    async queueCampaign(campaignId) {
      await need().send(
        'campaignQueue',
        { campaignId },
        { tx: db, afterCommit, id: uuidFromKey(`queue-campaign:${campaignId}`) },
      );
    },
    async detachCard(job) {
      await need().send('stripeDetach', job, {
        tx: db,
        afterCommit,
        id: uuidFromKey(`stripe-detach:${job.paymentMethodId}`),
      });
    },
    async schedulePassNotices(userId, until, now) {
      for (const [at, beforeMs] of PASS_NOTICES) {
        const when = until.getTime() - beforeMs;
        // A notice whose moment has passed is skipped, except the end itself.
        if (when < now.getTime() && at !== 'end') continue;
        await need().send(
          'passNotice',
          { userId, until: until.toISOString(), at },
          {
            tx: db,
            afterCommit,
            startAfter: new Date(Math.max(when, now.getTime())),
            singletonKey: `${userId}:${until.toISOString()}:${at}`,
          },
        );
      }
    },
  };
}

/** Durable delayed work (pg-boss), as the use cases see it. */

import type { AlbumDirection } from './relay.ts';

/** Durable delayed work (pg-boss). */
export interface JobsPort {
  /** Checks the album after `delayMs`; while one check is waiting for this album, another is a no-op. */
  flushAlbumLater(job: { mediaGroupId: string; direction: AlbumDirection }, delayMs: number): Promise<void>;
  /** Schedules the notices of a pass ending at `until` (those whose time has not passed yet). */
  schedulePassNotices(userId: number, until: Date, now: Date): Promise<void>;
  /** Runs the fan's auto-recharge for this trigger (one job per trigger, however often enqueued). */
  autoRecharge(userId: number, triggerKey: string): Promise<void>;
  /** Applies a stored Telegram payment update (one job per inbox row, retried until it applies). */
  applyPaymentUpdate(inboxId: number): Promise<void>;
  /** Asks Telegram again for a Stars refund whose answer was lost (one job per payment). */
  retryStarsRefund(job: { paymentId: number; adminId: number; key: string }): Promise<void>;
  /**
   * Detaches a saved card in Stripe after the transaction commits (a Stripe call never runs inside one);
   * one job per card, however often enqueued, retried until Stripe answers.
   */
  detachCard(job: { userId: number; paymentMethodId: string; reason: string }): Promise<void>;
  /**
   * Queues a confirmed campaign's audience in batches (one job per campaign, however often enqueued; a
   * restart resumes from the campaign's cursor).
   */
  queueCampaign(campaignId: number): Promise<void>;
}

/** The update lifecycle: claims, failures, the payment inbox. */

export interface UpdatesRepo {
  /** Records the update id; false when it was already there (a redelivery). */
  claim(updateId: number): Promise<boolean>;
  /** Takes back claims made in this transaction (updates whose handling goes on in another). */
  unclaim(updateIds: readonly number[]): Promise<void>;
  /** Whether the update's handling has committed already (a redelivery to drop before any work). */
  isProcessed(updateId: number): Promise<boolean>;
  pruneOlderThan(cutoff: Date): Promise<number>;
  /**
   * One more failed attempt at the update (in its own transaction: the handler's rolled back); returns
   * the attempts so far. The raw update and the error are kept for the dead letter.
   */
  noteFailure(updateId: number, raw: Record<string, unknown>, error: string, now: Date): Promise<number>;
  /** The update gave up: parked in the dead letter (kept, with its raw JSON, for a human). */
  park(updateId: number, now: Date): Promise<void>;
  /** Parked updates, newest first. */
  parked(limit: number): Promise<FailedUpdate[]>;
  /** Forgets failures still retrying since before `retryingBefore` and parked ones before `parkedBefore`. */
  pruneFailures(retryingBefore: Date, parkedBefore: Date): Promise<number>;
}

export interface FailedUpdate {
  updateId: number;
  status: 'retrying' | 'parked';
  attempts: number;
  raw: Record<string, unknown>;
  lastError: string;
  firstFailedAt: Date;
  updatedAt: Date;
}

export type PaymentUpdateKind = 'successful_payment' | 'refunded_payment' | 'purchased_paid_media';

/** A Telegram payment update as stored in the payment inbox (see db/schema/updates.ts). */
export interface PaymentUpdate {
  id: number;
  kind: PaymentUpdateKind;
  dedupeKey: string;
  userId: number;
  chargeId: string | null;
  updateId: number;
  raw: Record<string, unknown>;
  status: 'pending' | 'applied' | 'failed';
  outcome: string | null;
  attempts: number;
  receivedAt: Date;
}

export interface PaymentInboxRepo {
  /** Stores the update; null when this payment is stored already (same dedupe key). */
  add(
    u: Pick<PaymentUpdate, 'kind' | 'dedupeKey' | 'userId' | 'chargeId' | 'updateId' | 'raw'>,
  ): Promise<PaymentUpdate | null>;
  get(id: number): Promise<PaymentUpdate | null>;
  /** Reads the row under a lock (one applier at a time). Call inside `uow.run`. */
  getForUpdate(id: number): Promise<PaymentUpdate | null>;
  markApplied(id: number, outcome: string, at: Date): Promise<void>;
  /** One more failed attempt to apply it; `failed` once the retries are used up. */
  noteFailure(id: number, error: string, final: boolean): Promise<void>;
}

/** A stored webhook update taken for handling (see db/schema/updates.ts, `inbound_updates`). */
export interface InboundUpdate {
  updateId: number;
  lane: string;
  raw: Record<string, unknown>;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** Webhook updates stored before they are handled, drained in update order per lane (bot/inbound.ts). */
export interface InboundUpdatesStore {
  /** Stores the update; false when it is stored already (Telegram delivered it again before it ran). */
  store(updateId: number, lane: string, raw: Record<string, unknown>): Promise<boolean>;
  /**
   * Leases up to `limit` updates that are due and first in their lane (nothing earlier in the lane is
   * stored), oldest first; a lease that ran out (a replica that stopped mid-update) is taken over.
   * `done`: updates handled since the last claim, deleted by the same statement (as `done` does), so
   * their lanes' next updates may be taken by it.
   */
  claim(limit: number, leaseMs: number, now: Date, done?: readonly number[]): Promise<InboundUpdate[]>;
  /** Handled (or parked): the rows go. */
  done(updateIds: readonly number[]): Promise<void>;
  /** Failed before its effects committed: runs again from `at`, still blocking its lane. */
  retryAt(updateId: number, at: Date): Promise<void>;
  /** When the next stored update falls due (a lease running out counts); null when none is stored. */
  nextDueAt(): Promise<Date | null>;
  /** How many updates are stored (the backlog). */
  count(): Promise<number>;
}

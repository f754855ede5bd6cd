import type { Api } from 'grammy';
import type { Clock } from '../../domain/shared/index.ts';
import type {
  ClaimedItem,
  FloodBudgets,
  Metrics,
  OutboxDispatch,
  OutboxPayload,
  OutboxViews,
  UnitOfWork,
} from '../../app/ports/index.ts';
import type { RenderTimings } from '../../app/relay/refresh.ts';
import type { FloodGuard } from '../../integrations/telegram/flood-guard.ts';
import type { Logger } from '../../logger.ts';
import type { SendFailure } from './errors.ts';

export interface SenderOptions {
  budgets: FloodBudgets;
  /** Sends in flight at once (each in its own lane). */
  maxInFlight?: number;
  /** How long a claimed item is ours; after a crash another replica takes it over when it expires. */
  leaseMs?: number;
  /** Longest sleep when nothing waits (a local enqueue wakes the sender after its commit). Default 5 s. */
  idlePollMs?: number;
  /**
   * Longest sleep when what waits is known to be held until later (a spent budget, a 429, a backoff): the
   * claim said when (including when a lease runs out), so the sender sleeps until then, but at most this
   * long (items another replica queued are its own sender's first; this is the fallback). Default 10 s.
   */
  heldPollMs?: number;
  /** Transient failures before giving up on an item. */
  maxAttempts?: number;
  /** Card and inbox throttles (tests shorten them). */
  renderTimings?: RenderTimings;
  /**
   * A topic creation marked longer ago than this, with no thread id stored, is taken to have died (see
   * topics.ts `TOPIC_CREATION_STALE_MS`, the default). Tests with short leases shorten it with them.
   */
  topicCreationStaleMs?: number;
}

/** Wired by the composition root: the worker imports no other adapter (see docs/ARCHITECTURE.md). */
export interface SenderDeps {
  uow: UnitOfWork;
  dispatch: OutboxDispatch;
  guard: FloodGuard;
  /** Delivered relays, sends given up on, and claims. */
  metrics?: Pick<Metrics, 'relay' | 'error' | 'outboxClaim'>;
  /** A plain grammY Api (no auto-retry: 429s are this sender's job). */
  api: Api;
  views: OutboxViews;
  logger: Logger;
  clock: Clock;
  /**
   * How many new fan topics the admin group may get per minute (the `topic_creations_per_minute`
   * setting, read at most every few seconds); unset: no cap.
   */
  topicCreationsPerMinute?: () => Promise<number>;
}

export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    readonly threadId: number | null,
    /** False only when the request may have reached Telegram unanswered (a network error). */
    readonly nothingPosted = true,
  ) {
    super(failure.type);
  }
}

/** What one item's sends did so far: its booked budget units that posted nothing are given back. */
export interface Tally {
  posted: number;
  topicCreated: boolean;
}

export type Payload<K extends OutboxPayload['kind']> = Extract<OutboxPayload, { kind: K }>;

/** What every part of the worker shares, with the item being sent (one context per send). */
export interface SenderContext {
  deps: SenderDeps;
  log: Logger;
  timings: RenderTimings;
  maxAttempts: number;
  topicCreationStaleMs: number;
  /** The item being sent: what its calls posted so far (see calls.ts and failures.ts). */
  tally: Tally;
  /** When this sender last asked for each fan's owed card (see topics.ts `ensureTopic`). */
  cardsAsked: Map<number, number>;
  /** One Telegram call to `chatId`, within its flood state (see calls.ts). */
  call<T>(chatId: number, threadId: number | null, fn: () => Promise<T>): Promise<T>;
}

export type Handler<K extends OutboxPayload['kind']> = (
  ctx: SenderContext,
  item: ClaimedItem,
  p: Payload<K>,
) => Promise<void>;

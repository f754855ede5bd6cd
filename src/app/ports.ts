/** What the use cases need from the outside world. Implemented in db/repos and jobs/. */

import type { ContentMediaType } from '../domain/content/index.ts';

export type { ContentMediaType };

export interface TelegramProfile {
  id: number;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  languageCode?: string | undefined;
}

export interface User {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  tier: string;
  isBanned: boolean;
  blockedBot: boolean;
  stripeCustomerId: string | null;
  /** The card saved for off-session charges, and how to show it ("Visa •••• 4242"). */
  stripePaymentMethodId: string | null;
  stripeCardLabel: string | null;
  autoRechargeEnabled: boolean;
  autoRechargeProductId: number | null;
  autoRechargeThreshold: number | null;
  autoRechargeFailures: number;
  /** `/paysupport` without text: the next message within 15 minutes goes to the team free. */
  supportRequestedAt: Date | null;
  creditBalance: number;
  timePassUntil: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export type ProductKind = 'credits' | 'time' | 'unlock';

export interface Product {
  id: number;
  kind: ProductKind;
  title: string;
  description: string;
  amount: number;
  priceStars: number;
  priceMinor: number | null;
  currency: string;
  stripePriceId: string | null;
  active: boolean;
  sort: number;
}

export type NewProduct = Omit<
  Product,
  'id' | 'description' | 'currency' | 'stripePriceId' | 'active' | 'sort'
> &
  Partial<Pick<Product, 'description' | 'currency' | 'stripePriceId' | 'active' | 'sort'>>;

export interface UsersRepo {
  /** Inserts or refreshes the profile and last-seen time; `created` tells a first contact. */
  upsert(profile: TelegramProfile, now: Date): Promise<{ user: User; created: boolean }>;
  get(id: number): Promise<User | null>;
  /** Reads the user under a row lock (serialises a fan's charges). Call inside `uow.run`. */
  getForUpdate(id: number): Promise<User | null>;
  setBlockedBot(id: number, blocked: boolean): Promise<void>;
  /** `/paysupport` without text waits for the fan's next message (null: it came, or was cancelled). */
  setSupportRequested(id: number, at: Date | null): Promise<void>;
  setPassUntil(id: number, until: Date | null): Promise<void>;
  setBanned(id: number, banned: boolean): Promise<void>;
  /** Stores the fan's Stripe Customer unless one is stored already; returns the one that is stored. */
  setStripeCustomer(id: number, customerId: string): Promise<string>;
  findByStripeCustomer(customerId: string): Promise<User | null>;
  findBySavedCard(paymentMethodId: string): Promise<User | null>;
  /** The card to charge off-session (null clears it). */
  setSavedCard(id: number, card: { paymentMethodId: string; label: string } | null): Promise<void>;
  setAutoRecharge(id: number, a: { enabled: boolean; productId?: number; threshold?: number }): Promise<void>;
  /** One more consecutive failure; returns the new count. */
  noteAutoRechargeFailure(id: number): Promise<number>;
  resetAutoRechargeFailures(id: number): Promise<void>;
}

export interface SettingsRepo {
  all(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown, by: number | null): Promise<void>;
}

export interface ProductsRepo {
  listActive(): Promise<Product[]>;
  get(id: number): Promise<Product | null>;
  count(): Promise<number>;
  insertMany(products: NewProduct[]): Promise<void>;
}

export interface UpdatesRepo {
  /** Records the update id; false when it was already there (a redelivery). */
  claim(updateId: number): Promise<boolean>;
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

export interface RateLimitsRepo {
  /**
   * Counts one hit in each of these windows (one statement, atomic across replicas) and returns the
   * hits in each afterwards, in the same order.
   */
  hit(windows: Array<{ key: string; windowStart: Date }>): Promise<number[]>;
  /** Drops windows that started before `cutoff`. */
  pruneOlderThan(cutoff: Date): Promise<number>;
}

export interface OnceRepo {
  /** True for exactly one caller per key, across processes. */
  claim(key: string): Promise<boolean>;
  /** Drops marks with this key prefix created before `cutoff` (expired throttle windows). */
  pruneOlderThan(prefix: string, cutoff: Date): Promise<number>;
}

/** A group or channel an owner added the bot to, waiting to be set up (see app/groups.ts). */
export interface PendingGroup {
  chatId: number;
  title: string;
  addedBy: number;
  addedAt: Date;
}

export interface PendingGroupsRepo {
  get(chatId: number): Promise<PendingGroup | null>;
  /** Records the group, or starts its wait again (a later add). */
  put(group: PendingGroup): Promise<void>;
  remove(chatId: number): Promise<void>;
}

export type LedgerReason =
  'bonus' | 'purchase' | 'spend' | 'gift' | 'refund' | 'dispute' | 'adjustment' | 'auto_recharge' | 'unlock';

export interface LedgerEntry {
  id: number;
  userId: number;
  delta: number;
  reason: LedgerReason;
  idempotencyKey: string;
  balanceAfter: number;
  actor: string;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface NewLedgerEntry {
  userId: number;
  /** Signed credits: positive grants, negative debits. Zero is allowed (a spend under a time pass). */
  delta: number;
  reason: LedgerReason;
  /** Unique across the ledger: a repeat with the same key changes nothing. */
  idempotencyKey: string;
  /** `system`, `user:<id>`, `admin:<id>`, `stripe`, `telegram`. */
  actor: string;
  metadata?: Record<string, unknown>;
  /**
   * `strict` (default): a debit larger than the balance is refused. `clamp`: a debit takes what is
   * there (refunds and disputes claw back at most the balance); the entry records the amount taken.
   */
  mode?: 'strict' | 'clamp';
}

export type LedgerApplyResult =
  | { status: 'applied'; entry: LedgerEntry }
  | { status: 'duplicate'; entry: LedgerEntry }
  | { status: 'insufficient'; balance: number; needed: number };

export interface LedgerTotals {
  spent: number;
  purchased: number;
  gifted: number;
  returned: number;
  takenBack: number;
}

export interface LedgerRepo {
  /**
   * Appends one entry and moves the user's balance in the same transaction, under a row lock on the
   * user (concurrent debits serialise; the balance never goes below zero). Call inside `uow.run`.
   */
  apply(entry: NewLedgerEntry): Promise<LedgerApplyResult>;
  findByKey(idempotencyKey: string): Promise<LedgerEntry | null>;
  /** The most recent top-up (purchase, auto-recharge, gift or bonus), the balance bar's 100 % mark. */
  lastTopUp(userId: number): Promise<number | null>;
  /**
   * Lifetime figures (positive numbers): credits spent on messages and unlocks, bought, gifted (gifts and
   * bonuses), returned (undelivered messages), and taken back (payment refunds and disputes).
   */
  totals(userId: number): Promise<LedgerTotals>;
  /** One page of the user's entries, newest first (the fan's `/history`). */
  page(userId: number, offset: number, limit: number): Promise<LedgerEntry[]>;
  /** How many entries the user has. */
  count(userId: number): Promise<number>;
  /** Every user's stored balance and entries, in creation order, for the integrity check. */
  snapshot(): Promise<
    Array<{ userId: number; balance: number; entries: Array<{ delta: number; balanceAfter: number }> }>
  >;
}

/** What the outbox can send. Payloads are JSON; everything else is read at send time. */
export type OutboxPayload =
  /** A fan's paid message into their topic (creating the topic, card and pin first if needed). */
  | {
      kind: 'relay.in';
      userId: number;
      fromChatId: number;
      messageId: number;
      cost: number;
      mode: 'copy' | 'forward';
      /**
       * A payment-support message (`/paysupport`), relayed free and marked 💳: its text is posted as
       * such, a medium is copied with the mark in its caption.
       */
      support?: { text: string } | { caption: string };
    }
  /**
   * A fan's album (items sharing a media_group_id, each charged when accepted) into their topic as one
   * album; `costs[i]` is what `messageIds[i]` cost (refunded per item if it can never be delivered).
   */
  | {
      kind: 'relay.album';
      userId: number;
      fromChatId: number;
      messageIds: number[];
      costs: number[];
      mode?: 'copy' | 'forward';
    }
  /** An admin's message from a fan's topic to the fan. */
  | {
      kind: 'relay.out';
      userId: number;
      groupId: number;
      messageId: number;
      replyToFanMessageId: number | null;
      answersFanMessageId: number | null;
    }
  /** Re-render the fan's info card or the live inbox from current data, at send time. */
  | { kind: 'render'; target: 'card' | 'inbox'; groupId: number; userId?: number }
  /** A reaction (read receipt, delivery mark); costs no flood budget. */
  | { kind: 'react'; chatId: number; messageId: number; emoji: string }
  /** Any text: receipts, notices, failure notes. */
  | {
      kind: 'notice';
      chatId: number;
      html: string;
      threadId?: number | null;
      /** Into the fan's current topic (resolved at send time). */
      toTopicOf?: number;
      replyTo?: number | null;
      keyboard?: Array<Array<{ text: string; callback_data: string } | { text: string; url: string }>>;
      userId?: number;
    }
  /**
   * Any other Bot API call (edits, deletes, topic renames, the live inbox…), with an optional effect
   * recorded in the transaction that marks it sent.
   */
  | {
      kind: 'call';
      method: string;
      params: Record<string, unknown>;
      /** Send into this fan's current topic (message_thread_id resolved at send time). */
      toTopicOf?: number;
      /** The fan this concerns: nothing is sent to a fan who blocked the bot. */
      userId?: number;
      /** Telegram answers that mean "already so" and count as done ("message is not modified"…). */
      okErrors?: string[];
      effect?: OutboxEffect;
    };

/** Bookkeeping after a successful `call` (see app/delivery.ts#applyEffect). */
export type OutboxEffect =
  | { type: 'inbox.rendered'; groupId: number; text: string }
  | { type: 'card.rendered'; userId: number }
  | { type: 'topic.renamed'; userId: number; name: string }
  | {
      type: 'link.in';
      userId: number;
      fanChatId: number;
      fanMessageIds: number[];
      groupId: number;
      threadId: number | null;
    }
  | { type: 'link.out'; userId: number; groupId: number; groupMessageIds: number[] }
  /** An admin's album reached the fan: links as `link.out`, then 👌 on it and 👀 on what it answers. */
  | {
      type: 'album.out';
      userId: number;
      groupId: number;
      groupMessageIds: number[];
      answersFanMessageId: number | null;
    };

export interface NewOutboxItem {
  /** Ordering unit, one item in flight at a time: `in:<fan>`, `out:<fan>`. */
  lane: string;
  /** Whose flood budget the send spends. */
  chatId: number;
  payload: OutboxPayload;
  /** Order inside the lane (fan message id for relays; 0 sorts first, then by insertion). */
  sortKey: number;
  idempotencyKey: string;
  /** Not before this time (throttled renders). */
  notBefore?: Date;
  /** Items with one coalesce key supersede each other while pending (see OutboxRepo.coalesce). */
  coalesceKey?: string;
}

export interface OutboxRepo {
  /** Adds items (a repeat idempotency key is ignored). Call inside the transaction that decided them. */
  enqueue(items: NewOutboxItem[]): Promise<void>;
  /**
   * Replaces the payload of the still-pending item with this coalesce key (the newer edit wins); false
   * when none is pending (none queued, or it is being sent or was sent: then a new item is needed).
   */
  coalesce(coalesceKey: string, payload: OutboxPayload): Promise<boolean>;
  /** How many items were ever queued under this coalesce key (kept while sent items are kept: a week). */
  countCoalesced(coalesceKey: string): Promise<number>;
  /** Deletes sent (or given-up) items finished before `before`. */
  pruneFinished(before: Date): Promise<number>;
}

export interface FanTopic {
  userId: number;
  groupId: number;
  threadId: number | null;
  status: 'creating' | 'open' | 'closed';
  name: string;
  cardMessageId: number | null;
  cardPinned: boolean;
  previousThreadId: number | null;
  cardRenderedAt: Date | null;
  renamedAt: Date | null;
}

export interface TopicsRepo {
  get(userId: number): Promise<FanTopic | null>;
  /** Inserts the 'creating' row unless the fan already has one; true when this call created it. */
  reserve(userId: number, groupId: number, name: string): Promise<boolean>;
  findByThread(groupId: number, threadId: number): Promise<FanTopic | null>;
  /** Fans of the group whose topic is still to be created (their first messages wait for it). */
  waitingForTopic(groupId: number): Promise<number>;
  setThread(userId: number, threadId: number, name: string): Promise<void>;
  setCard(userId: number, cardMessageId: number): Promise<void>;
  /** The card's pin is done (or cannot be done: no right to pin); it is not tried again. */
  setCardPinned(userId: number): Promise<void>;
  /** The topic is gone: forget the thread (kept as previous) so the next relay creates a new one. */
  markLost(userId: number, threadId: number): Promise<void>;
  setStatus(userId: number, status: 'open' | 'closed'): Promise<void>;
  /** A fan message arrived (unread +1) or an admin answered (unread reset); feeds the live inbox. */
  noteFanMessage(userId: number, at: Date): Promise<void>;
  noteAdminMessage(userId: number, at: Date): Promise<void>;
  /** The card was (re-)rendered now: the next render waits 10 minutes. */
  cardRendered(userId: number): Promise<void>;
  renamed(userId: number, name: string): Promise<void>;
  /** Takes the rename slot (renamed_at := now) unless a rename happened within `minIntervalMs`; atomic. */
  claimRename(userId: number, now: Date, minIntervalMs: number): Promise<boolean>;
  /** The most recently active conversations in the group, for the live inbox. */
  recent(
    groupId: number,
    limit: number,
  ): Promise<
    Array<
      FanTopic & { unread: number; lastFanMessageAt: Date | null; firstName: string; username: string | null }
    >
  >;
}

export interface InboxRepo {
  get(
    groupId: number,
  ): Promise<{ messageId: number | null; renderedAt: Date | null; lastText: string | null } | null>;
  rendered(groupId: number, text: string, messageId?: number): Promise<void>;
}

export interface AdminRepo {
  audit(entry: {
    actorId: number;
    userId: number | null;
    action: string;
    details?: Record<string, unknown>;
  }): Promise<void>;
  addNote(userId: number, authorId: number, text: string): Promise<void>;
  notes(userId: number, limit: number): Promise<Array<{ text: string; authorId: number; createdAt: Date }>>;
  /** Lifetime figures for the Info view. */
  stats(userId: number): Promise<{ messagesIn: number; messagesOut: number; payments: number }>;
  /** A payment-support message relayed free (`/paysupport`). */
  addSupportRequest(userId: number, messageId: number, at: Date): Promise<void>;
  /** The fan's payment-support messages since `since` (the daily cap). */
  supportRequestsSince(userId: number, since: Date): Promise<number>;
}

export interface MessageLink {
  id: number;
  userId: number;
  direction: 'in' | 'out';
  fanChatId: number;
  fanMessageId: number | null;
  groupChatId: number;
  groupThreadId: number | null;
  groupMessageId: number | null;
  adminId: number | null;
}

export interface LinksRepo {
  add(link: Omit<MessageLink, 'id'>): Promise<void>;
  byGroupMessage(groupChatId: number, groupMessageId: number): Promise<MessageLink | null>;
  byFanMessage(fanChatId: number, fanMessageId: number): Promise<MessageLink | null>;
  /** The fan's latest message relayed into the topic, for the read receipt. */
  latestInbound(userId: number): Promise<MessageLink | null>;
}

export type AlbumDirection = 'in' | 'out';

/** One item of an album being buffered: `in` a fan's (charged already), `out` an admin's. */
export interface AlbumItem {
  id: number;
  userId: number;
  direction: AlbumDirection;
  mediaGroupId: string;
  chatId: number;
  messageId: number;
  cost: number;
  createdAt: Date;
}

export interface AlbumsRepo {
  /** Buffers an item (arrival time `at`); false when this message is already buffered. */
  add(item: Omit<AlbumItem, 'id' | 'createdAt'>, at: Date): Promise<boolean>;
  /** The group's items not yet flushed, by message id, locked until the transaction ends. */
  pendingForUpdate(direction: AlbumDirection, mediaGroupId: string): Promise<AlbumItem[]>;
  markFlushed(ids: number[], at: Date): Promise<void>;
  /** Deletes items flushed before `before` (their links live in message_links). */
  pruneFlushed(before: Date): Promise<number>;
}

export interface ContentMedia {
  type: ContentMediaType;
  fileId: string;
  fileUniqueId: string | null;
}

/** A premium content item with its media in order. */
export interface ContentItem {
  id: number;
  title: string;
  priceCredits: number;
  priceStars: number;
  hidden: boolean;
  sort: number;
  /** Its `unlock` product (the Stars invoice path). */
  productId: number | null;
  media: ContentMedia[];
}

export type ContentUnlockMethod = 'credits' | 'paid_media' | 'invoice';

export interface ContentUnlock {
  userId: number;
  itemId: number;
  method: ContentUnlockMethod;
  credits: number;
  /** The `unlock` ledger entry's key, for a credits unlock. */
  ledgerKey: string | null;
  stars: number;
  paymentId: number | null;
  /** When the media last went out to the fan (null: never, e.g. paid media shows it in the post). */
  lastSentAt: Date | null;
  createdAt: Date;
}

export interface ContentRepo {
  /** Adds an item at the end of the order, with its media and its `unlock` product. */
  create(item: {
    title: string;
    priceCredits: number;
    priceStars: number;
    media: ContentMedia[];
    createdBy: number;
  }): Promise<ContentItem>;
  get(id: number): Promise<ContentItem | null>;
  /** Changes an item (and its product: title, Stars price, active = not hidden); false if unknown. */
  update(
    id: number,
    fields: Partial<Pick<ContentItem, 'title' | 'priceCredits' | 'priceStars' | 'hidden'>>,
  ): Promise<boolean>;
  /** Swaps the item with its neighbour in the order (locks every item); false at either end. */
  move(id: number, direction: 'up' | 'down'): Promise<boolean>;
  /** Every item in order (hidden ones too), for the admins' list. */
  listAll(offset: number, limit: number): Promise<ContentItem[]>;
  countAll(): Promise<number>;
  /** What a fan sees, in order: the items on sale and the hidden ones they own. */
  listForFan(
    userId: number,
    offset: number,
    limit: number,
  ): Promise<Array<ContentItem & { unlocked: boolean }>>;
  countForFan(userId: number): Promise<number>;
  /** 1-based place of the item in the order. */
  position(id: number): Promise<number>;
  unlockCounts(itemIds: number[]): Promise<Map<number, number>>;
  getUnlock(userId: number, itemId: number): Promise<ContentUnlock | null>;
  /** Records an unlock; false when the fan already owns the item (unique on fan and item). */
  addUnlock(u: Omit<ContentUnlock, 'createdAt'>): Promise<boolean>;
  /**
   * Takes the right to send an owned item again: true (and `last_sent_at` := now) unless it went out
   * less than `windowMs` ago. Atomic, so two taps at once send once.
   */
  claimSend(userId: number, itemId: number, now: Date, windowMs: number): Promise<boolean>;
  /** The fan now owns the item through a Stars payment (their credits were returned). */
  convertUnlock(
    userId: number,
    itemId: number,
    to: { method: ContentUnlockMethod; stars: number; paymentId: number | null },
  ): Promise<void>;
  /** Removes the unlock this payment made (a refund); false when the fan owns the item another way. */
  removeUnlockOfPayment(userId: number, itemId: number, paymentId: number): Promise<boolean>;
}

export type ContentDraftStep =
  'media' | 'title' | 'credits' | 'stars' | 'edit_title' | 'edit_credits' | 'edit_stars';

export interface ContentDraft {
  adminId: number;
  step: ContentDraftStep;
  itemId: number | null;
  media: Array<ContentMedia & { messageId: number }>;
  mediaGroupId: string | null;
  title: string | null;
  priceCredits: number | null;
  updatedAt: Date;
}

export interface ContentDraftsRepo {
  /** The admin's draft, locked until the transaction ends (album items race each other). */
  getForUpdate(adminId: number): Promise<ContentDraft | null>;
  get(adminId: number): Promise<ContentDraft | null>;
  /** Inserts or replaces the admin's draft. */
  save(draft: Omit<ContentDraft, 'updatedAt'>, at: Date): Promise<void>;
  /** True when there was one. */
  delete(adminId: number): Promise<boolean>;
}

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
}

export interface Payment {
  id: number;
  userId: number;
  productId: number;
  rail: 'stars' | 'stripe';
  amount: number;
  currency: string;
  status: 'pending' | 'paid' | 'failed' | 'refunded';
  kind: ProductKind;
  quantity: number;
  providerChargeId: string | null;
  /** How it started: a Stars `invoice`, a Stripe `checkout` page, or an off-session `auto_recharge`. */
  origin: 'invoice' | 'checkout' | 'auto_recharge';
  checkoutSessionId: string | null;
  /** The Checkout Session's page and when Stripe closes it (null until the session exists). */
  checkoutUrl: string | null;
  checkoutExpiresAt: Date | null;
  /** Minor units refunded so far (Stripe; cumulative). */
  refundedAmount: number;
}

export interface PaymentsRepo {
  create(
    p: Omit<
      Payment,
      | 'id'
      | 'status'
      | 'providerChargeId'
      | 'origin'
      | 'checkoutSessionId'
      | 'checkoutUrl'
      | 'checkoutExpiresAt'
      | 'refundedAmount'
    > &
      Partial<Pick<Payment, 'origin'>> & { triggerKey?: string },
  ): Promise<Payment>;
  /** The payment made for an off-session trigger, if any. */
  findByTrigger(triggerKey: string): Promise<Payment | null>;
  /** An auto-recharge payment of the user still waiting for its result, created in the last 30 minutes. */
  pendingAutoRecharge(userId: number): Promise<boolean>;
  /** Minor units of the user's auto-recharge payments (pending or paid) created since `since`. */
  autoRechargeTotalSince(userId: number, since: Date): Promise<number>;
  get(id: number): Promise<Payment | null>;
  /** Reads the payment under a row lock. Call inside `uow.run`. */
  getForUpdate(id: number): Promise<Payment | null>;
  findByProviderCharge(chargeId: string): Promise<Payment | null>;
  /**
   * pending → paid with the provider's charge id; false when it was not pending (a repeat). Stripe
   * payments may also go failed → paid: a declined card can be retried on the same Checkout page.
   */
  markPaid(id: number, chargeId: string, at: Date): Promise<boolean>;
  /** pending → failed; false otherwise. */
  markFailed(id: number, at: Date): Promise<boolean>;
  /**
   * The fan's newest pending Checkout payment for exactly these terms (product, price, what it grants),
   * created since `createdSince`, whose session is not made yet (another tap is making it) or stays
   * open past `openUntil`. Call under the fan's row lock so two taps cannot both miss it.
   */
  findOpenCheckout(a: {
    userId: number;
    productId: number;
    amount: number;
    currency: string;
    kind: ProductKind;
    quantity: number;
    createdSince: Date;
    openUntil: Date;
  }): Promise<Payment | null>;
  attachCheckout(id: number, session: { id: string; url: string; expiresAt: Date }): Promise<void>;
  /** Stripe refunds are cumulative: stores `refundedAmount`, and `refunded` once it is the whole amount. */
  setRefunded(id: number, refundedAmount: number, at: Date): Promise<void>;
  /** paid → refunded; false when it was not paid (already refunded, or never paid). */
  markRefunded(id: number, at: Date): Promise<boolean>;
  /** The user's latest payments that were paid, failed or refunded (not open invoices), newest first. */
  recent(userId: number, limit: number): Promise<Array<Payment & { productTitle: string; createdAt: Date }>>;
}

/** Telegram Stars refunds (`refundStarPayment`), called directly: the admin waits for the answer. */
export interface StarsRefunds {
  /**
   * `already_refunded`: Telegram says the charge was refunded before (a lost answer, or a refund made
   * elsewhere) — as good as done. `refused`: Telegram said no (`error` is its description). `unknown`: no
   * answer (network, 5xx, flood wait): whether it happened is unknown, so it is asked again later.
   */
  refund(
    userId: number,
    chargeId: string,
  ): Promise<{ ok: true } | { ok: false; kind: 'already_refunded' | 'refused' | 'unknown'; error: string }>;
}

/** A Stripe dispute on one of a fan's card payments (see db/schema/payments.ts `disputes`). */
export interface Dispute {
  id: string;
  userId: number;
  paymentId: number;
  /** `open` until Stripe closes it, then Stripe's final status (`won`, `lost`, `warning_closed`…). */
  status: string;
  openedAt: Date;
  closedAt: Date | null;
}

export interface DisputesRepo {
  /** Records a dispute as open; false when it is known already (a repeat, or it closed first). */
  open(d: { id: string; userId: number; paymentId: number }, at: Date): Promise<boolean>;
  /** Records how it closed (inserting it when its opening was never seen). */
  close(d: { id: string; userId: number; paymentId: number; status: string }, at: Date): Promise<void>;
  /** The fan's disputes, oldest first. */
  ofUser(userId: number): Promise<Dispute[]>;
}

export interface StripeEventsRepo {
  /** Takes the event for processing; false when it was processed already (or is being, elsewhere). */
  claim(eventId: string, type: string): Promise<boolean>;
  setOutcome(eventId: string, outcome: 'applied' | 'duplicate' | 'ignored'): Promise<void>;
  get(eventId: string): Promise<{ type: string; outcome: string } | null>;
  /** Forgets events processed before `cutoff` (long after Stripe stops retrying them). */
  pruneOlderThan(cutoff: Date): Promise<number>;
}

/**
 * Stripe, as the use cases need it. Every mutating call carries an idempotency key derived from our own
 * ids, so a retry (ours or the SDK's) never creates a second customer, session or refund.
 */
export interface CardGateway {
  /** Keyed on the fan: a lost answer retried returns the same customer. */
  createCustomer(a: { userId: number; name: string; username: string | null }): Promise<string>;
  createCheckout(a: {
    paymentId: number;
    userId: number;
    productId: number;
    customerId: string;
    title: string;
    description: string;
    amount: number;
    currency: string;
    stripePriceId: string | null;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ id: string; url: string; expiresAt: Date }>;
  createPortal(a: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** A Checkout Session in setup mode: the fan saves a card for off-session charges. */
  createSetupCheckout(a: {
    userId: number;
    customerId: string;
    currency: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ id: string; url: string }>;
  /**
   * Charges a saved card with the fan away (`off_session`, `confirm`), keyed on our payment id. The grant
   * still comes from the webhook; this only says whether the bank accepted.
   */
  chargeOffSession(a: {
    paymentId: number;
    userId: number;
    productId: number;
    customerId: string;
    paymentMethodId: string;
    amount: number;
    currency: string;
    description: string;
  }): Promise<
    | { status: 'accepted'; paymentIntentId: string }
    | { status: 'authentication_required'; paymentIntentId: string | null }
    | { status: 'declined'; code: string | null; message: string | null; paymentIntentId: string | null }
  >;
  /** A full refund of the PaymentIntent, keyed on our payment id. */
  refund(a: { paymentId: number; paymentIntentId: string }): Promise<{ id: string; status: string }>;
  /**
   * Removes a saved card from its customer for good (it can never be charged again). Keyed on the card;
   * a card that is no longer attached (detached already, or gone) answers `not_attached`: done too.
   */
  detachPaymentMethod(a: { paymentMethodId: string }): Promise<{ status: 'detached' | 'not_attached' }>;
}

/** Repositories bound to one database handle (the pool, or an open transaction). */
export interface Repos {
  users: UsersRepo;
  settings: SettingsRepo;
  products: ProductsRepo;
  updates: UpdatesRepo;
  paymentInbox: PaymentInboxRepo;
  once: OnceRepo;
  rateLimits: RateLimitsRepo;
  pendingGroups: PendingGroupsRepo;
  ledger: LedgerRepo;
  payments: PaymentsRepo;
  outbox: OutboxRepo;
  topics: TopicsRepo;
  links: LinksRepo;
  inbox: InboxRepo;
  admin: AdminRepo;
  albums: AlbumsRepo;
  stripeEvents: StripeEventsRepo;
  disputes: DisputesRepo;
  content: ContentRepo;
  contentDrafts: ContentDraftsRepo;
  /** Jobs enqueued through this handle commit with the transaction (only on handles from `uow`). */
  jobs: JobsPort;
}

export interface UnitOfWork {
  /** Runs `fn` in one transaction: every write and every job enqueued in it commit together. */
  run<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Repositories outside any transaction, for reads and single-statement writes. */
  readonly repos: Repos;
}

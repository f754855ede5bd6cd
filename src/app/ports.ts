/** What the use cases need from the outside world. Implemented in db/repos and jobs/. */

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
  setPassUntil(id: number, until: Date | null): Promise<void>;
  setBanned(id: number, banned: boolean): Promise<void>;
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
  pruneOlderThan(cutoff: Date): Promise<number>;
}

export interface OnceRepo {
  /** True for exactly one caller per key, across processes. */
  claim(key: string): Promise<boolean>;
  /** Drops marks with this key prefix created before `cutoff` (expired throttle windows). */
  pruneOlderThan(prefix: string, cutoff: Date): Promise<number>;
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

export interface LedgerRepo {
  /**
   * Appends one entry and moves the user's balance in the same transaction, under a row lock on the
   * user (concurrent debits serialise; the balance never goes below zero). Call inside `uow.run`.
   */
  apply(entry: NewLedgerEntry): Promise<LedgerApplyResult>;
  findByKey(idempotencyKey: string): Promise<LedgerEntry | null>;
  /** The most recent top-up (purchase, auto-recharge, gift or bonus), the balance bar's 100 % mark. */
  lastTopUp(userId: number): Promise<number | null>;
  /** Lifetime figures for the info card: credits spent (positive number) and credits bought. */
  totals(userId: number): Promise<{ spent: number; purchased: number }>;
  /** One page of the user's entries, newest first (the fan's `/history`). */
  page(userId: number, offset: number, limit: number): Promise<LedgerEntry[]>;
  /** How many entries the user has. */
  count(userId: number): Promise<number>;
  /** Net credits per reason over the user's whole history (reasons without entries are absent). */
  sumsByReason(userId: number): Promise<Partial<Record<LedgerReason, number>>>;
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
      keyboard?: Array<Array<{ text: string; callback_data: string }>>;
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
}

export interface OutboxRepo {
  /** Adds items (a repeat idempotency key is ignored). Call inside the transaction that decided them. */
  enqueue(items: NewOutboxItem[]): Promise<void>;
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

/** Durable delayed work (pg-boss). */
export interface JobsPort {
  /** Checks the album after `delayMs`; while one check is waiting for this album, another is a no-op. */
  flushAlbumLater(job: { mediaGroupId: string; direction: AlbumDirection }, delayMs: number): Promise<void>;
  /** Schedules the notices of a pass ending at `until` (those whose time has not passed yet). */
  schedulePassNotices(userId: number, until: Date, now: Date): Promise<void>;
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
}

export interface PaymentsRepo {
  create(p: Omit<Payment, 'id' | 'status' | 'providerChargeId'>): Promise<Payment>;
  get(id: number): Promise<Payment | null>;
  /** pending → paid with the provider's charge id; false when it was not pending (a repeat). */
  markPaid(id: number, chargeId: string, at: Date): Promise<boolean>;
  /** paid → refunded; false when it was not paid (already refunded, or never paid). */
  markRefunded(id: number, at: Date): Promise<boolean>;
  /** The user's latest payments that were paid, failed or refunded (not open invoices), newest first. */
  recent(userId: number, limit: number): Promise<Array<Payment & { productTitle: string; createdAt: Date }>>;
}

/** Telegram Stars refunds (`refundStarPayment`), called directly: the admin waits for the answer. */
export interface StarsRefunds {
  /** Resolves when Telegram refunded; otherwise `error` is Telegram's description (or the network's). */
  refund(userId: number, chargeId: string): Promise<{ ok: true } | { ok: false; error: string }>;
}

/** Repositories bound to one database handle (the pool, or an open transaction). */
export interface Repos {
  users: UsersRepo;
  settings: SettingsRepo;
  products: ProductsRepo;
  updates: UpdatesRepo;
  once: OnceRepo;
  ledger: LedgerRepo;
  payments: PaymentsRepo;
  outbox: OutboxRepo;
  topics: TopicsRepo;
  links: LinksRepo;
  inbox: InboxRepo;
  admin: AdminRepo;
  albums: AlbumsRepo;
  /** Jobs enqueued through this handle commit with the transaction (only on handles from `uow`). */
  jobs: JobsPort;
}

export interface UnitOfWork {
  /** Runs `fn` in one transaction: every write and every job enqueued in it commit together. */
  run<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Repositories outside any transaction, for reads and single-statement writes. */
  readonly repos: Repos;
}

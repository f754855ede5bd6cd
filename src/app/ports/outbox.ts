/** The outbox: every send that may wait, decided in a transaction and sent by the outbox worker. */

import type { User } from './accounts.ts';
import type { FanTopic } from './relay.ts';
import type { Locale, TextRef } from './texts.ts';

/** An inline button as the outbox stores and sends it (plain JSON). */
export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

/** A notice's button: its label a catalogue text, rendered in the reader's language at send time. */
export type NoticeButton =
  { text: string | TextRef; callback_data: string } | { text: string | TextRef; url: string };

/** What the outbox can send. Payloads are JSON; everything else is read at send time. */
export type OutboxPayload =
  /** A fan's paid message into their topic (creating the topic first if needed; its card follows). */
  | {
      kind: 'relay.in';
      userId: number;
      fromChatId: number;
      messageId: number;
      cost: number;
      mode: 'copy' | 'forward';
      /**
       * The message of the fan's chat this one replies to: in the topic it replies to that message's
       * counterpart (an admin's original, or the fan's own relayed message), when there is one.
       */
      replyTo?: number;
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
  /**
   * Any text: receipts, notices, failure notes. `text` is rendered at send time in the reader's language
   * (the fan's own, the group language in the admin group); `html` is a text made before languages.
   */
  | {
      kind: 'notice';
      chatId: number;
      text?: TextRef;
      html?: string;
      threadId?: number | null;
      /** Into the fan's current topic (resolved at send time). */
      toTopicOf?: number;
      replyTo?: number | null;
      keyboard?: NoticeButton[][];
      userId?: number;
      /** A receipt's facts, so a later receipt to the fan can merge into it while it waits. */
      receipt?: ReceiptFacts;
    }
  /**
   * A campaign (app/campaigns): one fan's send (`send`, class 5, its content read from the campaign at
   * send time; `units` is what it costs: an album's items), or the sender's live progress message
   * (`progress`: sent, then edited) and the final report (`report`), rendered from the counters at send time.
   */
  | { kind: 'campaign'; op: 'send'; campaignId: number; userId: number; units: number }
  | { kind: 'campaign'; op: 'progress' | 'report'; campaignId: number }
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
      /**
       * Parameters rendered at send time in the chat's language, by path: `caption`, or an album's
       * `media.0.caption`.
       */
      texts?: Record<string, TextRef>;
      /** `reply_markup`'s inline keyboard, its labels rendered at send time like a notice's. */
      keyboard?: NoticeButton[][];
      /**
       * An edit note (`sendMessage`): its text is `label` ("✏️ edited:", rendered at send time in the
       * reader's language) over `body` with its entities (see app/relay/edits.ts#noteText).
       */
      note?: { label: TextRef; body: string | TextRef; entities: MessageEntityJson[] };
    };

/** What a receipt says (app/relay/receipt.ts): the fan messages it covers, their total cost, the balance. */
export interface ReceiptFacts {
  messageIds: number[];
  cost: number;
  /** Every message it covers went free (a time pass). */
  free: boolean;
  /** The message waits for its turn (many new conversations at once): it arrives in a few minutes. */
  queued?: boolean;
  balance: number;
  lastTopUp: number | null;
  low: boolean;
  threshold: number;
  passLeftMs: number;
  /** The creator's "usually answers within …" in the fan's language (`response_time_text`), if any. */
  responseTime?: string;
}

/** A message entity as Telegram sends it (plain JSON). */
export interface MessageEntityJson {
  type: string;
  offset: number;
  length: number;
  [field: string]: unknown;
}

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
  /**
   * Priority class, 1 first (app/outbox/policy.ts `OUTBOX_CLASS`); by default from the payload's kind.
   * A payment confirmation says `OUTBOX_CLASS.reply` so it overtakes the fan's receipts.
   */
  priority?: number;
}

export interface OutboxRepo {
  /**
   * Adds items (a repeat idempotency key, or a second pending item of a coalesce key, is skipped) and
   * returns the idempotency keys it added. Call inside the transaction that decided them. A receipt (an
   * item with `payload.receipt` and a coalesce key: app/relay/receipt.ts#receiptItem) merges into the
   * receipt of its key still pending instead, in the same statement: the pending one takes the newer's
   * payload with both's messages, their total cost and `free` only when both were; unless it covers one
   * of the newer's messages already or the newer's key exists (a redelivery: nothing changes). When the
   * pending one went back to waiting (a 429) just as the receipt was written, the merge looks again.
   */
  enqueue(items: NewOutboxItem[]): Promise<string[]>;
  /**
   * Replaces the payload of the still-pending item with this coalesce key (the newer edit wins), and
   * makes it due at `notBefore` if given; false when none is pending (none queued, or it is being sent or
   * was sent: then a new item is needed).
   */
  coalesce(coalesceKey: string, payload: OutboxPayload, opts?: { notBefore?: Date }): Promise<boolean>;
  /** How many items were ever queued under this coalesce key (kept while sent items are kept: a week). */
  countCoalesced(coalesceKey: string): Promise<number>;
  /** The worker's outcomes: sent (or done: "not modified"), waiting again, or given up. */
  complete(id: number, now: Date): Promise<void>;
  /**
   * Back to waiting until `notBefore`. When a newer item of its coalesce key was queued meanwhile, it is
   * done instead (the newer one supersedes it), unless it is a receipt: that waits again without its key.
   */
  reschedule(id: number, notBefore: Date, opts: { countAttempt: boolean; error?: string }): Promise<void>;
  kill(id: number, error: string, now: Date): Promise<void>;
  /** Deletes sent (or given-up) items finished before `before`. */
  pruneFinished(before: Date): Promise<number>;
}

/** A flood budget: at most `limit` sends per sliding `windowMs`. */
export interface Budget {
  limit: number;
  windowMs: number;
}

export interface FloodBudgets {
  private: Budget;
  group: Budget;
  global: Budget;
  /**
   * New forum topics per admin group (each costs the topic on top of the message, and its card and pin
   * later): a burst of new accounts waits here instead of spending the group budget existing
   * conversations need.
   */
  topics?: Budget;
  /**
   * Units of the global budget bulk sends (class 5) leave free in every window, so live traffic that
   * arrives between claims finds room at once (default `BULK_HEADROOM`).
   */
  bulkHeadroom?: number;
}

export interface ClaimedItem {
  id: number;
  lane: string;
  chatId: number;
  payload: OutboxPayload;
  attempts: number;
  /** Flood budget units reserved for this send (a first relay also pays for its topic). */
  cost: number;
  /** When the units were booked (the claim's time): a send that posted nothing gives them back. */
  bookedAt: number;
  /** It booked one of the group's new-topic slots (see FloodBudgets.topics). */
  topicSlot: boolean;
  /** Its units count in the never-paid share of the group's window (see UNPAID_SHARE). */
  shareSlot: boolean;
  /**
   * A receipt, a notice or a render (its class as the claim read it): its finish's wake may wait for the
   * grid's next step (RELAXED_WAKE_MS).
   */
  relaxed?: boolean;
  /**
   * A fan's relay: their topic as the claim read it, when it has a thread (the sender needs no read of its
   * own). A topic moved to another group meanwhile (a removed group) shows when the send fails: the item
   * is sent again, not given up on (jobs/outbox/failures.ts). `cardOwed`: no card pinned yet.
   */
  topic?: { groupId: number; threadId: number; cardOwed: boolean };
  /**
   * A send into a person's private chat: that person as the claim read them (whether they blocked the
   * bot, their language), so the sender needs no read of its own; absent when they have no row.
   */
  recipient?: Recipient;
}

/** What the sender needs to know of the person whose private chat a send goes to. */
export type Recipient = Pick<User, 'id' | 'blockedBot' | 'locale' | 'languageCode'>;

export interface ClaimResult {
  items: ClaimedItem[];
  /**
   * When something that is waiting (a budget, a 429, a backoff, a lease) may become sendable; null =
   * nothing waits.
   */
  wakeAt: Date | null;
  /**
   * Where no budgeted send can go before a time, as this claim left the budgets (epoch ms): chats (their
   * own budget or a 429) and `all` (the bot's global budget). `complete`: the claim looked at every head
   * that was due (it did not stop at its limit), so a freed send slot finds nothing it did not see. The
   * sender uses it to tell which wakes can wait for `wakeAt` (app/outbox/wake.ts).
   */
  held: ClaimHeld;
}

export interface ClaimHeld {
  chats: ReadonlyMap<number, number>;
  all: number;
  complete: boolean;
}

/**
 * What a committed transaction queued, as it wakes the sender (app/outbox/wake.ts): an item, or a pending
 * item (its lane not known here) made due at `dueAt`.
 */
export type QueuedSend =
  | {
      lane: string;
      chatId: number;
      /** It spends a flood budget when sent (a reaction does not). */
      budgeted: boolean;
      /** Not due before this (epoch ms; a throttled render); absent: now. */
      dueAt?: number;
      /** It may wait `RELAXED_WAKE_MS` past the moment its chat frees (a receipt, a notice, a render). */
      relaxed?: boolean;
    }
  | { dueAt: number };

/** The answer to `takeChat`. */
export type ChatLease = { taken: true } | { taken: false; blockedUntil: number; sendingUntil: number };

/**
 * The outbox worker's side: claim what may be sent now within the flood budgets (lanes by turn, see
 * docs/ARCHITECTURE.md "The ordering rule"), and the budgets' shared state (replicas and direct answers).
 */
export interface OutboxDispatch {
  claim(opts: {
    limit: number;
    now: Date;
    leaseMs: number;
    budgets: FloodBudgets;
    excludeLanes: Iterable<string>;
  }): Promise<ClaimResult>;
  /**
   * A send Telegram refused posted nothing: its booked units (and topic slot, and never-paid share) go
   * back to the budgets.
   */
  release(
    chatId: number,
    bookedAt: number,
    count: number,
    topicSlot: boolean,
    shareSlot?: boolean,
  ): Promise<void>;
  /** A 429 for this chat: nothing is sent to it before `until` (retry_after, exactly). */
  blockChat(chatId: number, until: Date): Promise<void>;
  /** A send made outside the outbox (a direct answer) still spends the chat's and the bot's budget. */
  recordSend(chatId: number, at: Date): Promise<void>;
  /**
   * Takes the chat's send lease until `until` (shared by replicas) unless a 429 holds the chat or another
   * replica's lease runs: then says until when (epoch ms, 0 = not that reason).
   */
  takeChat(chatId: number, now: Date, until: Date): Promise<ChatLease>;
  /** Gives back the lease taken with `until` (a no-op once another replica took it over). */
  releaseChat(chatId: number, until: Date): Promise<void>;
  pendingCount(): Promise<number>;
}

/** One row of the live inbox (a fan's conversation in the group). */
export type InboxRow = FanTopic & {
  unread: number;
  lastFanMessageAt: Date | null;
  firstName: string;
  username: string | null;
};

/**
 * How the outbox worker words what it renders at send time: topic names, the info card, the live inbox,
 * the payment-support mark. Wired by the composition root from the bot's texts and keyboards.
 */
export interface OutboxViews {
  topicName(user: Pick<User, 'id' | 'firstName' | 'lastName' | 'username'>): string;
  /** What the group reads is in `locale`, the group language (see `localeFor`). */
  infoCard(
    v: {
      user: User;
      spent: number;
      passLeftMs: number;
      previous: { groupId: number; threadId: number } | null;
      /** Who the conversation is assigned to (Conversations); absent or null: nobody. */
      assignee?: { id: number; name: string | null } | null;
    },
    locale: Locale,
  ): { html: string; keyboard: InlineButton[][] };
  inbox(groupId: number, rows: InboxRow[], now: Date, locale: Locale): string;
  supportNote(text: string, locale: Locale): string;
  supportCaption(caption: string, locale: Locale): string;
  /**
   * The language of a chat: the person's own (a private chat), the group language (the admin group).
   * `known`: the person's row when the caller read it already (used if it is this chat's).
   */
  localeFor(chatId: number, known?: Pick<User, 'id' | 'locale' | 'languageCode'> | null): Promise<Locale>;
  /** A catalogue text in a language. */
  render(text: TextRef, locale: Locale): string;
}

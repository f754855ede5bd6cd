import { passRemaining } from '../../domain/entitlement/index.ts';
import { isLowBalance } from '../../domain/ledger/index.ts';
import { discountFor, quoteMessage, type PricedType } from '../../domain/pricing/index.ts';
import { promotionNotice } from '../accounts/promotion.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { bufferAlbumItem } from './albums.ts';
import { placeFan } from './placement.ts';
import type { AdminGroupList } from '../admin/groups.ts';
import { receiptItem } from './receipt.ts';
import { cardRenderItem, inboxRenderItem, scheduleInboxRender, type RenderTimings } from './refresh.ts';
import type {
  AppliedEntry,
  FanTopic,
  LoggedMessage,
  NewLedgerEntry,
  NewOutboxItem,
  NotedTopic,
  Repos,
  SeenAccount,
  UnitOfWork,
  User,
} from '../ports/index.ts';
import { afterDebit } from '../billing/auto-recharge.ts';
import { resolveSettings, type Settings } from '../system/settings.ts';
import { responseTimeFor } from './receipt.ts';
import { lanes } from '../outbox/lanes.ts';

export interface RelayDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** The admin groups now, configured first (each fan is placed in one: app/relay/placement.ts). */
  adminGroups: AdminGroupList;
  renderTimings?: RenderTimings;
  /** The quiet time that closes an album (see app/albums.ts). */
  albumWindowMs?: number;
}

export interface FanMessage {
  userId: number;
  chatId: number;
  messageId: number;
  /** text, photo, voice… (anything else is refused with the price list). */
  type: string;
  /** Set on an album's items: charged one by one, relayed together (app/albums.ts). */
  mediaGroupId?: string | undefined;
  /** Its text or caption, kept for the control center's search (`search_retention_days`). */
  text?: string | null | undefined;
  /** The message of their own chat it replies to (an admin's answer, or their own): threaded in the topic. */
  replyToMessageId?: number | undefined;
  /**
   * The fan's row as their update read it, with its version: while the row is unchanged the charge
   * starts from it (`ledger.applyAsRead`: one statement instead of the lock's and the charge's).
   */
  seen?: SeenAccount | undefined;
}

export type AcceptFanMessageResult =
  | { ok: true; duplicate: false; cost: number; free: boolean; balance: number }
  | { ok: true; duplicate: true }
  | { ok: false; code: 'not_open' }
  /** The creator paused the line (`line_paused`): nothing is taken or charged. */
  | { ok: false; code: 'paused' }
  | { ok: false; code: 'banned' }
  | { ok: false; code: 'unsupported_type'; allowed: PricedType[] }
  | { ok: false; code: 'insufficient_credits'; cost: number; balance: number };

/** A fan's message priced from the settings and the row its update read, ready for its transaction. */
export interface PreparedFanMessage {
  msg: FanMessage;
  settings: Settings;
  quoteFor: (user: User) => ReturnType<typeof quoteMessage>;
  /** The charge's idempotency key: the message in its chat (a redelivery is charged once). */
  chargeKey: string;
  entryFor: (user: User, quote: { cost: number; free: boolean }) => NewLedgerEntry;
  logged: LoggedMessage;
  /** The row as the update read it, and what it quotes: set when that quote takes the message. */
  asRead?: { seen: SeenAccount; quote: { cost: number; free: boolean } };
}

/** A fan's message charged: the row it was charged from, its quote and its entry. */
export interface ChargedFanMessage {
  user: User;
  quote: { cost: number; free: boolean };
  charge: AppliedEntry;
}

/** Runs fans' messages charged from their rows as read several to a transaction (app/relay/batch.ts). */
export interface FanMessageBatcher {
  accept(
    p: PreparedFanMessage & Required<Pick<PreparedFanMessage, 'asRead'>>,
  ): Promise<AcceptFanMessageResult>;
}

/**
 * A fan's message: priced, and if accepted charged, linked to the fan's topic and put in the outbox
 * with its receipt — all in ONE transaction, keyed on (chat id, message id) so a redelivered update
 * is charged once. Refusals change nothing. With a batcher, the common case (a known fan's message the
 * row as read takes, not an album's item) may share its transaction with other fans' (app/relay/batch.ts).
 */
export async function acceptFanMessage(
  deps: RelayDeps,
  msg: FanMessage,
  batcher?: FanMessageBatcher,
): Promise<AcceptFanMessageResult> {
  const p = await prepareFanMessage(deps, msg);
  if (!('msg' in p)) return p;
  if (batcher && p.asRead && msg.mediaGroupId === undefined)
    return batcher.accept({ ...p, asRead: p.asRead });
  return acceptAlone(deps, p);
}

async function prepareFanMessage(
  deps: RelayDeps,
  msg: FanMessage,
): Promise<PreparedFanMessage | AcceptFanMessageResult> {
  if ((await deps.adminGroups()).length === 0) return { ok: false, code: 'not_open' };
  // From the process's cache: a paused line costs no transaction.
  const settings = resolveSettings(await deps.uow.repos.settings.all());
  if (settings.line_paused) return { ok: false, code: 'paused' };
  const chargeKey = `msg:${msg.chatId}:${msg.messageId}`;
  const quoteFor = (user: User) =>
    quoteMessage(
      {
        type: msg.type,
        costs: settings.message_costs,
        timePassUntil: user.timePassUntil,
        banned: user.isBanned,
        balance: user.creditBalance,
        discount: discountFor(user.tier, settings.tier_discounts),
      },
      deps.clock,
    );
  const entryFor = (user: User, quote: { cost: number; free: boolean }): NewLedgerEntry => ({
    userId: user.id,
    delta: -quote.cost,
    reason: 'spend',
    idempotencyKey: chargeKey,
    actor: `user:${user.id}`,
    metadata: { type: msg.type, messageId: msg.messageId, ...(quote.free ? { timePass: true } : {}) },
    // A promotion is written with the balance; the card (which shows the tier) is rendered below anyway.
    tiers: settings.tier_thresholds,
    // The receipt's balance bar needs it: read under the same lock, not by a statement of its own.
    withLastTopUp: true,
  });
  const seen = msg.seen?.user.id === msg.userId ? msg.seen : undefined;
  const logged: LoggedMessage = {
    type: msg.type,
    messageId: msg.messageId,
    text: searchable(settings, msg.text),
  };
  const quote = seen && quoteFor(seen.user);
  return {
    msg,
    settings,
    quoteFor,
    chargeKey,
    entryFor,
    logged,
    ...(seen && quote?.ok ? { asRead: { seen, quote } } : {}),
  };
}

/** A fan's message in a transaction of its own. */
export async function acceptAlone(deps: RelayDeps, p: PreparedFanMessage): Promise<AcceptFanMessageResult> {
  const { msg, quoteFor, entryFor, logged, asRead } = p;
  return deps.uow.run(async (r): Promise<AcceptFanMessageResult> => {
    let charged: ChargedFanMessage | null = null;
    /** The message noted on the fan's topic by the charge's own statement (as read). */
    let noted: { at: Date; read: NotedTopic | null } | undefined;
    // The row as the update read it, if unchanged since: locked, charged and the message noted on the
    // fan's topic, in one statement.
    if (asRead) {
      const at = deps.clock.now();
      const charge = await r.ledger.applyAsRead(entryFor(asRead.seen.user, asRead.quote), asRead.seen, {
        at,
        logged,
      });
      if (charge) {
        charged = { user: asRead.seen.user, quote: asRead.quote, charge };
        noted = { at, read: charge.noted ?? null };
      }
    }
    if (!charged) {
      // The fan's row locked for the charge, with what the charge reads under the lock (one statement).
      const account = await r.ledger.lockAccount(msg.userId, p.chargeKey);
      if (!account) throw new Error(`unknown user ${msg.userId}`);
      // Charged already (a redelivery that raced its original): nothing more, whatever the balance says now.
      if (account.existing) return { ok: true, duplicate: true };
      const quote = quoteFor(account.user);
      if (!quote.ok) return quote;
      const charge = await r.ledger.apply(entryFor(account.user, quote), account);
      if (charge.status === 'duplicate') return { ok: true, duplicate: true };
      if (charge.status === 'insufficient') {
        return { ok: false, code: 'insufficient_credits', cost: charge.needed, balance: charge.balance };
      }
      charged = { user: account.user, quote, charge };
    }
    const { result, items } = await afterCharge(r, deps, p, charged, noted);
    // A receipt still pending to the fan takes this one in instead (receiptItem).
    await r.outbox.enqueue(items);
    return result;
  });
}

/**
 * What follows a fan's charge in its transaction: auto-recharge and promotion, the topic (placed,
 * reopened, noted unless the charge noted it), and the items to queue (the relay, the card's and the
 * inbox's renders, the receipt), answered for the caller to queue with others'. An album's item is
 * buffered instead of relayed (its renders are queued here).
 */
export async function afterCharge(
  r: Repos,
  deps: RelayDeps,
  p: PreparedFanMessage,
  charged: ChargedFanMessage,
  noted: { at: Date; read: NotedTopic | null } | undefined,
): Promise<{ result: AcceptFanMessageResult; items: NewOutboxItem[] }> {
  const { msg, settings, logged } = p;
  const { user, quote, charge } = charged;
  const balance = charge.entry.balanceAfter;
  const result: AcceptFanMessageResult = {
    ok: true,
    duplicate: false,
    cost: quote.cost,
    free: quote.free,
    balance,
  };
  await afterDebit(r, user, { before: user.creditBalance, after: balance, entryId: charge.entry.id });
  const items: NewOutboxItem[] = [];
  if (charge.promoted) items.push(...promotionNotice(user.id, charge.promoted, settings.tier_discounts));

  // The card's and the live inbox's renders join this message's items (one insert for all).
  const inbox: NewOutboxItem[] = [];
  const key = `${msg.chatId}:${msg.messageId}`;
  const { reserved, groupId, topic, waitingForTopic } = await prepareTopic(
    r,
    deps,
    user,
    key,
    inbox,
    logged,
    noted,
  );
  if (msg.mediaGroupId !== undefined) {
    await r.outbox.enqueue([...items, ...inbox]);
    // Relayed with the rest of its album, with one receipt for all of it.
    await bufferAlbumItem(r, deps, {
      direction: 'in',
      userId: user.id,
      mediaGroupId: msg.mediaGroupId,
      chatId: msg.chatId,
      messageId: msg.messageId,
      cost: quote.cost,
    });
    return { result, items: [] };
  }
  items.push(
    {
      lane: lanes.topic(user.id),
      chatId: groupId,
      sortKey: msg.messageId,
      idempotencyKey: `relay.in:${msg.chatId}:${msg.messageId}`,
      payload: {
        kind: 'relay.in',
        userId: user.id,
        fromChatId: msg.chatId,
        messageId: msg.messageId,
        cost: quote.cost,
        mode: settings.relay_mode,
        ...(msg.replyToMessageId !== undefined ? { replyTo: msg.replyToMessageId } : {}),
      },
    },
    ...inbox,
  );
  const low = isLowBalance(balance, settings.low_credit_threshold);
  // A new fan behind more topic creations than the group gets a minute: their message waits its turn.
  const queued =
    (reserved || topic?.threadId === null) &&
    (waitingForTopic ?? (await r.topics.waitingForTopic(groupId))) > settings.topic_creations_per_minute;
  const wantReceipt =
    settings.receipt_mode === 'every' || (settings.receipt_mode === 'low' && low && !quote.free);
  if (wantReceipt) {
    // A fan writes in their private chat: its id is theirs.
    items.push(
      receiptItem(user.id, msg.chatId, [msg.messageId], msg.messageId, {
        cost: quote.cost,
        free: quote.free,
        queued,
        balance,
        lastTopUp: charge.lastTopUp !== undefined ? charge.lastTopUp : await r.ledger.lastTopUp(user.id),
        low,
        threshold: settings.low_credit_threshold,
        passLeftMs: passRemaining(user.timePassUntil, deps.clock),
        ...responseTimeFor(settings, user),
      }),
    );
  }
  return { result, items };
}

/**
 * The fan's topic before their message is queued for it: reserved (created at send time) in the fan's
 * admin group (chosen on the first message, app/relay/placement.ts) or, when an admin closed it, reopened
 * first; the unread count, the card and the live inbox follow the message. Needs the fan's row locked.
 */
export async function prepareTopic(
  r: Repos,
  deps: Pick<RelayDeps, 'clock' | 'renderTimings' | 'adminGroups'>,
  user: User,
  key: string,
  /** Given: the card's and the live inbox's renders are added here, for the caller to queue with its own items. */
  inboxWith?: NewOutboxItem[],
  /** The message as the message log keeps it (analytics by type, search), written with the topic's update. */
  logged?: LoggedMessage,
  /** Noted already, at `at` (the charge's statement did it): the topic row as noting answered it. */
  notedBy?: { at: Date; read: NotedTopic | null },
): Promise<{ reserved: boolean; groupId: number; topic: FanTopic | null; waitingForTopic: number | null }> {
  const now = notedBy?.at ?? deps.clock.now();
  const placement = await placeFan(r, await deps.adminGroups(r), user, {
    at: now,
    logged,
    ...(notedBy ? { read: notedBy.read } : {}),
  });
  const { reserved, groupId, topic, noted, waitingForTopic } = placement;
  if (!reserved) {
    // A closed conversation reopens when the fan writes again (before their message lands).
    if (topic?.status === 'closed' && topic.threadId !== null) {
      await r.topics.setStatus(user.id, 'open');
      await r.outbox.enqueue([
        {
          lane: lanes.topic(user.id),
          chatId: groupId,
          sortKey: 0,
          idempotencyKey: `topic-reopen:${key}`,
          payload: {
            kind: 'call',
            method: 'reopenForumTopic',
            params: { chat_id: groupId, message_thread_id: topic.threadId },
            okErrors: ['TOPIC_NOT_MODIFIED', 'not modified'],
          },
        },
      ]);
    }
  }
  if (!noted) await r.topics.noteFanMessage(user.id, now, logged);
  // The card from the row placeFan read (still current for the card's fields: noteFanMessage changes
  // only counts), and the live inbox: queued with the caller's items when it asks, else here.
  const card = cardRenderItem(reserved ? null : topic, now, deps.renderTimings);
  const renders = [...(card ? [card] : []), inboxRenderItem(groupId, now, deps.renderTimings)];
  if (inboxWith) inboxWith.push(...renders);
  else await r.outbox.enqueue(renders);
  return { reserved, groupId, topic, waitingForTopic };
}

export interface AdminMessage {
  groupId: number;
  threadId: number;
  messageId: number;
  adminId: number;
  replyToMessageId: number | null;
  /** Set on an album's items: they reach the fan together (app/albums.ts). */
  mediaGroupId?: string | undefined;
  /** text, photo, voice… (for analytics; `other` when unknown). */
  type?: string | undefined;
  /** Its text or caption, kept for the control center's search (`search_retention_days`). */
  text?: string | null | undefined;
}

export type AcceptAdminMessageResult = { ok: true; userId: number } | { ok: false; code: 'not_a_fan_topic' };

/** An admin's message in a fan's topic goes to the fan, as a reply where it answers a relayed message. */
export async function acceptAdminMessage(
  deps: RelayDeps,
  msg: AdminMessage,
): Promise<AcceptAdminMessageResult> {
  const settings = resolveSettings(await deps.uow.repos.settings.all());
  const logged: LoggedMessage = {
    type: msg.type ?? 'other',
    messageId: msg.messageId,
    text: searchable(settings, msg.text),
    groupId: msg.groupId,
    threadId: msg.threadId,
  };
  const result = await deps.uow.run(async (r): Promise<AcceptAdminMessageResult> => {
    const topic = await r.topics.findByThread(msg.groupId, msg.threadId);
    if (!topic) return { ok: false, code: 'not_a_fan_topic' };
    if (msg.mediaGroupId !== undefined) {
      await bufferAlbumItem(r, deps, {
        direction: 'out',
        userId: topic.userId,
        mediaGroupId: msg.mediaGroupId,
        chatId: msg.groupId,
        messageId: msg.messageId,
        cost: 0,
      });
      await r.topics.noteAdminMessage(topic.userId, deps.clock.now(), msg.adminId, logged);
      await scheduleInboxRender(r, msg.groupId, deps.clock.now(), deps.renderTimings);
      return { ok: true, userId: topic.userId };
    }
    const replied = msg.replyToMessageId
      ? await r.links.byGroupMessage(msg.groupId, msg.replyToMessageId)
      : null;
    const replyToFan = replied?.userId === topic.userId ? replied.fanMessageId : null;
    const answers =
      replied?.direction === 'in' && replied.userId === topic.userId
        ? replied.fanMessageId
        : ((await r.links.latestInbound(topic.userId))?.fanMessageId ?? null);
    await r.outbox.enqueue([
      {
        lane: lanes.fan(topic.userId),
        chatId: topic.userId,
        sortKey: 0,
        idempotencyKey: `relay.out:${msg.groupId}:${msg.messageId}`,
        payload: {
          kind: 'relay.out',
          userId: topic.userId,
          groupId: msg.groupId,
          messageId: msg.messageId,
          replyToFanMessageId: replyToFan,
          answersFanMessageId: answers,
        },
      },
    ]);
    await r.topics.noteAdminMessage(topic.userId, deps.clock.now(), msg.adminId, logged);
    await scheduleInboxRender(r, msg.groupId, deps.clock.now(), deps.renderTimings);
    return { ok: true, userId: topic.userId };
  });
  return result;
}

/** The text the message log keeps for search: none when there is none, or when retention is 0 days. */
function searchable(settings: Settings, text: string | null | undefined): string | null {
  if (settings.search_retention_days === 0 || !text) return null;
  return text;
}

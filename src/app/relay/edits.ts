import { createHash } from 'node:crypto';
import type { Clock } from '../../domain/shared/index.ts';
import type { NewOutboxItem, Repos, UnitOfWork } from '../ports/index.ts';
import { resolveSettings } from '../system/settings.ts';
import { discountFor, quoteMessage } from '../../domain/pricing/index.ts';
import { promotionNotice } from '../accounts/promotion.ts';
import { afterDebit } from '../billing/auto-recharge.ts';
import { lanes } from '../outbox/lanes.ts';
import { text } from '../texts.ts';
import { scheduleCardRender, type RenderTimings } from './refresh.ts';

/**
 * Edits and deletes, mirrored across the relay. Edits are free (no ledger entry) and go through the
 * outbox like every send. The Bot API sends no update when a message is deleted, so an admin deletes a
 * reply by answering it with /delete; bots may delete their own private-chat messages for 48 hours.
 */

export interface EditsDeps {
  uow: UnitOfWork;
  clock: Clock;
  renderTimings?: RenderTimings;
}

/** A message entity as Telegram sends it: passed through, only its offset may move. */
export interface Entity {
  type: string;
  offset: number;
  length: number;
  [field: string]: unknown;
}

export type EditedContent =
  | { kind: 'text'; text: string; entities: Entity[] }
  /** An empty caption means the caption was removed. */
  | { kind: 'caption'; caption: string; entities: Entity[] };

export interface FanEdit {
  userId: number;
  chatId: number;
  messageId: number;
  /** When the fan sent the message (its `date`): edits of messages older than 48 hours are not mirrored. */
  sentAt: Date;
  /** Unix seconds, from the edited message. */
  editDate: number;
  content: EditedContent;
}

export interface AdminEdit {
  groupId: number;
  messageId: number;
  editDate: number;
  content: EditedContent;
}

export type MirrorEditResult =
  | { ok: true; action: 'edit' | 'note'; coalesced: boolean }
  | { ok: false; code: 'not_relayed' }
  | { ok: false; code: 'banned' }
  | { ok: false; code: 'too_old' }
  | { ok: false; code: 'edit_limit'; limit: number }
  | { ok: false; code: 'insufficient_credits'; cost: number; balance: number };

/** Telegram answers that mean there is nothing (left) to do. */
const EDIT_OK_ERRORS = ['message is not modified', 'message to edit not found'];
const TEXT_LIMIT = 4096;
export const BOT_DELETE_WINDOW_MS = 48 * 3600_000;
/** Edits of older messages are not mirrored (the conversation has moved on; edits are not a channel). */
export const EDIT_MIRROR_WINDOW_MS = 48 * 3600_000;

/**
 * A fan edited a message. Relayed as a copy: the copy in the topic is edited. Relayed as a forward
 * (which cannot be edited): a short "✏️ edited" reply carrying the new text, charged like a text
 * message (it is one, in the group's budget). Accepted but not yet relayed (queued, or in flight): the
 * copy is made at send time and normally already shows the edit, but one in flight may not, so the same
 * note follows it in the fan's lane (without a reply target, which is unknown yet). Never relayed
 * (refused, or refunded): nothing to mirror.
 *
 * Edits are not a free channel into the group: while the previous edit of a message is still queued
 * the new one replaces it (one send), at most `edit_mirror_limit` are mirrored per message, and none of
 * a message older than 48 hours.
 */
export async function mirrorFanEdit(deps: EditsDeps, edit: FanEdit): Promise<MirrorEditResult> {
  const settings = resolveSettings(await deps.uow.repos.settings.all());
  if (deps.clock.now().getTime() - edit.sentAt.getTime() > EDIT_MIRROR_WINDOW_MS)
    return { ok: false, code: 'too_old' };
  return coalescing(deps.uow, async (r, last): Promise<MirrorEditResult> => {
    // One of this fan's edits at a time (replicas too): the count and the coalescing stay exact.
    const user = await r.users.getForUpdate(edit.userId);
    if (!user) return { ok: false, code: 'not_relayed' };
    if (user.isBanned) return { ok: false, code: 'banned' };
    const coalesceKey = `edit:in:${edit.chatId}:${edit.messageId}`;
    const key = `edit:in:${edit.chatId}:${edit.messageId}:${edit.editDate}:${digest(edit.content)}`;
    const link = await r.links.byFanMessage(edit.chatId, edit.messageId);
    let item: NewOutboxItem;
    let charged = false;
    const base = {
      lane: lanes.topic(edit.userId),
      sortKey: edit.messageId,
      idempotencyKey: key,
      coalesceKey,
    };
    if (link?.direction === 'in' && link.groupMessageId !== null) {
      const target = { chatId: link.groupChatId, messageId: link.groupMessageId };
      // How that message was relayed, not the mode now: a copy is edited even after a switch to forward
      // mode, a forward gets a note even after a switch back (links from before it was recorded: the setting).
      charged = (link.mode ?? settings.relay_mode) === 'forward';
      item = {
        ...base,
        chatId: target.chatId,
        payload: charged ? noteCall(target, edit.userId, edit.content) : editCall(target, edit.content),
      };
    } else {
      const groupId = await acceptedInto(r, edit);
      if (groupId === null) return { ok: false, code: 'not_relayed' };
      item = {
        ...base,
        chatId: groupId,
        payload: noteCall({ chatId: groupId, messageId: null }, edit.userId, edit.content),
      };
    }
    const action = item.payload.kind === 'call' && item.payload.method === 'sendMessage' ? 'note' : 'edit';
    // The previous edit is still waiting: this one takes its place (the newest text is what counts).
    if (await r.outbox.coalesce(coalesceKey, item.payload)) return { ok: true, action, coalesced: true };
    const mirrored = await r.outbox.countCoalesced(coalesceKey);
    if (mirrored >= settings.edit_mirror_limit)
      return { ok: false, code: 'edit_limit', limit: settings.edit_mirror_limit };
    if (charged) {
      const quote = quoteMessage(
        {
          type: 'text',
          costs: settings.message_costs,
          timePassUntil: user.timePassUntil,
          banned: false,
          balance: user.creditBalance,
          discount: discountFor(user.tier, settings.tier_discounts),
        },
        deps.clock,
      );
      // Texts that cannot be sent (unpriced) cannot be sent as an edit note either.
      if (!quote.ok)
        return quote.code === 'insufficient_credits' ? quote : { ok: false, code: 'not_relayed' };
      const charge = await r.ledger.apply({
        userId: user.id,
        delta: -quote.cost,
        reason: 'spend',
        idempotencyKey: `edit:${edit.chatId}:${edit.messageId}:${mirrored + 1}`,
        actor: `user:${user.id}`,
        metadata: { type: 'edit', messageId: edit.messageId, ...(quote.free ? { timePass: true } : {}) },
        tiers: settings.tier_thresholds,
      });
      if (charge.status === 'insufficient')
        return { ok: false, code: 'insufficient_credits', cost: charge.needed, balance: charge.balance };
      if (charge.status === 'applied') {
        await afterDebit(r, user, {
          before: user.creditBalance,
          after: charge.entry.balanceAfter,
          entryId: charge.entry.id,
        });
        // The pinned card shows the tier: a promotion refreshes it (throttled like any card change).
        if (charge.promoted) {
          await scheduleCardRender(r, user.id, deps.clock.now(), deps.renderTimings);
          await r.outbox.enqueue(promotionNotice(user.id, charge.promoted, settings.tier_discounts));
        }
      }
    }
    await queueOrRetry(r, item, last);
    return { ok: true, action, coalesced: false };
  });
}

/**
 * An admin edited a reply in a fan's topic: the fan's copy is edited. A reply not delivered yet needs
 * nothing: it is copied at send time, edit included.
 */
export async function mirrorAdminEdit(deps: EditsDeps, edit: AdminEdit): Promise<MirrorEditResult> {
  return coalescing(deps.uow, async (r, last): Promise<MirrorEditResult> => {
    const link = await r.links.byGroupMessage(edit.groupId, edit.messageId);
    if (link?.direction !== 'out' || link.fanMessageId === null) return { ok: false, code: 'not_relayed' };
    const payload = {
      ...editCall({ chatId: link.fanChatId, messageId: link.fanMessageId }, edit.content),
      userId: link.userId,
    };
    // An earlier edit still waiting is replaced: the fan sees the newest version, once.
    const coalesceKey = `edit:out:${edit.groupId}:${edit.messageId}`;
    if (await r.outbox.coalesce(coalesceKey, payload)) return { ok: true, action: 'edit', coalesced: true };
    const item = {
      lane: lanes.fan(link.userId),
      chatId: link.fanChatId,
      sortKey: 0,
      idempotencyKey: `edit:out:${edit.groupId}:${edit.messageId}:${edit.editDate}:${digest(edit.content)}`,
      coalesceKey,
      payload,
    };
    await queueOrRetry(r, item, last);
    return { ok: true, action: 'edit', coalesced: false };
  });
}

/**
 * The previous edit of the message went back to waiting (a 429, a network error) between the look for a
 * pending one and this write: the write is skipped (one pending item per coalesce key), and this edit
 * would be lost. The transaction runs again instead (undoing a charge), and merges into that one.
 */
class PreviousEditRequeued extends Error {}

/** Queues an edit; when it was skipped, runs the transaction again unless this is the last try. */
async function queueOrRetry(r: Repos, item: NewOutboxItem, last: boolean): Promise<void> {
  const added = await r.outbox.enqueue([item]);
  if (added.length === 0 && !last) throw new PreviousEditRequeued();
}

/** Runs an edit's transaction, again (at most twice more) when its previous edit was requeued meanwhile. */
async function coalescing<T>(uow: UnitOfWork, fn: (r: Repos, last: boolean) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await uow.run((r) => fn(r, attempt === 3));
    } catch (err) {
      if (!(err instanceof PreviousEditRequeued) || attempt === 3) throw err;
    }
  }
}

export interface ReplyDeletionRequest {
  groupId: number;
  adminId: number;
  /** The message the /delete command answers (null: it answers none). */
  reply: { messageId: number; authorId: number | null; sentAt: Date } | null;
}

export type ReplyDeletionResult =
  | { ok: true; userId: number; fanChatId: number; fanMessageId: number }
  | { ok: false; code: 'no_reply' | 'not_yours' | 'not_delivered' | 'too_old' };

/**
 * Which fan message an admin's /delete removes: the copy of the admin's own reply. The copy is never
 * older than the reply, so a reply past the 48-hour window is refused before asking Telegram.
 */
export async function findReplyToDelete(
  deps: EditsDeps,
  req: ReplyDeletionRequest,
): Promise<ReplyDeletionResult> {
  if (!req.reply) return { ok: false, code: 'no_reply' };
  if (req.reply.authorId !== req.adminId) return { ok: false, code: 'not_yours' };
  const link = await deps.uow.repos.links.byGroupMessage(req.groupId, req.reply.messageId);
  // Only a copy is the bot's own message, which it may delete (replies to fans are always copies).
  if (link?.direction !== 'out' || link.fanMessageId === null || link.mode === 'forward')
    return { ok: false, code: 'not_delivered' };
  if (deps.clock.now().getTime() - req.reply.sentAt.getTime() > BOT_DELETE_WINDOW_MS)
    return { ok: false, code: 'too_old' };
  return { ok: true, userId: link.userId, fanChatId: link.fanChatId, fanMessageId: link.fanMessageId };
}

/** The group a fan's message is queued for: charged (possibly zero) and not refunded. */
async function acceptedInto(r: Repos, edit: FanEdit): Promise<number | null> {
  const charge = await r.ledger.findByKey(`msg:${edit.chatId}:${edit.messageId}`);
  if (!charge || (await r.ledger.findByKey(`refund:msg:${edit.chatId}:${edit.messageId}`))) return null;
  const topic = await r.topics.get(edit.userId);
  return topic?.groupId ?? null;
}

type CallPayload = Extract<NewOutboxItem['payload'], { kind: 'call' }>;

function editCall(target: { chatId: number; messageId: number }, content: EditedContent): CallPayload {
  const at = { chat_id: target.chatId, message_id: target.messageId };
  const entities = content.entities.length > 0 ? content.entities : undefined;
  return content.kind === 'text'
    ? {
        kind: 'call',
        method: 'editMessageText',
        params: { ...at, text: content.text, ...(entities ? { entities } : {}) },
        okErrors: EDIT_OK_ERRORS,
      }
    : {
        kind: 'call',
        method: 'editMessageCaption',
        // No caption removes it, as the fan did.
        params: {
          ...at,
          ...(content.caption ? { caption: content.caption } : {}),
          ...(entities ? { caption_entities: entities } : {}),
        },
        okErrors: EDIT_OK_ERRORS,
      };
}

/**
 * "✏️ edited:" and the new text (formatting kept), replying to the topic's copy when it is known. The
 * label is worded at send time, in the group's language (the outbox worker calls `noteText`).
 */
function noteCall(
  target: { chatId: number; messageId: number | null },
  userId: number,
  content: EditedContent,
): CallPayload {
  const removed = content.kind === 'caption' && !content.caption;
  const body =
    content.kind === 'text' ? content.text : removed ? text('relay-edit-caption-removed') : content.caption;
  return {
    kind: 'call',
    method: 'sendMessage',
    params: {
      chat_id: target.chatId,
      ...(target.messageId !== null
        ? { reply_parameters: { message_id: target.messageId, allow_sending_without_reply: true } }
        : {}),
    },
    note: { label: text('relay-edit-note'), body, entities: removed ? [] : content.entities },
    toTopicOf: userId,
  };
}

/** The label (italic) on its own line over the body, entities shifted; a text too long for one message is cut. */
export function noteText(
  label: string,
  body: string,
  entities: Entity[],
): { text: string; entities: Entity[] } {
  const prefix = `${label}\n`;
  const room = TEXT_LIMIT - prefix.length;
  let cut = body.length;
  if (cut > room) {
    cut = room - 1;
    const code = body.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--; // never split a surrogate pair
  }
  const out = prefix + body.slice(0, cut) + (cut < body.length ? '…' : '');
  const kept = entities
    .filter((e) => e.offset + e.length <= cut)
    .map((e) => ({ ...e, offset: e.offset + prefix.length }));
  return { text: out, entities: [{ type: 'italic', offset: 0, length: label.length }, ...kept] };
}

/** Two different edits within the same second must not share an idempotency key. */
function digest(content: EditedContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

import { createHash } from 'node:crypto';
import type { Clock } from '../domain/shared/index.ts';
import type { NewOutboxItem, Repos, UnitOfWork } from './ports.ts';
import { resolveSettings } from './settings.ts';

/**
 * Edits and deletes, mirrored across the relay. Edits are free (no ledger entry) and go through the
 * outbox like every send. The Bot API sends no update when a message is deleted, so an admin deletes a
 * reply by answering it with /delete; bots may delete their own private-chat messages for 48 hours.
 */

export interface EditsDeps {
  uow: UnitOfWork;
  clock: Clock;
  outboxSignal: { notify(): void };
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
  { ok: true; action: 'edit' | 'note' } | { ok: false; code: 'not_relayed' | 'banned' };

/** Telegram answers that mean there is nothing (left) to do. */
const EDIT_OK_ERRORS = ['message is not modified', 'message to edit not found'];
const NOTE_PREFIX = '✏️ edited:\n';
const TEXT_LIMIT = 4096;
export const BOT_DELETE_WINDOW_MS = 48 * 3600_000;

/**
 * A fan edited a message. Relayed as a copy: the copy in the topic is edited. Relayed as a forward
 * (which cannot be edited): a short "✏️ edited" reply carrying the new text. Accepted but not yet
 * relayed (queued, or in flight): the copy is made at send time and normally already shows the edit,
 * but one in flight may not, so the same note follows it in the fan's lane (without a reply target,
 * which is unknown yet). Never relayed (refused, or refunded): nothing to mirror.
 */
export async function mirrorFanEdit(deps: EditsDeps, edit: FanEdit): Promise<MirrorEditResult> {
  const { relay_mode } = resolveSettings(await deps.uow.repos.settings.all());
  const result = await deps.uow.run(async (r): Promise<MirrorEditResult> => {
    const user = await r.users.get(edit.userId);
    if (!user) return { ok: false, code: 'not_relayed' };
    if (user.isBanned) return { ok: false, code: 'banned' };
    const key = `edit:in:${edit.chatId}:${edit.messageId}:${edit.editDate}:${digest(edit.content)}`;
    const link = await r.links.byFanMessage(edit.chatId, edit.messageId);
    const base = { lane: `in:${edit.userId}`, sortKey: edit.messageId, idempotencyKey: key };
    if (link?.direction === 'in' && link.groupMessageId !== null) {
      const target = { chatId: link.groupChatId, messageId: link.groupMessageId };
      const item: NewOutboxItem =
        relay_mode === 'copy'
          ? { ...base, chatId: target.chatId, payload: editCall(target, edit.content) }
          : { ...base, chatId: target.chatId, payload: noteCall(target, edit.userId, edit.content) };
      await r.outbox.enqueue([item]);
      return { ok: true, action: relay_mode === 'copy' ? 'edit' : 'note' };
    }
    const groupId = await acceptedInto(r, edit);
    if (groupId === null) return { ok: false, code: 'not_relayed' };
    const target = { chatId: groupId, messageId: null };
    await r.outbox.enqueue([
      { ...base, chatId: groupId, payload: noteCall(target, edit.userId, edit.content) },
    ]);
    return { ok: true, action: 'note' };
  });
  if (result.ok) deps.outboxSignal.notify();
  return result;
}

/**
 * An admin edited a reply in a fan's topic: the fan's copy is edited. A reply not delivered yet needs
 * nothing: it is copied at send time, edit included.
 */
export async function mirrorAdminEdit(deps: EditsDeps, edit: AdminEdit): Promise<MirrorEditResult> {
  const result = await deps.uow.run(async (r): Promise<MirrorEditResult> => {
    const link = await r.links.byGroupMessage(edit.groupId, edit.messageId);
    if (link?.direction !== 'out' || link.fanMessageId === null) return { ok: false, code: 'not_relayed' };
    const payload = editCall({ chatId: link.fanChatId, messageId: link.fanMessageId }, edit.content);
    await r.outbox.enqueue([
      {
        lane: `out:${link.userId}`,
        chatId: link.fanChatId,
        sortKey: 0,
        idempotencyKey: `edit:out:${edit.groupId}:${edit.messageId}:${edit.editDate}:${digest(edit.content)}`,
        payload: { ...payload, userId: link.userId },
      },
    ]);
    return { ok: true, action: 'edit' };
  });
  if (result.ok) deps.outboxSignal.notify();
  return result;
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
  if (link?.direction !== 'out' || link.fanMessageId === null) return { ok: false, code: 'not_delivered' };
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

/** "✏️ edited:" and the new text (formatting kept), replying to the topic's copy when it is known. */
function noteCall(
  target: { chatId: number; messageId: number | null },
  userId: number,
  content: EditedContent,
): CallPayload {
  const body = content.kind === 'text' ? content.text : content.caption || '(caption removed)';
  const entities = content.kind === 'caption' && !content.caption ? [] : content.entities;
  return {
    kind: 'call',
    method: 'sendMessage',
    params: {
      chat_id: target.chatId,
      ...noteText(body, entities),
      ...(target.messageId !== null
        ? { reply_parameters: { message_id: target.messageId, allow_sending_without_reply: true } }
        : {}),
    },
    toTopicOf: userId,
  };
}

/** Prefixes the note and shifts the entities; a text too long for one message is cut. */
export function noteText(body: string, entities: Entity[]): { text: string; entities: Entity[] } {
  const room = TEXT_LIMIT - NOTE_PREFIX.length;
  let cut = body.length;
  if (cut > room) {
    cut = room - 1;
    const code = body.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--; // never split a surrogate pair
  }
  const text = NOTE_PREFIX + body.slice(0, cut) + (cut < body.length ? '…' : '');
  const kept = entities
    .filter((e) => e.offset + e.length <= cut)
    .map((e) => ({ ...e, offset: e.offset + NOTE_PREFIX.length }));
  return { text, entities: [{ type: 'italic', offset: 0, length: NOTE_PREFIX.length - 1 }, ...kept] };
}

/** Two different edits within the same second must not share an idempotency key. */
function digest(content: EditedContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

import { createHash } from 'node:crypto';
import { encodePaidMediaPayload, isPaidMediaEligible } from '../../domain/content/index.ts';
import type { ContentItem, ContentMediaType, NewOutboxItem } from '../ports/index.ts';
import { deliveryCaption, lockedPreviewText, unlockedCardText } from './messages.ts';
import { fanNotice, type NoticeKeyboard } from '../system/notices.ts';
import { lanes } from '../outbox/lanes.ts';

/** The buttons of the fan's list; callback data is the bot's business, so the bot passes these in. */
export interface ContentKeyboards {
  /** Under a locked preview: unlock with credits (and with Stars, when it is not paid media). */
  locked(item: ContentItem, paidMedia: boolean): NoticeKeyboard;
  /** Under an item the fan owns: send it again. */
  unlocked(item: ContentItem): NoticeKeyboard;
  /** Page navigation under the list (empty when there is one page). */
  pages(page: number, pages: number): NoticeKeyboard;
}

/** Whether an item goes out as Telegram paid media (photos and videos) rather than an invoice. */
export const sellsAsPaidMedia = (item: Pick<ContentItem, 'media'>) =>
  isPaidMediaEligible(item.media.map((m) => m.type));

const SEND_METHOD: Record<ContentMediaType, string> = {
  photo: 'sendPhoto',
  video: 'sendVideo',
  document: 'sendDocument',
  audio: 'sendAudio',
};

/**
 * The item's media to a chat, protected (no forwarding or saving: it was paid for by this fan): one
 * send for a single file, one album otherwise.
 */
export function deliveryItem(item: ContentItem, userId: number, key: string): NewOutboxItem {
  const caption = deliveryCaption(item);
  const [first] = item.media;
  const params: Record<string, unknown> =
    item.media.length === 1 && first
      ? { chat_id: userId, [first.type]: first.fileId, caption, parse_mode: 'HTML', protect_content: true }
      : {
          chat_id: userId,
          media: item.media.map((m, i) => ({
            type: m.type,
            media: m.fileId,
            ...(i === 0 ? { caption, parse_mode: 'HTML' } : {}),
          })),
          protect_content: true,
        };
  const method = item.media.length === 1 && first ? SEND_METHOD[first.type] : 'sendMediaGroup';
  return {
    lane: lanes.fan(userId),
    chatId: userId,
    sortKey: 0,
    idempotencyKey: key,
    payload: { kind: 'call', method, params, userId },
  };
}

/**
 * One entry of the fan's list. Locked photos and videos are a Telegram paid-media post: blurred until
 * paid (a spoiler a fan cannot simply tap away), payable in Stars right there, with the credits button
 * under it. Files and audio get a card with both buttons (Stars through an invoice).
 */
export function previewItem(
  item: ContentItem & { unlocked: boolean },
  userId: number,
  keyboards: ContentKeyboards,
  key: string,
): NewOutboxItem {
  if (item.unlocked)
    return fanNotice(userId, key, unlockedCardText(item), { keyboard: keyboards.unlocked(item) });
  if (!sellsAsPaidMedia(item))
    return fanNotice(userId, key, lockedPreviewText(item, false), {
      keyboard: keyboards.locked(item, false),
    });
  return {
    lane: lanes.fan(userId),
    chatId: userId,
    sortKey: 0,
    idempotencyKey: key,
    payload: {
      kind: 'call',
      method: 'sendPaidMedia',
      userId,
      params: {
        chat_id: userId,
        star_count: item.priceStars,
        media: item.media.map((m) => ({ type: m.type, media: m.fileId })),
        payload: encodePaidMediaPayload({
          itemId: item.id,
          userId,
          stars: item.priceStars,
          post: postId(key),
        }),
        caption: lockedPreviewText(item, true),
        parse_mode: 'HTML',
        protect_content: true,
        reply_markup: { inline_keyboard: keyboards.locked(item, true) },
      },
    },
  };
}

/** A short id of one paid-media post, stable for its outbox key (so a retried send is the same post). */
const postId = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 10);

/** Removes a locked preview once the item is unlocked (a paid-media post would still offer to sell it). */
export function retirePreviewItem(userId: number, messageId: number): NewOutboxItem {
  return {
    lane: lanes.fan(userId),
    chatId: userId,
    sortKey: 0,
    idempotencyKey: `content-retire:${userId}:${messageId}`,
    payload: {
      kind: 'call',
      method: 'deleteMessage',
      params: { chat_id: userId, message_id: messageId },
      userId,
      // Already gone (the fan deleted it), or too old to delete (48 h): nothing more to do.
      okErrors: ['message to delete not found', "message can't be deleted"],
    },
  };
}

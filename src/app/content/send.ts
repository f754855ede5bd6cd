import { createHash } from 'node:crypto';
import { encodePaidMediaPayload, isPaidMediaEligible } from '../../domain/content/index.ts';
import type { ContentItem, ContentMediaType, NewOutboxItem, TextRef } from '../ports/index.ts';
import { text } from '../texts.ts';
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

/**
 * What an item holds, as the arguments of the texts that describe it (`content-media`): an item is
 * photos and videos, or files, or audio tracks.
 */
export function mediaCounts(item: Pick<ContentItem, 'media'>) {
  const count = (type: ContentMediaType) => item.media.filter((m) => m.type === type).length;
  return { photos: count('photo'), videos: count('video'), files: count('document'), tracks: count('audio') };
}

/** The texts of a preview: a paid-media post, a locked card (files, audio), an item the fan owns. */
const lockedPreview = (item: ContentItem, paidMedia: boolean): TextRef =>
  text(paidMedia ? 'content-locked-paid-media' : 'content-locked-card', {
    title: item.title,
    credits: item.priceCredits,
    stars: item.priceStars,
    ...mediaCounts(item),
  });

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
  const caption = text('content-delivery-caption', { title: item.title });
  const [first] = item.media;
  const single = item.media.length === 1 && first;
  const params: Record<string, unknown> = single
    ? { chat_id: userId, [first.type]: first.fileId, parse_mode: 'HTML', protect_content: true }
    : {
        chat_id: userId,
        media: item.media.map((m, i) => ({
          type: m.type,
          media: m.fileId,
          ...(i === 0 ? { parse_mode: 'HTML' } : {}),
        })),
        protect_content: true,
      };
  const method = single ? SEND_METHOD[first.type] : 'sendMediaGroup';
  return {
    lane: lanes.fan(userId),
    chatId: userId,
    sortKey: 0,
    idempotencyKey: key,
    payload: {
      kind: 'call',
      method,
      params,
      userId,
      // The caption in the reader's language, at send time.
      texts: { [single ? 'caption' : 'media.0.caption']: caption },
    },
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
    return fanNotice(
      userId,
      key,
      text('content-unlocked-card', { title: item.title, ...mediaCounts(item) }),
      {
        keyboard: keyboards.unlocked(item),
      },
    );
  if (!sellsAsPaidMedia(item))
    return fanNotice(userId, key, lockedPreview(item, false), { keyboard: keyboards.locked(item, false) });
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
        parse_mode: 'HTML',
        protect_content: true,
      },
      texts: { caption: lockedPreview(item, true) },
      keyboard: keyboards.locked(item, true),
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

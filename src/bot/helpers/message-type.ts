import type { Message } from 'grammy/types';

/** Content kinds a fan can pay to send, in the order Telegram's fields are checked. */
const PRICED = [
  'animation',
  'video_note',
  'voice',
  'video',
  'audio',
  'document',
  'photo',
  'sticker',
  'text',
] as const;
/** Content the product does not relay: refused with the price list. */
const UNPRICED = [
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'game',
  'story',
  'checklist',
  'paid_media',
  'giveaway',
] as const;

/**
 * The pricing type of a fan's message ("text", "photo"…), an unpriced content kind ("location"…) to
 * be refused, or null for service messages (payments, pins…) that are not fan content at all.
 * `animation` comes first: a GIF message also carries a `document`.
 */
export function messageType(message: Message): string | null {
  for (const kind of PRICED) if (kind in message && message[kind as keyof Message] !== undefined) return kind;
  for (const kind of UNPRICED)
    if (kind in message && message[kind as keyof Message] !== undefined) return kind;
  return null;
}

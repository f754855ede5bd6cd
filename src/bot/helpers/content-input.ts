import type { Message } from 'grammy/types';
import type { DraftInput } from '../../app/content/index.ts';
import { messageType } from './message-type.ts';

/**
 * What an admin's message gives the content draft: a sellable media (the largest photo size), other
 * content that cannot be sold, a text, or null for service messages. A GIF also carries a `document`,
 * so it is caught first.
 */
export function draftInputOf(m: Message): DraftInput | null {
  const extra = { messageId: m.message_id, mediaGroupId: m.media_group_id };
  if (m.animation || m.voice || m.sticker || m.video_note) return { kind: 'other_media' };
  if (m.photo?.length) {
    const largest = m.photo.reduce((a, b) => (b.width * b.height >= a.width * a.height ? b : a));
    return {
      kind: 'media',
      type: 'photo',
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      ...extra,
    };
  }
  for (const type of ['video', 'document', 'audio'] as const) {
    const file = m[type];
    if (file)
      return { kind: 'media', type, fileId: file.file_id, fileUniqueId: file.file_unique_id, ...extra };
  }
  if (m.text !== undefined) return { kind: 'text', text: m.text };
  return messageType(m) === null ? null : { kind: 'other_media' };
}

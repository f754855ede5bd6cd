import type { Message } from 'grammy/types';
import type { EditedContent, Entity } from '../../app/relay/edits.ts';

/** Media whose caption an edit can change. */
const CAPTIONED = ['photo', 'video', 'animation', 'audio', 'document', 'voice', 'paid_media'] as const;

/**
 * What an edit changed that the relay can mirror: the text, or a media caption (with its formatting).
 * Other edits (a live location moving, a replaced medium without caption change) give null.
 */
export function editedContent(m: Message): EditedContent | null {
  if (m.text !== undefined) {
    return { kind: 'text', text: m.text, entities: (m.entities ?? []) as Entity[] };
  }
  if (CAPTIONED.some((k) => m[k] !== undefined)) {
    return { kind: 'caption', caption: m.caption ?? '', entities: (m.caption_entities ?? []) as Entity[] };
  }
  return null;
}

import type { User } from './ports/index.ts';

/** Texts the use cases put in the outbox (HTML parse mode). Bot-only screens live in bot/texts.ts. */

/** `2026-11-22 06:40 UTC`: how a moment is shown to fans and admins. */
export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest prefix of `text` made of whole graphemes (a family emoji, a flag, a letter with its
 * combining marks stay whole) that fits in `max` UTF-16 code units, the unit Telegram counts in.
 */
export function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** Telegram's limit for a forum topic name ("1-128 characters"). */
export const TOPIC_NAME_MAX = 128;

export function topicName(user: Pick<User, 'id' | 'firstName' | 'lastName' | 'username'>): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || 'Fan';
  const handle = user.username ? ` (@${user.username})` : '';
  const suffix = ` · ${user.id}`;
  // Cut the name, never the id, which makes the topic findable; on a grapheme boundary, so no emoji is split.
  const head = `👤 ${name}${handle}`;
  return head.length + suffix.length > TOPIC_NAME_MAX
    ? `${cutGraphemes(head, TOPIC_NAME_MAX - suffix.length - 1).trimEnd()}…${suffix}`
    : head + suffix;
}

/** https://t.me/c/<internal id>/<thread>: the group id without its -100 prefix. */
export function topicLink(groupId: number, threadId: number): string {
  const internal = String(groupId).replace(/^-100/, '').replace(/^-/, '');
  return `https://t.me/c/${internal}/${threadId}`;
}

import { balanceBar } from '../domain/ledger/index.ts';
import { formatDuration } from '../domain/entitlement/index.ts';
import type { PricedType } from '../domain/pricing/index.ts';
import type { User } from './ports.ts';

/** Texts the use cases put in the outbox (HTML parse mode). Bot-only screens live in bot/texts.ts. */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const TYPE_LABELS: Record<string, string> = {
  text: 'text',
  photo: 'photo',
  voice: 'voice message',
  video: 'video',
  video_note: 'video note',
  document: 'file',
  audio: 'audio',
  animation: 'GIF',
  sticker: 'sticker',
};

export const typeLabel = (t: string) => TYPE_LABELS[t] ?? t.replace(/_/g, ' ');
const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

export function receiptText(opts: {
  cost: number;
  free: boolean;
  balance: number;
  lastTopUp: number | null;
  low: boolean;
  threshold: number;
  passLeftMs: number;
}): string {
  const head = opts.free
    ? `✔️ Sent · free with your time pass (${formatDuration(opts.passLeftMs)} left)`
    : `✔️ Sent · −${credits(opts.cost)}`;
  const lines = [head, `<code>${balanceBar(opts.balance, opts.lastTopUp).text}</code>`];
  if (opts.low && !opts.free)
    lines.push(`⚠️ <b>Low balance</b>: under ${credits(opts.threshold)}. Top up with /start.`);
  return lines.join('\n');
}

export function insufficientText(type: string, cost: number, balance: number): string {
  return `💳 A ${typeLabel(type)} costs ${credits(cost)}, and you have ${credits(balance)}.\nTop up to send it: nothing was charged.`;
}

export function unsupportedText(allowed: PricedType[]): string {
  const list = allowed.map((a) => `• ${typeLabel(a.type)}: ${credits(a.cost)}`).join('\n');
  return allowed.length
    ? `🙅 This kind of message cannot be sent here. You can send:\n${list}`
    : '🙅 Messages are not accepted right now.';
}

export const bannedText = '🚫 Sorry, you cannot send messages here.';

export function refundText(cost: number, reason: string): string {
  return `⚠️ Your message could not be delivered (${reason}). ${cost > 0 ? `${credits(cost)} refunded.` : 'Nothing was charged.'}`;
}

export function topicName(user: Pick<User, 'id' | 'firstName' | 'lastName' | 'username'>): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || 'Fan';
  const handle = user.username ? ` (@${user.username})` : '';
  const suffix = ` · ${user.id}`;
  // Telegram caps topic names at 128 characters; keep the id, which makes the topic findable.
  const head = `👤 ${name}${handle}`;
  return head.length + suffix.length > 128
    ? `${head.slice(0, 127 - suffix.length)}…${suffix}`
    : head + suffix;
}

/** https://t.me/c/<internal id>/<thread>: the group id without its -100 prefix. */
export function topicLink(groupId: number, threadId: number): string {
  const internal = String(groupId).replace(/^-100/, '').replace(/^-/, '');
  return `https://t.me/c/${internal}/${threadId}`;
}

export function infoCardText(opts: {
  user: User;
  spent: number;
  passLeftMs: number;
  previous: { groupId: number; threadId: number } | null;
}): string {
  const u = opts.user;
  const name = escapeHtml([u.firstName, u.lastName].filter(Boolean).join(' ') || 'Fan');
  const lines = [
    `👤 <b>${name}</b>${u.username ? ` (@${escapeHtml(u.username)})` : ''}`,
    `🆔 <code>${u.id}</code> · tier ${escapeHtml(u.tier)}${u.isBanned ? ' · 🚫 banned' : ''}`,
    `💳 Balance: ${credits(u.creditBalance)}`,
    `⏳ Time pass: ${opts.passLeftMs > 0 ? `${formatDuration(opts.passLeftMs)} left` : 'none'}`,
    `💸 Total spent: ${credits(opts.spent)}`,
    `📅 Joined ${u.createdAt.toISOString().slice(0, 10)}`,
  ];
  if (opts.previous) {
    lines.push(
      '',
      `ℹ️ Earlier history is in the previous topic, if it still exists: ${topicLink(opts.previous.groupId, opts.previous.threadId)}`,
    );
  }
  lines.push('', 'Reply in this topic to answer.');
  return lines.join('\n');
}

export function notDeliveredNote(reason: string): string {
  return `❗ Not delivered: ${reason}.`;
}

import { balanceBar } from '../domain/ledger/index.ts';
import { formatDuration } from '../domain/entitlement/index.ts';
import { formatMoney } from '../domain/shared/index.ts';
import type { PricedType } from '../domain/pricing/index.ts';
import type { User } from './ports/index.ts';

/** Texts the use cases put in the outbox (HTML parse mode). Bot-only screens live in bot/texts.ts. */

/** `2026-11-22 06:40 UTC`: how a moment is shown to fans and admins. */
export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

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
export const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

export function receiptText(opts: {
  cost: number;
  free: boolean;
  /** The message waits for its turn (many new conversations at once): it arrives in a few minutes. */
  queued?: boolean;
  balance: number;
  lastTopUp: number | null;
  low: boolean;
  threshold: number;
  passLeftMs: number;
}): string {
  const status = opts.queued ? '⏳ Queued' : '✔️ Sent';
  const head = opts.free
    ? `${status} · free with your time pass (${formatDuration(opts.passLeftMs)} left)`
    : `${status} · −${credits(opts.cost)}`;
  const lines = [head];
  if (opts.queued) lines.push('Many people are writing right now: your message reaches me in a few minutes.');
  lines.push(`<code>${balanceBar(opts.balance, opts.lastTopUp).text}</code>`);
  if (opts.low && !opts.free)
    lines.push(`⚠️ <b>Low balance</b>: under ${credits(opts.threshold)}. Top up with /start.`);
  return lines.join('\n');
}

export function insufficientText(type: string, cost: number, balance: number): string {
  return `💳 A ${typeLabel(type)} costs ${credits(cost)}, and you have ${credits(balance)}.\nTop up to send it: nothing was charged.`;
}

/** Forward mode: an edit is passed on as a new message, charged like a text. */
export function editNotPaidText(cost: number, balance: number): string {
  return `✏️ Edits reach me as a new message, which costs ${credits(cost)}, and you have ${credits(balance)}. Top up and send it again: the edit was not passed on.`;
}

export const editTooOldText = '✏️ This message is too old for edits to reach me: send a new message instead.';

export function editLimitText(limit: number): string {
  return limit === 0
    ? '✏️ Edits do not reach me here: send a new message instead.'
    : `✏️ This edit did not reach me: a message can be edited up to ${limit} time${limit === 1 ? '' : 's'}. Send a new message instead.`;
}

/** One item of an album could not be paid for: it is left out, the rest of the album goes on. */
export function albumItemRefusedText(type: string, cost: number, balance: number): string {
  return `💳 A ${typeLabel(type)} costs ${credits(cost)}, and you have ${credits(balance)}.\n📎 This ${typeLabel(type)} of your album was left out and not charged; the items you could afford are sent together.`;
}

export function unsupportedText(allowed: PricedType[]): string {
  const list = allowed.map((a) => `• ${typeLabel(a.type)}: ${credits(a.cost)}`).join('\n');
  return allowed.length
    ? `🙅 This kind of message cannot be sent here. You can send:\n${list}`
    : '🙅 Messages are not accepted right now.';
}

export const bannedText = '🚫 Sorry, you cannot send messages here.';

/** `reason` is plain text, often Telegram's own error description: escaped here. */
export function refundText(cost: number, reason: string): string {
  return `⚠️ Your message could not be delivered (${escapeHtml(reason)}). ${cost > 0 ? `${credits(cost)} refunded.` : 'Nothing was charged.'}`;
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

/** `reason` is plain text, often Telegram's own error description: escaped here. */
const SUPPORT_MARK = '💳 Payment support';

/** A fan's payment-support text in their topic (it is one message: the mark and the text). */
export function supportNoteText(text: string): string {
  const room = 4096 - SUPPORT_MARK.length - 2;
  const body = text.length > room ? `${cutGraphemes(text, room - 1)}…` : text;
  return `<b>${SUPPORT_MARK}</b>\n${escapeHtml(body)}`;
}

/** The caption of a payment-support medium copied into the topic (plain text, within 1,024). */
export function supportCaption(caption: string): string {
  const room = 1024 - SUPPORT_MARK.length - 1;
  return caption ? `${SUPPORT_MARK}\n${cutGraphemes(caption, room)}` : SUPPORT_MARK;
}

export function notDeliveredNote(reason: string): string {
  return `❗ Not delivered: ${escapeHtml(reason)}.`;
}

function ago(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** The live inbox: the most recent conversations, unread first-class, each with a link to its topic. */
export function inboxText(
  groupId: number,
  rows: Array<{
    userId: number;
    threadId: number | null;
    firstName: string;
    username: string | null;
    unread: number;
    lastFanMessageAt: Date | null;
  }>,
  now: Date,
): string {
  const waiting = rows.filter((r) => r.unread > 0).length;
  const head = `📥 <b>Inbox</b> · ${waiting} waiting for an answer`;
  if (rows.length === 0) return `${head}\nNo conversations yet.`;
  const lines = rows.map((r) => {
    const name = escapeHtml(r.firstName || 'Fan') + (r.username ? ` (@${escapeHtml(r.username)})` : '');
    const unread = r.unread > 0 ? `🔴 ${r.unread} unread` : '✔️ answered';
    const age = r.lastFanMessageAt ? ago(now.getTime() - r.lastFanMessageAt.getTime()) : '';
    const link = r.threadId !== null ? topicLink(groupId, r.threadId) : '';
    return `• <a href="${link}">${name}</a> · ${unread} · ${age}`;
  });
  return [head, ...lines, '', `<i>Updated ${now.toISOString().slice(11, 16)} UTC</i>`].join('\n');
}

export function infoViewText(v: {
  user: User;
  spent: number;
  purchased: number;
  passLeftMs: number;
  stats: { messagesIn: number; messagesOut: number; payments: number };
  notes: Array<{ text: string; createdAt: Date }>;
  /** Recent payments, newest first: their ids are what `/refund <id>` takes. */
  payments?: Array<{
    id: number;
    productTitle: string;
    rail: 'stars' | 'stripe';
    amount: number;
    currency: string;
    status: string;
    createdAt: Date;
  }>;
}): string {
  const u = v.user;
  const name = escapeHtml([u.firstName, u.lastName].filter(Boolean).join(' ') || 'Fan');
  const lines = [
    `👤 <b>${name}</b>${u.username ? ` (@${escapeHtml(u.username)})` : ''} · <code>${u.id}</code>`,
    `Tier ${escapeHtml(u.tier)}${u.isBanned ? ' · 🚫 banned' : ''}${u.blockedBot ? ' · blocked the bot' : ''}`,
    `💳 Balance: ${credits(u.creditBalance)} · ⏳ pass: ${v.passLeftMs > 0 ? `${formatDuration(v.passLeftMs)} left` : 'none'}`,
    `💰 Payments: ${v.stats.payments} · credits bought: ${v.purchased} · spent: ${v.spent}`,
    `💬 Messages: ${v.stats.messagesIn} from the fan, ${v.stats.messagesOut} answers`,
    `📅 Joined ${u.createdAt.toISOString().slice(0, 10)} · last seen ${utcMinute(u.lastSeenAt)}`,
  ];
  lines.push('', v.notes.length ? '📝 <b>Notes</b>' : '📝 No notes yet (add one with /note text).');
  for (const n of v.notes)
    lines.push(`• ${escapeHtml(n.text)} <i>(${n.createdAt.toISOString().slice(0, 10)})</i>`);
  if (v.payments?.length) {
    lines.push('', '🧾 <b>Recent payments</b> (refund one with /refund id)');
    for (const p of v.payments) {
      const price =
        p.rail === 'stars' ? `⭐ ${p.amount}` : `💳 ${escapeHtml(formatMoney(p.amount, p.currency))}`;
      lines.push(
        `• <code>${p.id}</code> · ${escapeHtml(p.productTitle)} · ${price} · ${p.status} <i>(${p.createdAt.toISOString().slice(0, 10)})</i>`,
      );
    }
  }
  return lines.join('\n');
}

export function giftNotice(kind: 'credits' | 'pass', amount: string, balance: number): string {
  return kind === 'credits'
    ? `🎁 You received ${amount} as a gift! Balance: ${credits(balance)}.`
    : `🎁 You received a ${amount} time pass as a gift: your messages are free until it ends.`;
}

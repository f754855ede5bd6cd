import { balanceBar } from '../domain/ledger/index.ts';
import { formatDuration } from '../domain/entitlement/index.ts';
import type { BalanceView } from '../app/accounts/accounts.ts';
import { credits, escapeHtml, utcMinute } from '../app/messages.ts';
import {
  itemMedia,
  sellsAsPaidMedia,
  type AdminItemView,
  type DraftReply,
  type EditField,
} from '../app/content/index.ts';
import type { ContentDraftStep, ContentItem, LedgerReason } from '../app/ports/index.ts';
import type { HistoryPage } from '../app/accounts/history.ts';

/** Fan- and admin-facing texts (English). Kept in one place so wording stays consistent. */

export const texts = {
  startButton: '▶️ Start',
  back: '⬅️ Back',
  notOpenYet:
    '🙏 Thanks for writing! This line is not open for messages yet. Please try again a little later; nothing was charged.',
  genericError:
    '😕 Something went wrong on our side, and the team has been told. Please try again in a little while.',
  staleButton: 'This button has expired. Send /start to get a fresh menu.',
  slowDown: (seconds: number) =>
    `⏳ Slow down a little: try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  unknownCommand: (cmd: string) => `I don't know ${cmd}. Send /help to see what I can do.`,
  unsupportedUpdate: 'I cannot handle that here. Send /help to see what I can do.',
  help: [
    '<b>How this works</b>',
    'Buy credits or a time pass, then just write to me here: each message costs a few credits depending on its type, and every message reaches me personally.',
    '',
    '/start · welcome and shop',
    '/balance · your credits and time pass',
    '/buy · credits and time passes (quick: /buy10, /buy25, /buy50)',
    '/history · your purchases and spending (CSV export)',
    '/content · premium photos, videos and files',
    '/help · this help',
    '/terms · terms of purchase · /paysupport · help with a payment',
  ].join('\n'),
  setupNeeded: (botUsername: string) =>
    [
      '⚙️ <b>fanbridge: one step left</b>',
      'A fan just wrote, but messages have nowhere to go yet: no admin group is configured.',
      '',
      '1. Create a private supergroup and turn on <b>Topics</b>.',
      `2. Add @${botUsername} and make it an admin with <b>Manage topics</b>, <b>Pin messages</b> and <b>Delete messages</b>.`,
      '3. Put the group id (like <code>-1001234567890</code>) in <code>ADMIN_GROUP_ID</code> and restart.',
      '',
      'Until then fans are told the line is not open yet, and nothing is charged.',
    ].join('\n'),
  groupPending: (title: string, chatId: number, until: Date) =>
    [
      `⏳ I was added to <b>${escapeHtml(title)}</b> (<code>${chatId}</code>) and will wait there for setup until ${utcMinute(until)}.`,
      `To make it the admin group, put <code>${chatId}</code> in <code>ADMIN_GROUP_ID</code> and restart. Otherwise I leave it then.`,
    ].join('\n'),
  ownerErrorAlert: (updateId: number, message: string) =>
    `⚠️ <b>fanbridge error</b> while handling update ${updateId}:\n<code>${escapeHtml(message.slice(0, 500))}</code>\n(Further errors of this kind are muted for 10 minutes; see the logs.)`,
};

export { escapeHtml };

export function balanceText(view: BalanceView): string {
  const lines = ['💳 <b>Your balance</b>', `<code>${balanceBar(view.balance, view.lastTopUp).text}</code>`];
  if (view.timePassUntil) {
    lines.push(`⏳ Time pass: ${formatDuration(view.passRemainingMs)} left (messages are free)`);
  }
  if (view.low) {
    lines.push(
      '',
      `⚠️ <b>Low balance</b>: under ${view.lowThreshold} credits. Top up with /start to keep writing.`,
    );
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------ premium content

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const prices = (item: ContentItem) => `${credits(item.priceCredits)} · ⭐ ${item.priceStars}`;

const ASK: Record<ContentDraftStep, string> = {
  media: 'Send a photo, video, file or audio (or an album of up to 10).',
  title: 'Send the <b>title</b> (1–64 characters).',
  credits: 'Send the price in <b>credits</b> (1–100000).',
  stars: 'Send the price in <b>Telegram Stars</b> (1–10000).',
  edit_title: 'Send the new <b>title</b> (1–64 characters), or /cancel.',
  edit_credits: 'Send the new price in <b>credits</b> (1–100000), or /cancel.',
  edit_stars: 'Send the new price in <b>Stars</b> (1–10000), or /cancel.',
};

export const contentTexts = {
  fanEmpty: '🎁 There is no premium content yet. Check back soon!',
  fanUnavailable: 'This item is no longer available. Send /content for the current list.',
  fanUnlocked: (cost: number, balance: number) =>
    `🔓 Unlocked for ${credits(cost)} (balance ${balance}). It is on its way!`,
  fanResent: 'You own this: sending it again, free of charge.',
  fanOnItsWay: 'It is on its way already.',
  fanPriceChanged: (title: string, cost: number) =>
    `The price of “${title}” is now ${credits(cost)}. Nothing was charged: send /content to unlock it at that price.`,
  fanAlreadyOwned: 'You already own this: tap “📤 Send again”, free of charge.',
  fanInsufficient: (title: string, cost: number, balance: number) =>
    `💳 <b>${escapeHtml(title)}</b> costs ${credits(cost)}, and you have ${credits(balance)}.\nTop up to unlock it: nothing was charged.`,
  onlyAdmins: 'Only admins can use these buttons.',
  askMedia:
    '📤 <b>New item.</b> Send its media: a photo, video, file or audio, or an album (up to 10).\n/cancel stops.',
  cancelled: 'Cancelled: nothing was saved.',
  nothingToCancel: 'There is nothing to cancel.',
  editPrompt: (item: ContentItem, field: EditField) =>
    `✏️ <b>${escapeHtml(item.title)}</b> (#${item.id}): ${ASK[`edit_${field}`]}`,
  draftReply(reply: Exclude<DraftReply, { code: 'silent' | 'created' | 'saved' }>): string {
    switch (reply.code) {
      case 'ask_title':
        return `📎 Got the media. ${ASK.title}\n(Album items keep being added as they arrive.)`;
      case 'ask_credits':
        return `Title: <b>${escapeHtml(reply.title)}</b>. ${ASK.credits}`;
      case 'ask_stars':
        return `💳 ${credits(reply.credits)}. ${ASK.stars}`;
      case 'retry':
        return `🙅 That does not work: ${escapeHtml(reply.detail)}.\n${ASK[reply.step]}`;
      case 'gone':
        return 'That item does not exist any more: nothing was changed.';
    }
  },
  created: (item: ContentItem) =>
    `✅ Added <b>${escapeHtml(item.title)}</b> (#${item.id}): ${itemMedia(item)} · ${prices(item)}.\nFans see it in /content.`,
  saved: (item: ContentItem) => `✅ Saved: <b>${escapeHtml(item.title)}</b> · ${prices(item)}.`,
  adminEmpty: '🎁 <b>Premium content</b>\nNothing yet. Add the first item with /content add (or ➕ below).',
  adminList(list: {
    page: number;
    pages: number;
    total: number;
    items: Array<ContentItem & { unlocks: number; position: number }>;
  }): string {
    const where = list.pages > 1 ? ` · page ${list.page}/${list.pages}` : '';
    const lines = list.items.map(
      (i) =>
        `${i.position}. ${i.hidden ? '🙈 ' : ''}<b>${escapeHtml(i.title)}</b> · ${prices(i)} · 🔓 ${plural(i.unlocks, 'unlock')}${i.hidden ? ' · hidden' : ''}`,
    );
    return [
      `🎁 <b>Premium content</b> · ${plural(list.total, 'item')}${where}`,
      ...lines,
      '',
      'Tap an item to edit, hide or move it.',
    ].join('\n');
  },
  adminItem(v: AdminItemView): string {
    const { item } = v;
    const sold = sellsAsPaidMedia(item) ? 'Stars: paid media' : 'Stars: invoice';
    return [
      `🎁 <b>${escapeHtml(item.title)}</b> (#${item.id})`,
      `📎 ${itemMedia(item)} · ${sold}`,
      `💳 ${prices(item)}`,
      `🔓 ${plural(v.unlocks, 'unlock')} · ${item.hidden ? '🙈 hidden (off sale; fans who own it keep it)' : '👁 on sale'}`,
      `Position ${v.position} of ${v.total}`,
    ].join('\n');
  },
};

// ------------------------------------------------------------------ history

/** `/history` labels, one per ledger reason. */
const REASONS: Record<LedgerReason, string> = {
  bonus: 'Bonus',
  purchase: 'Purchase',
  spend: 'Message',
  gift: 'Gift',
  refund: 'Refund',
  dispute: 'Dispute',
  adjustment: 'Adjustment',
  auto_recharge: 'Auto-recharge',
  unlock: 'Unlock',
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function historyText(h: HistoryPage): string {
  const t = h.totals;
  const lines = [
    `🧾 <b>Your history</b> · page ${h.page}/${h.pages}`,
    `Bought ${t.purchased} · spent ${t.spent} · gifts/bonus ${t.gifted} · refunded ${t.returned}` +
      (t.takenBack > 0 ? ` · taken back ${t.takenBack}` : ''),
    '',
  ];
  if (h.items.length === 0) lines.push('Nothing yet.');
  for (const i of h.items) {
    const date = i.date.toISOString().slice(0, 16).replace('T', ' ');
    const what = i.details ? ` (${escapeHtml(i.details)})` : '';
    lines.push(`${date} · ${REASONS[i.reason]}${what}: <b>${signed(i.delta)}</b> → ${i.balanceAfter}`);
  }
  return lines.join('\n');
}

import { balanceBar } from '../domain/ledger/index.ts';
import { formatDuration } from '../domain/entitlement/index.ts';
import { formatMoney } from '../domain/shared/index.ts';
import type { BalanceView } from '../app/accounts/accounts.ts';
import { escapeHtml, utcMinute } from '../app/messages.ts';
import type { Product } from '../app/ports/index.ts';

/** Fan- and admin-facing texts (English). Kept in one place so wording stays consistent. */

export const texts = {
  startButton: '▶️ Start',
  back: '⬅️ Back',
  catalogTitle: '🛒 <b>What you can buy</b>',
  catalogEmpty: 'Nothing is on sale right now. Please check back soon.',
  catalogFooter:
    'Credits pay per message (text, photo, voice…); a time pass makes every message free until it ends.',
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
  groupPending: (title: string, chatId: number, until: Date) =>
    [
      `⏳ I was added to <b>${escapeHtml(title)}</b> (<code>${chatId}</code>) and will wait there for setup until ${utcMinute(until)}.`,
      `To make it the admin group, put <code>${chatId}</code> in <code>ADMIN_GROUP_ID</code> and restart. Otherwise I leave it then.`,
    ].join('\n'),
  ownerErrorAlert: (updateId: number, message: string) =>
    `⚠️ <b>fanbridge error</b> while handling update ${updateId}:\n<code>${escapeHtml(message.slice(0, 500))}</code>\n(Further errors of this kind are muted for 10 minutes; see the logs.)`,
};

export { escapeHtml };

export function formatStars(n: number): string {
  return `⭐ ${n}`;
}

export function productLine(p: Product, withCard = false): string {
  const card = withCard && p.priceMinor !== null ? ` · 💳 ${formatMoney(p.priceMinor, p.currency)}` : '';
  return `• <b>${escapeHtml(p.title)}</b>: ${formatStars(p.priceStars)}${card}`;
}

/** The catalog; card prices only where card payments are on. */
export function catalogText(products: Product[], withCard = false): string {
  if (products.length === 0) return texts.catalogEmpty;
  const packs = products.filter((p) => p.kind === 'credits');
  const passes = products.filter((p) => p.kind === 'time');
  const sections = [texts.catalogTitle];
  if (packs.length)
    sections.push('', '💬 <b>Credit packs</b>', ...packs.map((p) => productLine(p, withCard)));
  if (passes.length)
    sections.push(
      '',
      '⏳ <b>Time passes</b> (unlimited messages)',
      ...passes.map((p) => productLine(p, withCard)),
    );
  sections.push('', texts.catalogFooter);
  return sections.join('\n');
}

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

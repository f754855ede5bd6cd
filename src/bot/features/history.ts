import { Composer, InputFile } from 'grammy';
import type { HistoryCsvWords, HistoryDetail, HistoryPage } from '../../app/accounts/history.ts';
import type { LedgerReason } from '../../app/ports/index.ts';
import { historyCsvData, historyData } from '../callback-data/index.ts';
import type { Context, TranslateFn } from '../context.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { createHistoryKeyboard } from '../keyboards/fan.ts';

/** `/history`: the fan's purchases and spending with totals, paged on one message, and a CSV export. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('history', async (ctx) => {
  const h = await ctx.services.history.page(ctx.from.id, 1);
  await ctx.reply(historyText(ctx.t, h), {
    parse_mode: 'HTML',
    reply_markup: createHistoryKeyboard(ctx.t, h),
  });
});

feature.callbackQuery(historyData.filter, async (ctx) => {
  const data = historyData.unpack(ctx.callbackQuery.data);
  if (!data || data.page < 1) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  // Pages past the end (the history cannot shrink, but the button may be tampered with) are clamped.
  const h = await ctx.services.history.page(ctx.from.id, data.page);
  await ctx.answerCallbackQuery();
  // Pressing the page already shown changes nothing.
  await editOrIgnoreUnchanged(ctx, historyText(ctx.t, h), createHistoryKeyboard(ctx.t, h));
});

feature.callbackQuery(historyCsvData.filter, async (ctx) => {
  if (!historyCsvData.unpack(ctx.callbackQuery.data)) {
    return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  }
  await ctx.answerCallbackQuery();
  const csv = await ctx.services.history.csv(ctx.from.id, csvWords(ctx.t));
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv), 'history.csv'));
});

/** One label per ledger reason. */
const REASONS: Record<LedgerReason, string> = {
  bonus: 'history-reason-bonus',
  purchase: 'history-reason-purchase',
  spend: 'history-reason-spend',
  gift: 'history-reason-gift',
  refund: 'history-reason-refund',
  dispute: 'history-reason-dispute',
  adjustment: 'history-reason-adjustment',
  auto_recharge: 'history-reason-auto-recharge',
  unlock: 'history-reason-unlock',
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** An entry's details in the reader's words (plain text: the caller escapes or quotes it). */
function detailText(t: TranslateFn, d: HistoryDetail): string {
  switch (d.kind) {
    case 'name':
      return d.name;
    case 'credits':
      return t('history-detail-credits', { count: d.count });
    case 'pass':
      return t('history-detail-pass', { duration: { duration: d.ms } });
    case 'quantity':
      return t('history-detail-quantity', { quantity: d.quantity });
    case 'stars':
      return t('history-detail-stars', { stars: d.stars });
    case 'message':
      return t('history-detail-message', { type: d.type });
    case 'album':
      return t('history-detail-album');
    case 'time_pass':
      return t('history-detail-time-pass');
    case 'welcome':
      return t('history-detail-welcome');
    case 'tutorial':
      return t('history-detail-tutorial');
    case 'reset':
      return t('history-detail-reset');
    case 'note':
      return d.text;
  }
}

/** Details as plain text (names and notes are stored text; the catalogue's parts escape nothing here). */
const detailsText = (t: TranslateFn, parts: HistoryDetail[]) =>
  parts.map((d) => unescapeHtml(detailText(t, d))).join(', ');

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function historyText(t: TranslateFn, h: HistoryPage): string {
  const { totals } = h;
  const lines = [
    t('history-title', { page: h.page, pages: h.pages }),
    t('history-totals', {
      purchased: totals.purchased,
      spent: totals.spent,
      gifted: totals.gifted,
      returned: totals.returned,
      takenBack: totals.takenBack,
    }),
    '',
  ];
  if (h.items.length === 0) lines.push(t('history-empty'));
  for (const i of h.items) {
    const args = {
      date: i.date,
      reason: { html: t(REASONS[i.reason]) },
      delta: signed(i.delta),
      balance: i.balanceAfter,
    };
    lines.push(
      i.details.length
        ? t('history-line-details', { ...args, details: detailsText(t, i.details) })
        : t('history-line', args),
    );
  }
  return lines.join('\n');
}

/** The export's column names and details in the fan's language. */
const csvWords = (t: TranslateFn): HistoryCsvWords => ({
  header: [
    t('history-csv-date'),
    t('history-csv-reason'),
    t('history-csv-credits'),
    t('history-csv-balance'),
    t('history-csv-details'),
  ],
  details: (parts) => detailsText(t, parts),
});

export const historyFeature = composer;

import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { HistoryPage } from '../../app/history.ts';
import { createCallbackData } from '../callback-data/codec.ts';
import type { Context } from '../context.ts';
import { escapeHtml, texts } from '../texts.ts';

/** `/history`: the fan's purchases and spending with totals, paged on one message, and a CSV export. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

export const historyData = createCallbackData('hist', { page: 'int' });
/** The export button; no fields, so any tampering makes it fail to decode. */
export const historyCsvData = createCallbackData('histcsv', {});

const REASONS: Record<string, string> = {
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
    `Bought ${t.bought} · spent ${t.spent} · gifts/bonus ${t.gifted} · refunded ${t.refunded}`,
    '',
  ];
  if (h.items.length === 0) lines.push('Nothing yet.');
  for (const i of h.items) {
    const date = i.date.toISOString().slice(0, 16).replace('T', ' ');
    const what = i.details ? ` (${escapeHtml(i.details)})` : '';
    lines.push(
      `${date} · ${REASONS[i.reason] ?? i.reason}${what}: <b>${signed(i.delta)}</b> → ${i.balanceAfter}`,
    );
  }
  return lines.join('\n');
}

export function historyKeyboard(h: HistoryPage): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (h.page > 1) kb.text('◀️', historyData.pack({ page: h.page - 1 }));
  if (h.page < h.pages) kb.text('▶️', historyData.pack({ page: h.page + 1 }));
  if (h.pages > 1) kb.row();
  return kb.text('📄 Export CSV', historyCsvData.pack({}));
}

feature.command('history', async (ctx) => {
  const h = await ctx.services.history.page(ctx.from.id, 1);
  await ctx.reply(historyText(h), { parse_mode: 'HTML', reply_markup: historyKeyboard(h) });
});

feature.callbackQuery(historyData.filter, async (ctx) => {
  const data = historyData.unpack(ctx.callbackQuery.data);
  if (!data || data.page < 1) return ctx.answerCallbackQuery({ text: texts.staleButton });
  // Pages past the end (the history cannot shrink, but the button may be tampered with) are clamped.
  const h = await ctx.services.history.page(ctx.from.id, data.page);
  await ctx.answerCallbackQuery();
  await ctx
    .editMessageText(historyText(h), { parse_mode: 'HTML', reply_markup: historyKeyboard(h) })
    .catch((err: unknown) => {
      // Pressing the page already shown: Telegram refuses an edit that changes nothing.
      if (!String(err).includes('message is not modified')) throw err;
    });
});

feature.callbackQuery(historyCsvData.filter, async (ctx) => {
  if (!historyCsvData.unpack(ctx.callbackQuery.data)) {
    return ctx.answerCallbackQuery({ text: texts.staleButton });
  }
  await ctx.answerCallbackQuery();
  const csv = await ctx.services.history.csv(ctx.from.id);
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv), 'history.csv'));
});

export const historyFeature = composer;

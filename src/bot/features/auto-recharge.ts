import { Composer, InlineKeyboard } from 'grammy';
import type { AutoRechargeView } from '../../app/billing/auto-recharge.ts';
import { THRESHOLD_CHOICES } from '../../app/billing/auto-recharge.ts';
import { formatMoney } from '../../domain/shared/index.ts';
import { autoRechargeData as ar } from '../callback-data/index.ts';
import type { Context, TranslateFn } from '../context.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { escapeHtml } from '../../app/messages.ts';

/** `/autorecharge`: a short guided flow on one message (on/off → pack → threshold), card saving. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

const pack = (p: { title: string; priceMinor: number | null; currency: string }) =>
  `${escapeHtml(p.title)} (${formatMoney(p.priceMinor ?? 0, p.currency)})`;

function statusText(t: TranslateFn, v: AutoRechargeView): string {
  const lines = ['🔄 <b>Auto-recharge</b>'];
  if (v.enabled && v.product && v.threshold !== null) {
    lines.push(`On: buys ${pack(v.product)} when your balance falls below ${v.threshold} credits.`);
  } else {
    lines.push('Off. Turn it on to top up automatically with a saved card when your credits run low.');
  }
  if (v.cardBlocked) lines.push(t('billing-card-blocked'));
  else
    lines.push(v.card ? `💳 Card: ${escapeHtml(v.card)} (manage it with /billing)` : '💳 No saved card yet.');
  return lines.join('\n');
}

function statusKeyboard(v: AutoRechargeView): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (v.enabled) {
    kb.text('✏️ Change', ar.pack({ action: 'on', product: 0, threshold: 0 }));
    kb.text('⏹ Turn off', ar.pack({ action: 'off', product: 0, threshold: 0 }));
  } else if (!v.cardBlocked) {
    kb.text('▶️ Turn on', ar.pack({ action: 'on', product: 0, threshold: 0 }));
  }
  return kb;
}

async function showStatus(
  ctx: Context,
  edit: boolean,
  extra?: { saveCardUrl: string | null; chargingNow: boolean },
) {
  const v = await ctx.services.autoRecharge.status(ctx.from!.id);
  if (!v.available) {
    await ctx.reply('Auto-recharge needs card payments, which are not set up here. Top up with /buy.');
    return;
  }
  let html = statusText(ctx.t, v);
  const kb = statusKeyboard(v);
  if (extra?.chargingNow) html += '\n\nYour balance is already below that, so it tops up now.';
  if (extra?.saveCardUrl) {
    html += '\n\n👉 Last step: save a card on Stripe’s secure page. Nothing is charged now.';
    kb.row().url('💳 Save a card', extra.saveCardUrl);
  }
  if (edit) await editOrIgnoreUnchanged(ctx, html, kb);
  // No button at all (card payments stopped for this fan): no keyboard.
  else
    await ctx.reply(html, {
      parse_mode: 'HTML',
      ...(kb.inline_keyboard.flat().length ? { reply_markup: kb } : {}),
    });
}

feature.command('autorecharge', (ctx) => showStatus(ctx, false));

feature.callbackQuery(ar.filter, async (ctx) => {
  const data = ar.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  const userId = ctx.from.id;
  switch (data.action) {
    case 'menu':
      await ctx.answerCallbackQuery();
      return showStatus(ctx, true);
    case 'on': {
      const v = await ctx.services.autoRecharge.status(userId);
      await ctx.answerCallbackQuery();
      if (!v.packs.length) return showStatus(ctx, true);
      const kb = new InlineKeyboard();
      for (const p of v.packs)
        kb.text(pack(p), ar.pack({ action: 'pack', product: p.id, threshold: 0 })).row();
      kb.text(ctx.t('common-back'), ar.pack({ action: 'menu', product: 0, threshold: 0 }));
      return editOrIgnoreUnchanged(ctx, '🔄 Which pack should auto-recharge buy?', kb);
    }
    case 'pack': {
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard();
      for (const n of THRESHOLD_CHOICES)
        kb.text(`< ${n}`, ar.pack({ action: 'set', product: data.product, threshold: n }));
      kb.row().text(ctx.t('common-back'), ar.pack({ action: 'on', product: 0, threshold: 0 }));
      return editOrIgnoreUnchanged(ctx, '🔄 Buy it when your balance falls below how many credits?', kb);
    }
    case 'set':
    case 'off': {
      const res = await ctx.services.autoRecharge.configure({
        userId,
        enabled: data.action === 'set',
        productId: data.product,
        threshold: data.threshold,
        botUsername: ctx.me.username,
      });
      if (!res.ok) {
        const text =
          res.code === 'unknown_pack'
            ? 'That pack is no longer sold. Please choose another.'
            : res.code === 'bad_threshold'
              ? 'That threshold is not valid. Please choose one of the buttons.'
              : res.code === 'provider_error'
                ? 'Stripe could not be reached just now. Please try again in a minute.'
                : res.code === 'card_blocked'
                  ? ctx.t('billing-card-blocked')
                  : 'Auto-recharge is not available here.';
        if (res.code === 'provider_error')
          ctx.logger.warn({ detail: res.detail }, 'auto-recharge setup failed');
        return ctx.answerCallbackQuery({ text, show_alert: true });
      }
      await ctx.answerCallbackQuery({ text: data.action === 'off' ? 'Auto-recharge is off.' : 'Saved.' });
      return showStatus(ctx, true, { saveCardUrl: res.saveCardUrl, chargingNow: res.chargingNow });
    }
  }
});

export const autoRechargeFeature = composer;
export { showStatus as showAutoRecharge };

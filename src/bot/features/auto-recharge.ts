import { Composer, InlineKeyboard } from 'grammy';
import type { AutoRechargeView } from '../../app/billing/auto-recharge.ts';
import { THRESHOLD_CHOICES } from '../../app/billing/auto-recharge.ts';
import { autoRechargeData as ar, autoRechargeKeepData } from '../callback-data/index.ts';
import type { Context, TranslateFn } from '../context.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';

/** `/autorecharge`: a short guided flow on one message (on/off → pack → threshold), card saving. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

/** A pack's title and price, as arguments of its texts. */
const pack = (p: { title: string; priceMinor: number | null; currency: string }) => ({
  title: p.title,
  price: { money: { minor: p.priceMinor ?? 0, currency: p.currency } },
});

function statusText(t: TranslateFn, v: AutoRechargeView): string {
  const lines = [t('billing-auto-title')];
  if (v.enabled && v.product && v.threshold !== null) {
    lines.push(t('billing-auto-status-on', { ...pack(v.product), threshold: v.threshold }));
  } else {
    lines.push(t('billing-auto-status-off'));
  }
  if (v.cardBlocked) lines.push(t('billing-card-blocked'));
  else lines.push(v.card ? t('billing-auto-card', { card: v.card }) : t('billing-auto-no-card-yet'));
  return lines.join('\n');
}

function statusKeyboard(t: TranslateFn, v: AutoRechargeView): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (v.enabled) {
    kb.text(t('billing-auto-change-button'), ar.pack({ action: 'on', product: 0, threshold: 0 }));
    kb.text(t('billing-auto-off-button'), ar.pack({ action: 'off', product: 0, threshold: 0 }));
  } else if (!v.cardBlocked) {
    kb.text(t('billing-auto-on-button'), ar.pack({ action: 'on', product: 0, threshold: 0 }));
  }
  return kb;
}

async function showStatus(
  ctx: Context,
  edit: boolean,
  extra?: { saveCardUrl: string | null; chargingNow: boolean },
) {
  const v = await ctx.services.autoRecharge.status(ctx.from!.id);
  if (!v.available || v.turnedOff) {
    await ctx.reply(ctx.t(v.available ? 'billing-auto-off-here' : 'billing-auto-unavailable'));
    return;
  }
  let html = statusText(ctx.t, v);
  const kb = statusKeyboard(ctx.t, v);
  if (extra?.chargingNow) html += `\n\n${ctx.t('billing-auto-charging-now')}`;
  if (extra?.saveCardUrl) {
    html += `\n\n${ctx.t('billing-auto-save-card')}`;
    kb.row().url(ctx.t('billing-auto-save-card-button'), extra.saveCardUrl);
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
        kb.text(
          ctx.t('billing-auto-pack-button', pack(p)),
          ar.pack({ action: 'pack', product: p.id, threshold: 0 }),
        ).row();
      kb.text(ctx.t('common-back'), ar.pack({ action: 'menu', product: 0, threshold: 0 }));
      return editOrIgnoreUnchanged(ctx, ctx.t('billing-auto-which-pack'), kb);
    }
    case 'pack': {
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard();
      for (const n of THRESHOLD_CHOICES)
        kb.text(`< ${n}`, ar.pack({ action: 'set', product: data.product, threshold: n }));
      kb.row().text(ctx.t('common-back'), ar.pack({ action: 'on', product: 0, threshold: 0 }));
      return editOrIgnoreUnchanged(ctx, ctx.t('billing-auto-which-threshold'), kb);
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
        const text = failureText(ctx, res.code);
        if (res.code === 'provider_error')
          ctx.logger.warn({ detail: res.detail }, 'auto-recharge setup failed');
        return ctx.answerCallbackQuery({ text, show_alert: true });
      }
      await ctx.answerCallbackQuery({
        text: ctx.t(data.action === 'off' ? 'billing-auto-turned-off' : 'billing-auto-saved'),
      });
      return showStatus(ctx, true, { saveCardUrl: res.saveCardUrl, chargingNow: res.chargingNow });
    }
  }
});

/** Why a change of auto-recharge was refused, for the fan (anything unforeseen: not available). */
const FAILURE_KEYS: Partial<Record<string, string>> = {
  unknown_pack: 'billing-auto-unknown-pack',
  turned_off: 'billing-auto-off-here',
  bad_threshold: 'billing-auto-bad-threshold',
  provider_error: 'billing-auto-provider-error',
  card_blocked: 'billing-card-blocked',
  changed: 'billing-auto-keep-changed',
};
const failureText = (ctx: Context, code: string) => ctx.t(FAILURE_KEYS[code] ?? 'billing-auto-not-available');

// Confirm under the notice that paused auto-recharge after its pack changed (its new terms are on the button).
feature.callbackQuery(autoRechargeKeepData.filter, async (ctx) => {
  const data = autoRechargeKeepData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  const res = await ctx.services.autoRecharge.keep({
    userId: ctx.from.id,
    productId: data.product,
    priceMinor: data.price,
    credits: data.credits,
    botUsername: ctx.me.username,
  });
  if (!res.ok) {
    const text = failureText(ctx, res.code);
    return ctx.answerCallbackQuery({ text, show_alert: true });
  }
  await ctx.answerCallbackQuery({ text: ctx.t('billing-auto-saved') });
  return showStatus(ctx, true, { saveCardUrl: res.saveCardUrl, chargingNow: res.chargingNow });
});

export const autoRechargeFeature = composer;
export { showStatus as showAutoRecharge };

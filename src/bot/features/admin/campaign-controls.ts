import { Composer } from 'grammy';
import { campaignData } from '../../callback-data/admin.ts';
import type { Context } from '../../context.ts';

/**
 * ⏸ Pause, ▶️ Resume and ✖️ Cancel on a campaign's live progress message (in the sender's private chat).
 * The press is answered first; the use case checks the presser's permission for the campaign's kind, and
 * the progress message is edited by the outbox with the new state (at most every 3 s, like any progress).
 */
const composer = new Composer<Context>();

composer.chatType('private').callbackQuery(campaignData.filter, async (ctx) => {
  const data = campaignData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('admin-hub-invalid') });
  await ctx.answerCallbackQuery();
  const res = await ctx.services.campaigns[data.op](ctx.from.id, data.id);
  if (res.ok) return;
  const key =
    res.code === 'not_allowed'
      ? 'admin-hub-not-allowed'
      : res.code === 'gone'
        ? 'admin-broadcast-gone'
        : 'admin-broadcast-not-running';
  await ctx.reply(ctx.t(key), { parse_mode: 'HTML' });
});

export const campaignControlsFeature = composer;

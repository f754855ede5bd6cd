import { Composer, InlineKeyboard } from 'grammy';
import { formatDuration, parseDuration } from '../../../domain/entitlement/index.ts';
import { utcMinute } from '../../../app/messages.ts';
import { cardData, giftData } from '../../callback-data/admin.ts';
import { mintNonce } from '../../callback-data/codec.ts';
import type { Context } from '../../context.ts';
import { can, isTeamMember } from '../../filters/is-admin.ts';
import { createGiftKeyboard } from '../../keyboards/admin.ts';
import { escapeHtml } from '../../texts.ts';
import {
  cardButton,
  commandKey,
  failureText,
  NOT_ALLOWED,
  replyResult,
  topicCommand,
  type TopicCommandContext,
} from './shared.ts';

/** Gifts: `/gift 10` (credits), `/gift 2h` (a time pass), the card's Gift button and its menu. */
const composer = new Composer<Context>();

async function giftCredits(ctx: TopicCommandContext, userId: number, credits: number) {
  const key = commandKey(ctx);
  const r = await ctx.services.admin.giftCredits({ adminId: ctx.from!.id, userId, credits, key });
  return replyResult(ctx, r, r.ok ? `🎁 Gifted ${credits} credits (balance ${r.balance}).` : '');
}

async function giftPass(ctx: TopicCommandContext, userId: number, seconds: number) {
  const key = commandKey(ctx);
  const r = await ctx.services.admin.giftPass({ adminId: ctx.from!.id, userId, seconds, key });
  const done = r.ok
    ? `🎁 Gifted a ${formatDuration(seconds * 1000)} pass (until ${utcMinute(r.until)}).`
    : '';
  return replyResult(ctx, r, done);
}

composer.command(
  'gift',
  topicCommand(async (ctx, userId) => {
    const arg = ctx.match.trim();
    if (/^\d+$/.test(arg)) return giftCredits(ctx, userId, Number(arg));
    const seconds = parseDuration(arg);
    if (seconds !== null) return giftPass(ctx, userId, seconds);
    if (!(await can(ctx, 'gifts.send'))) return replyResult(ctx, NOT_ALLOWED, '');
    await ctx.reply('Gift what? /gift 10 (credits) or /gift 2h, /gift 3d (a time pass).', {
      reply_markup: { inline_keyboard: createGiftKeyboard(userId, mintNonce()) },
    });
  }),
);

composer.callbackQuery(
  cardData.filter,
  cardButton(['gift'], async (ctx, data) => {
    if (!(await can(ctx, 'gifts.send')))
      return ctx.answerCallbackQuery({ text: failureText(NOT_ALLOWED), show_alert: true });
    await ctx.answerCallbackQuery();
    const threadId = ctx.callbackQuery.message?.message_thread_id;
    await ctx.reply('🎁 Gift credits or a time pass (or type /gift 15, /gift 2d):', {
      reply_markup: { inline_keyboard: createGiftKeyboard(data.user, mintNonce()) },
      ...(threadId ? { message_thread_id: threadId } : {}),
    });
  }),
);

composer.callbackQuery(giftData.filter, async (ctx) => {
  const data = giftData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: 'This button has expired.' });
  if (!(await isTeamMember(ctx)))
    return ctx.answerCallbackQuery({ text: 'Only admins can use these buttons.', show_alert: true });
  // Keyed on the menu, not the press (every press has a new id): the menu gifts once.
  const base = { adminId: ctx.from.id, userId: data.user, key: `menu:${data.menu}` };
  const res =
    data.kind === 'c'
      ? await ctx.services.admin.giftCredits({ ...base, credits: data.amount })
      : await ctx.services.admin.giftPass({ ...base, seconds: data.amount });
  if (!res.ok) return ctx.answerCallbackQuery({ text: failureText(res), show_alert: true });
  if (res.duplicate) return ctx.answerCallbackQuery({ text: 'Already gifted from this menu.' });
  const what = data.kind === 'c' ? `${data.amount} credits` : `a ${formatDuration(data.amount * 1000)} pass`;
  await ctx.answerCallbackQuery({ text: `Gifted ${what}.` });
  await ctx
    .editMessageText(`🎁 ${escapeHtml(ctx.from.first_name)} gifted ${what}.`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard(),
    })
    .catch((err: unknown) => ctx.logger.debug({ err }, 'gift message unchanged'));
});

export const giftCommand = composer;

import { Composer, InlineKeyboard } from 'grammy';
import { parseDuration } from '../../../domain/entitlement/index.ts';
import { cardData, giftData } from '../../callback-data/admin.ts';
import { mintNonce } from '../../callback-data/codec.ts';
import type { Context } from '../../context.ts';
import { can, isTeamMember } from '../../filters/is-admin.ts';
import { createGiftKeyboard } from '../../keyboards/admin.ts';
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
  return replyResult(
    ctx,
    r,
    r.ok ? ctx.t('admin-topic-gifted-credits', { credits, balance: r.balance }) : '',
  );
}

async function giftPass(ctx: TopicCommandContext, userId: number, seconds: number) {
  const key = commandKey(ctx);
  const r = await ctx.services.admin.giftPass({ adminId: ctx.from!.id, userId, seconds, key });
  const duration = { duration: seconds * 1000 };
  const done = r.ok ? ctx.t('admin-topic-gifted-pass', { duration, until: r.until }) : '';
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
    await ctx.reply(ctx.t('admin-topic-gift-what'), {
      reply_markup: { inline_keyboard: createGiftKeyboard(userId, mintNonce()) },
    });
  }),
);

composer.callbackQuery(
  cardData.filter,
  cardButton(['gift'], async (ctx, data) => {
    if (!(await can(ctx, 'gifts.send')))
      return ctx.answerCallbackQuery({ text: failureText(ctx, NOT_ALLOWED), show_alert: true });
    await ctx.answerCallbackQuery();
    const threadId = ctx.callbackQuery.message?.message_thread_id;
    await ctx.reply(ctx.t('admin-topic-gift-menu'), {
      reply_markup: { inline_keyboard: createGiftKeyboard(data.user, mintNonce()) },
      ...(threadId ? { message_thread_id: threadId } : {}),
    });
  }),
);

composer.callbackQuery(giftData.filter, async (ctx) => {
  const data = giftData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-expired') });
  if (!(await isTeamMember(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-buttons-only'), show_alert: true });
  // Keyed on the menu, not the press (every press has a new id): the menu gifts once.
  const base = { adminId: ctx.from.id, userId: data.user, key: `menu:${data.menu}` };
  const res =
    data.kind === 'c'
      ? await ctx.services.admin.giftCredits({ ...base, credits: data.amount })
      : await ctx.services.admin.giftPass({ ...base, seconds: data.amount });
  if (!res.ok) return ctx.answerCallbackQuery({ text: failureText(ctx, res), show_alert: true });
  if (res.duplicate) return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-gift-menu-used') });
  const args = {
    admin: ctx.from.first_name,
    credits: data.amount,
    duration: { duration: data.amount * 1000 },
  };
  const credits = data.kind === 'c';
  await ctx.answerCallbackQuery({
    text: ctx.t(credits ? 'admin-topic-gift-menu-credits' : 'admin-topic-gift-menu-pass', args),
  });
  await ctx
    .editMessageText(
      ctx.t(credits ? 'admin-topic-gift-menu-done-credits' : 'admin-topic-gift-menu-done-pass', args),
      {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard(),
      },
    )
    .catch((err: unknown) => ctx.logger.debug({ err }, 'gift message unchanged'));
});

export const giftCommand = composer;

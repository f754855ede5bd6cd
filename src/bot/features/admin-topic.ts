import { Composer, InlineKeyboard } from 'grammy';
import { parseDuration, formatDuration } from '../../domain/entitlement/index.ts';
import { cardData, giftData } from '../callback-data/admin.ts';
import { mintNonce } from '../callback-data/codec.ts';
import type { Context } from '../context.ts';
import { can, isTeamMember } from '../filters/is-admin.ts';
import { splitHtml } from '../helpers/split-html.ts';
import { createCardKeyboard, createGiftKeyboard } from '../keyboards/admin.ts';
import { escapeHtml } from '../texts.ts';
import { utcMinute } from '../../app/messages.ts';
import { refundSummary } from '../../app/billing/refunds.ts';

/** Admin tools inside a fan's topic: in-topic commands and the info card's buttons. */
const composer = new Composer<Context>();
const group = composer.filter(
  (ctx) => ctx.config.adminGroupId !== null && ctx.chat?.id === ctx.config.adminGroupId,
);

const USAGE = [
  "<b>In a fan's topic</b>",
  '/info · profile, payments, notes',
  '/gift 10 · gift credits · /gift 2h, /gift 3d · gift a time pass',
  '/ban · /unban',
  '/refund 12 · refund payment 12, Stars or card (ids in /info)',
  '/note text · a private note (shown in /info)',
  "/close · /reopen the topic (the fan's next message reopens it too)",
].join('\n');

type Failure = { ok: false; code: string; detail?: string };
const failureText = (f: Failure) =>
  f.code === 'not_admin'
    ? 'Only admins can do that.'
    : f.code === 'unknown_fan'
      ? "This is not a fan's topic."
      : `That does not work: ${f.detail ?? f.code}.`;

/** Resolves the fan of the topic the command was sent in, answering when there is none. */
async function topicFan(ctx: Context): Promise<number | null> {
  const threadId = ctx.msg?.message_thread_id;
  const fan =
    threadId !== undefined && ctx.msg?.is_topic_message
      ? await ctx.services.admin.fanOfTopic(ctx.chat!.id, threadId)
      : null;
  if (fan === null) await ctx.reply(`Use this inside a fan's topic.\n\n${USAGE}`, { parse_mode: 'HTML' });
  return fan;
}

const key = (ctx: Context) => `${ctx.chat!.id}:${ctx.msg!.message_id}`;

/** The fan's profile, in as many messages as it takes (long notes can pass Telegram's 4096 characters). */
async function sendInfo(ctx: Context, html: string, other: { replyTo?: number; threadId?: number }) {
  for (const [i, part] of splitHtml(html).entries()) {
    await ctx.reply(part, {
      parse_mode: 'HTML',
      ...(i === 0 && other.replyTo ? { reply_parameters: { message_id: other.replyTo } } : {}),
      ...(other.threadId ? { message_thread_id: other.threadId } : {}),
    });
  }
}

group.command(['info', 'gift', 'ban', 'unban', 'note', 'close', 'reopen', 'refund'], async (ctx) => {
  if (!(await isTeamMember(ctx))) return; // other members' commands are ignored, like their messages
  const userId = await topicFan(ctx);
  if (userId === null) return;
  const adminId = ctx.from!.id;
  const arg = ctx.match.trim();
  const name = ctx.message!.text.split(/[\s@]/, 1)[0]!.slice(1);
  let res: { ok: true } | Failure;
  let done = '👌';
  switch (name) {
    case 'info': {
      const info = await ctx.services.admin.fanInfo({ adminId, userId });
      if (info.ok) return void (await sendInfo(ctx, info.html, { replyTo: ctx.msg.message_id }));
      res = info;
      break;
    }
    case 'gift': {
      if (/^\d+$/.test(arg)) {
        const r = await ctx.services.admin.giftCredits({
          adminId,
          userId,
          credits: Number(arg),
          key: key(ctx),
        });
        res = r;
        if (r.ok) done = `🎁 Gifted ${arg} credits (balance ${r.balance}).`;
      } else if (parseDuration(arg) !== null) {
        const seconds = parseDuration(arg)!;
        const r = await ctx.services.admin.giftPass({ adminId, userId, seconds, key: key(ctx) });
        res = r;
        if (r.ok) done = `🎁 Gifted a ${formatDuration(seconds * 1000)} pass (until ${utcMinute(r.until)}).`;
      } else if (!(await can(ctx, 'gifts.send'))) {
        res = { ok: false, code: 'not_admin' };
      } else {
        return void (await ctx.reply('Gift what? /gift 10 (credits) or /gift 2h, /gift 3d (a time pass).', {
          reply_markup: { inline_keyboard: createGiftKeyboard(userId, mintNonce()) },
        }));
      }
      break;
    }
    case 'ban':
    case 'unban': {
      const r = await ctx.services.admin.setBan({ adminId, userId, banned: name === 'ban', key: key(ctx) });
      res = r;
      if (r.ok)
        done = r.changed
          ? name === 'ban'
            ? '🚫 Banned: their messages are refused.'
            : '🔓 Unbanned.'
          : `Already ${name}ned.`;
      break;
    }
    case 'refund': {
      const id = /^#?(\d{1,15})$/.exec(arg)?.[1];
      if (!id) return void (await ctx.reply('Refund which payment? /refund 12 (the ids are in /info).'));
      const r = await ctx.services.refunds.refund({ adminId, userId, paymentId: Number(id), key: key(ctx) });
      const reply = (text: string) =>
        ctx.reply(text, { reply_parameters: { message_id: ctx.msg.message_id } });
      if (r.rail === 'stripe') {
        const text = r.ok
          ? `↩️ Refund of ${r.amount} (payment #${id}) sent to Stripe. The fan's credits are adjusted, and the fan told, when Stripe confirms it.`
          : r.code === 'provider_error'
            ? `Stripe refused the refund: ${r.detail ?? 'unknown error'}.`
            : r.code === 'not_refundable'
              ? `Payment #${id} cannot be refunded: ${r.detail ?? 'it is not paid'}.`
              : null;
        if (text) return void (await reply(text));
        res = r;
        break;
      }
      if (!r.ok) {
        const why =
          r.code === 'telegram_error'
            ? `Telegram refused the refund: ${r.detail ?? 'unknown error'}.`
            : r.code === 'already_refunded'
              ? `Payment #${id} was already refunded: nothing changed.`
              : r.code === 'pending'
                ? `⏳ Telegram did not answer, so it is not known yet whether payment #${id} was refunded. It is being asked again; the result will be posted here.`
                : null;
        if (why) return void (await reply(why));
        res = r;
        break;
      }
      return void (await ctx.reply(`↩️ ${refundSummary({ id: Number(id) }, r)}`, {
        parse_mode: 'HTML',
        reply_parameters: { message_id: ctx.msg.message_id },
      }));
    }
    case 'note':
      if (!arg) return void (await ctx.reply('Add the note after the command: /note prefers voice messages'));
      res = await ctx.services.admin.addNote({ adminId, userId, text: arg });
      if (res.ok) done = '📝 Noted.';
      break;
    default:
      res = await ctx.services.admin.setTopicOpen({
        adminId,
        userId,
        open: name === 'reopen',
        key: key(ctx),
      });
      if (res.ok) done = name === 'close' ? '🔒 Closing the topic.' : '🔓 Reopening the topic.';
  }
  await ctx.reply(res.ok ? done : failureText(res), {
    reply_parameters: { message_id: ctx.msg.message_id },
  });
});

group.callbackQuery(cardData.filter, async (ctx) => {
  const data = cardData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: 'This button has expired.' });
  if (!(await isTeamMember(ctx)))
    return ctx.answerCallbackQuery({ text: 'Only admins can use these buttons.', show_alert: true });
  const adminId = ctx.from.id;
  const threadId = ctx.callbackQuery.message?.message_thread_id;
  switch (data.action) {
    case 'info': {
      const info = await ctx.services.admin.fanInfo({ adminId, userId: data.user });
      if (!info.ok) return ctx.answerCallbackQuery({ text: failureText(info), show_alert: true });
      await ctx.answerCallbackQuery();
      await sendInfo(ctx, info.html, threadId ? { threadId } : {});
      return;
    }
    case 'gift':
      if (!(await can(ctx, 'gifts.send')))
        return ctx.answerCallbackQuery({
          text: failureText({ ok: false, code: 'not_admin' }),
          show_alert: true,
        });
      await ctx.answerCallbackQuery();
      await ctx.reply('🎁 Gift credits or a time pass (or type /gift 15, /gift 2d):', {
        reply_markup: { inline_keyboard: createGiftKeyboard(data.user, mintNonce()) },
        ...(threadId ? { message_thread_id: threadId } : {}),
      });
      return;
    default: {
      const banned = data.action === 'ban';
      const res = await ctx.services.admin.setBan({
        adminId,
        userId: data.user,
        banned,
        key: `cb:${ctx.callbackQuery.id}`,
      });
      if (!res.ok) return ctx.answerCallbackQuery({ text: failureText(res), show_alert: true });
      await ctx.answerCallbackQuery({
        text: res.changed ? (banned ? 'Banned.' : 'Unbanned.') : `Already ${data.action}ned.`,
      });
      // Flip the button at once: a direct answer to the admin's own press (the numbers wait for the throttle).
      await ctx
        .editMessageReplyMarkup({
          reply_markup: { inline_keyboard: createCardKeyboard({ id: data.user, isBanned: banned }) },
        })
        .catch((err: unknown) => ctx.logger.debug({ err }, 'card buttons unchanged'));
    }
  }
});

group.callbackQuery(giftData.filter, async (ctx) => {
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

export const adminTopicFeature = composer;

import { Composer } from 'grammy';
import { albumItemRefusedText, bannedText, insufficientText, unsupportedText } from '../../app/messages.ts';
import type { Context } from '../context.ts';
import { createBuyCreditsKeyboard } from '../keyboards/fan.ts';
import { messageType } from '../helpers/message-type.ts';
import { notifyOwners } from '../helpers/owners.ts';

/** Media whose copy can carry the 💳 mark in its caption. */
const CAPTIONED = ['photo', 'video', 'document', 'audio', 'voice', 'animation'];

const composer = new Composer<Context>();
// Fans' own messages: private chats, anything but commands (commands have their own features).
const feature = composer.chatType('private').drop((ctx) => ctx.message?.text?.startsWith('/') ?? false);

feature.on('message', async (ctx, next) => {
  const type = messageType(ctx.message);
  if (type === null) return next(); // a service message, not fan content
  // The message a bare /paysupport asked for: free, marked 💳 (text, or a medium with a caption).
  if (ctx.account?.supportRequestedAt) {
    const m = ctx.message;
    const captioned = CAPTIONED.includes(type);
    if ((type === 'text' || captioned) && m.media_group_id === undefined) {
      const res = await ctx.services.support.takeAwaited(
        {
          userId: ctx.from.id,
          chatId: ctx.chat.id,
          messageId: m.message_id,
          ...(type === 'text' ? { text: m.text ?? '' } : { caption: m.caption ?? '' }),
        },
        ctx.account,
      );
      if (res?.ok) return;
      if (res?.code === 'limit')
        return void (await ctx.reply(ctx.t('legal-paysupport-limit', { perDay: res.perDay })));
    }
  }
  if (ctx.config.adminGroupId === null) return refuseUntilSetUp(ctx);

  // Typing while the bot works; purely cosmetic, so a failure is ignored.
  ctx.replyWithChatAction('typing').catch(() => {});
  const res = await ctx.services.acceptFanMessage({
    userId: ctx.from.id,
    chatId: ctx.chat.id,
    messageId: ctx.message.message_id,
    type,
    mediaGroupId: ctx.message.media_group_id,
  });
  if (res.ok) return; // the receipt follows through the outbox, after the relay is queued
  const reply = {
    reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    parse_mode: 'HTML' as const,
  };
  switch (res.code) {
    case 'banned':
      return void (await ctx.reply(bannedText, reply));
    case 'unsupported_type':
      return void (await ctx.reply(unsupportedText(res.allowed), reply));
    case 'insufficient_credits':
      return void (await ctx.reply(
        // An album item says so: the fan sees which item was left out (the reply points at it).
        (ctx.message.media_group_id ? albumItemRefusedText : insufficientText)(type, res.cost, res.balance),
        {
          ...reply,
          reply_markup: createBuyCreditsKeyboard(),
        },
      ));
    case 'not_open':
      return refuseUntilSetUp(ctx);
  }
});

/** Not set up yet: refuse politely, store and charge nothing, and tell the owner once how to finish. */
async function refuseUntilSetUp(ctx: Context): Promise<void> {
  await ctx.reply(ctx.t('common-not-open-yet'));
  if (!(await ctx.services.claimOnce('notice:setup-admin-group'))) return;
  await notifyOwners(
    ctx,
    (locale) => ctx.translate(locale, 'admin-setup-needed', { bot: ctx.me.username }),
    'a fan wrote but ADMIN_GROUP_ID is not set',
  );
}

export const fanRelayFeature = composer;

import { Composer } from 'grammy';
import type { PricedType } from '../../domain/pricing/index.ts';
import type { Context, TranslateFn } from '../context.ts';
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
  if (ctx.config.adminGroupIds.length === 0) return refuseUntilSetUp(ctx);

  // Typing while the bot works; purely cosmetic, so a failure is ignored.
  ctx.replyWithChatAction('typing').catch(() => {});
  const res = await ctx.services.acceptFanMessage({
    userId: ctx.from.id,
    chatId: ctx.chat.id,
    messageId: ctx.message.message_id,
    type,
    mediaGroupId: ctx.message.media_group_id,
    text: ctx.message.text ?? ctx.message.caption,
    replyToMessageId: ctx.message.reply_to_message?.message_id,
    // The fan's row as this update read it: charged from it, in one statement, while it is unchanged.
    ...(ctx.account && ctx.accountVersion
      ? { seen: { user: ctx.account, version: ctx.accountVersion } }
      : {}),
  });
  if (res.ok) return; // the receipt follows through the outbox, after the relay is queued
  const reply = {
    reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    parse_mode: 'HTML' as const,
  };
  switch (res.code) {
    case 'paused':
      return void (await ctx.reply(ctx.t('relay-paused'), reply));
    case 'banned':
      return void (await ctx.reply(ctx.t('relay-banned'), reply));
    case 'unsupported_type':
      return void (await ctx.reply(unsupportedText(ctx.t, res.allowed), reply));
    case 'insufficient_credits':
      return void (await ctx.reply(
        // An album item says so: the fan sees which item was left out (the reply points at it).
        ctx.t(ctx.message.media_group_id ? 'relay-album-item-refused' : 'relay-insufficient', {
          type: typeLabel(ctx.t, type),
          cost: res.cost,
          balance: res.balance,
        }),
        {
          ...reply,
          reply_markup: createBuyCreditsKeyboard(ctx.t),
        },
      ));
    case 'not_open':
      return refuseUntilSetUp(ctx);
  }
});

/** Not set up yet: refuse politely, store and charge nothing, and tell the owner once how to finish. */
async function refuseUntilSetUp(ctx: Context): Promise<void> {
  await ctx.reply(ctx.t('relay-not-open'));
  if (!(await ctx.services.claimOnce('notice:setup-admin-group'))) return;
  // Each owner reads it in their own language.
  await notifyOwners(
    ctx,
    (locale) => ctx.translate(locale, 'relay-setup-needed', { bot: ctx.me.username }),
    'a fan wrote but no admin group is set up',
  );
}

/** Message types as fans read them ("A photo costs 3 credits"); a type without a name is shown as is. */
const TYPE_KEYS: Record<string, string> = {
  text: 'relay-type-text',
  photo: 'relay-type-photo',
  voice: 'relay-type-voice',
  video: 'relay-type-video',
  video_note: 'relay-type-video-note',
  document: 'relay-type-document',
  audio: 'relay-type-audio',
  animation: 'relay-type-animation',
  sticker: 'relay-type-sticker',
};

export const typeLabel = (t: TranslateFn, type: string) => {
  const key = TYPE_KEYS[type];
  return key ? t(key) : type.replace(/_/g, ' ');
};

/** The price list, or that nothing is accepted right now. */
function unsupportedText(t: TranslateFn, allowed: PricedType[]): string {
  if (allowed.length === 0) return t('relay-closed');
  const list = allowed.map((a) => t('relay-price-line', { type: typeLabel(t, a.type), cost: a.cost }));
  return t('relay-unsupported', { list: { html: list.join('\n') } });
}

export const fanRelayFeature = composer;

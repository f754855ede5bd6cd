import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { texts } from '../texts.ts';

const composer = new Composer<Context>();
// Fans' own messages: private chats, anything but commands (commands have their own features).
const feature = composer.chatType('private').drop((ctx) => ctx.message?.text?.startsWith('/') ?? false);

feature.on('message', async (ctx, next) => {
  if (ctx.config.adminGroupId !== null) return next();
  // Not set up yet: refuse politely, store and charge nothing, and tell the owner once how to finish.
  await ctx.reply(texts.notOpenYet);
  if (await ctx.services.claimOnce('notice:setup-admin-group')) {
    if (ctx.config.adminUserIds.length === 0) {
      ctx.logger.warn('a fan wrote but ADMIN_GROUP_ID is not set (and no ADMIN_USER_IDS to tell)');
      return;
    }
    for (const owner of ctx.config.adminUserIds) {
      await ctx.api
        .sendMessage(owner, texts.setupNeeded(ctx.me.username), { parse_mode: 'HTML' })
        .catch((err: unknown) => ctx.logger.warn({ err, owner }, 'setup notice not delivered'));
    }
  }
});

export const fanRelayFeature = composer;

import { Composer } from 'grammy';
import { publishMemberCommands } from '../../../commands.ts';
import type { Context } from '../../../context.ts';

/**
 * `/claim <code>` in a private chat: the code printed at start makes the sender the owner of a bot that
 * has none. Once there is an owner the command does not exist for anyone (answered as unknown).
 */
const composer = new Composer<Context>();

composer.chatType('private').command('claim', async (ctx, next) => {
  const res = await ctx.services.hub.claim({ userId: ctx.from.id, code: ctx.match });
  if (res.ok) {
    await ctx.reply(ctx.t('admin-claim-done', { bot: ctx.me.username }), { parse_mode: 'HTML' });
    await publishMemberCommands(
      ctx.api,
      { t: ctx.translate },
      ctx.logger,
      { id: ctx.from.id, locale: ctx.locale, role: 'owner' },
      { cardPayments: ctx.services.billing.enabled },
    );
    return;
  }
  switch (res.code) {
    case 'closed':
      return next();
    case 'already_owner':
      return ctx.reply(ctx.t('admin-claim-already'), { parse_mode: 'HTML' });
    case 'missing':
      return ctx.reply(ctx.t('admin-claim-missing'), { parse_mode: 'HTML' });
    case 'invalid':
      return ctx.reply(ctx.t('admin-claim-invalid'), { parse_mode: 'HTML' });
    case 'slow_down':
      return ctx.reply(ctx.t('admin-claim-slow-down', { seconds: res.retryAfterSeconds }), {
        parse_mode: 'HTML',
      });
  }
});

export const claimCommand = composer;

import type { MiddlewareFn } from 'grammy';
import type { Context } from '../context.ts';

/**
 * Processes each update id at most once (Telegram redelivers on webhook retries and restarts) and
 * refreshes the sender's profile. Bots and channel posts have no human sender to record.
 */
export const trackUpdate: MiddlewareFn<Context> = async (ctx, next) => {
  const from = ctx.from && !ctx.from.is_bot ? ctx.from : null;
  const result = await ctx.services.trackUpdate(
    ctx.update.update_id,
    from && {
      id: from.id,
      firstName: from.first_name,
      lastName: from.last_name,
      username: from.username,
      languageCode: from.language_code,
    },
    { privateMessage: ctx.chat?.type === 'private' && ctx.message !== undefined },
  );
  if (result.duplicate) {
    ctx.logger.info('duplicate update ignored');
    return;
  }
  ctx.account = result.user;
  await next();
};

import type { MiddlewareFn } from 'grammy';
import type { RateLimitBucket } from '../../app/system/rate-limits.ts';
import { cardPayData, historyCsvData } from '../callback-data/index.ts';
import type { Context } from '../context.ts';
import { isTeamMember } from '../filters/is-admin.ts';

/**
 * What an update costs us for free: a command in a private chat or a button press, the heavy ones
 * (a Checkout Session, the CSV export) in a bucket of their own. Everything else passes uncounted:
 * fans' paid messages, payments and pre-checkout queries, edits, membership changes.
 */
function bucketOf(ctx: Context): RateLimitBucket | null {
  const data = ctx.callbackQuery?.data;
  if (ctx.callbackQuery) {
    if (data && cardPayData.filter.test(data)) return 'checkout';
    if (data && historyCsvData.filter.test(data)) return 'export';
    return 'interaction';
  }
  if (ctx.chat?.type === 'private' && ctx.message?.text?.startsWith('/')) return 'interaction';
  return null;
}

/**
 * Bounds free commands and buttons per user (counted in the database, so across replicas); the team
 * (owners and stored members) is not limited. The first refusal in a window says when to come back,
 * later ones are silent; a refused button is still answered so its spinner stops.
 */
export const rateLimit: MiddlewareFn<Context> = async (ctx, next) => {
  const bucket = bucketOf(ctx);
  if (bucket === null || !ctx.from || (await isTeamMember(ctx))) return next();
  const res = await ctx.services.limits.hit(ctx.from.id, bucket);
  if (res.allowed) return next();
  ctx.logger.info({ bucket, notify: res.notify }, 'rate limited');
  const text = res.notify ? ctx.t('common-slow-down', { seconds: res.retryAfterSeconds }) : null;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery(text ? { text } : {});
  else if (text) await ctx.reply(text);
};

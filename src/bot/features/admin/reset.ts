import { Composer } from 'grammy';
import type { ResetResult } from '../../../app/admin/reset.ts';
import type { Context } from '../../context.ts';
import { inAdminGroup } from '../../filters/admin-group.ts';
import { can } from '../../filters/is-admin.ts';
import { commandKey, topicCommand } from './shared.ts';

/**
 * `/reset` for test accounts (owners: `accounts.reset`): `/reset <user id> [force]` in the owner's private
 * chat, or `/reset [force]` in the fan's topic. To anyone else in private it is an unknown command.
 */
const composer = new Composer<Context>();

/** `123 force`, `force`, `123`: the id (where one is expected) and whether it is forced. */
function parseArgs(text: string, withId: boolean): { userId: number | null; force: boolean } | null {
  const m = (withId ? /^(\d{1,15})(?:\s+(force))?$/i : /^()(force)?$/i).exec(text.trim());
  if (!m) return null;
  return { userId: withId ? Number(m[1]) : null, force: m[2] !== undefined };
}

function resultText(ctx: Context, res: ResetResult, userId: number): string {
  if (res.ok)
    return res.status === 'duplicate'
      ? ctx.t('admin-reset-duplicate')
      : ctx.t('admin-reset-done', {
          id: String(userId),
          credits: res.removedCredits,
          pass: res.passCleared ? 'yes' : 'no',
          payments: res.payments,
        });
  if (res.code === 'has_payments')
    return ctx.t('admin-reset-has-payments', { id: String(userId), payments: res.payments });
  return ctx.t(res.code === 'not_admin' ? 'admin-reset-not-allowed' : 'admin-reset-unknown', {
    id: String(userId),
  });
}

composer.chatType('private').command('reset', async (ctx, next) => {
  if (!(await can(ctx, 'accounts.reset'))) return next();
  const args = parseArgs(ctx.match, true);
  if (!args?.userId) return ctx.reply(ctx.t('admin-reset-usage'), { parse_mode: 'HTML' });
  const res = await ctx.services.admin.resetAccount({
    adminId: ctx.from.id,
    userId: args.userId,
    force: args.force,
    key: commandKey(ctx),
  });
  await ctx.reply(resultText(ctx, res, args.userId), { parse_mode: 'HTML' });
});

composer.filter(inAdminGroup).command(
  'reset',
  topicCommand(async (ctx, userId) => {
    const reply = { parse_mode: 'HTML' as const, reply_parameters: { message_id: ctx.msg.message_id } };
    const args = parseArgs(ctx.match, false);
    if (!args) return ctx.reply(ctx.t('admin-reset-usage'), reply);
    const res = await ctx.services.admin.resetAccount({
      adminId: ctx.from!.id,
      userId,
      force: args.force,
      key: commandKey(ctx),
    });
    await ctx.reply(resultText(ctx, res, userId), reply);
  }),
);

export const resetFeature = composer;

import type { Context } from '../context.ts';

/**
 * Sends an HTML message to every owner's private chat. A failure is logged, never thrown; with no
 * owners configured the message goes to the log instead.
 */
export async function notifyOwners(ctx: Context, html: string, what: string): Promise<void> {
  const owners = ctx.config.adminUserIds;
  if (owners.length === 0) {
    ctx.logger.warn({ what }, 'no ADMIN_USER_IDS to tell');
    return;
  }
  for (const owner of owners) {
    await ctx.api
      .sendMessage(owner, html, { parse_mode: 'HTML' })
      .catch((err: unknown) => ctx.logger.warn({ err, owner, what }, 'owner message not delivered'));
  }
}

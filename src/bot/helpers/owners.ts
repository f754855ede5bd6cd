import { DEFAULT_LOCALE, type Locale } from '../../domain/shared/index.ts';
import type { Context } from '../context.ts';

/**
 * Sends an HTML message to every owner's private chat, each in their own language (`render` makes it
 * in one). A failure is logged, never thrown; with no owners configured the message goes to the log
 * instead.
 */
export async function notifyOwners(
  ctx: Context,
  render: (locale: Locale) => string,
  what: string,
): Promise<void> {
  const owners = ctx.config.adminUserIds;
  if (owners.length === 0) {
    ctx.logger.warn({ what }, 'no ADMIN_USER_IDS to tell');
    return;
  }
  const locales = await ctx.services
    .localesOf(owners)
    .catch(() => owners.map((id) => ({ id, locale: DEFAULT_LOCALE })));
  for (const { id: owner, locale } of locales) {
    await ctx.api
      .sendMessage(owner, render(locale), { parse_mode: 'HTML' })
      .catch((err: unknown) => ctx.logger.warn({ err, owner, what }, 'owner message not delivered'));
  }
}

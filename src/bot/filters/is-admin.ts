import type { Context } from '../context.ts';

/** The sender is one of the owners (`ADMIN_USER_IDS`); use cases re-check on their side too. */
export const isAdmin = (ctx: Context): boolean =>
  ctx.from !== undefined && ctx.config.adminUserIds.includes(ctx.from.id);

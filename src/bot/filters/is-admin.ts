import type { Permission } from '../../app/ports/index.ts';
import type { Context } from '../context.ts';

/**
 * The sender is on the team (an owner, or a stored agent, manager or owner). Anyone else in the admin
 * group is ignored, as if they had not written.
 */
export const isTeamMember = async (ctx: Context): Promise<boolean> =>
  ctx.from !== undefined && (await ctx.services.access.roleOf(ctx.from.id)) !== null;

/** The sender holds `permission` (use cases ask again on their side: a button can be pressed by anyone). */
export const can = async (ctx: Context, permission: Permission): Promise<boolean> =>
  ctx.from !== undefined && (await ctx.services.access.can(ctx.from.id, permission));

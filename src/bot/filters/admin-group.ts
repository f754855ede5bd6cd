import type { BotConfig, Context } from '../context.ts';

/** Whether `chatId` is one of the configured admin groups (any of them: each serves its own fans). */
export const isAdminGroupId = (config: BotConfig, chatId: number | undefined): boolean =>
  chatId !== undefined && config.adminGroupIds.includes(chatId);

/** The update comes from an admin group. */
export const inAdminGroup = (ctx: Context): boolean => isAdminGroupId(ctx.config, ctx.chat?.id);

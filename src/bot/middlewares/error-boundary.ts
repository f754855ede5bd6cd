import { GrammyError, HttpError, type BotError } from 'grammy';
import type { Context } from '../context.ts';
import { notifyOwners } from '../helpers/owners.ts';
import { texts } from '../texts.ts';

/**
 * Logs with the update id, apologises to the fan (in private chats), and alerts the owners in their
 * private chats at most once per error kind per 10 minutes. Nothing here may throw.
 */
export async function handleBotError(err: BotError<Context>): Promise<void> {
  const ctx = err.ctx;
  const error = err.error;
  const logger = ctx.logger ?? console;
  const kind =
    error instanceof GrammyError
      ? `telegram-${error.error_code}`
      : error instanceof HttpError
        ? 'telegram-network'
        : ((error as Error)?.name ?? 'error');
  logger.error({ err: error, update_id: ctx.update.update_id, kind }, 'update handler failed');

  if (ctx.chat?.type === 'private') {
    await ctx
      .reply(texts.genericError)
      .catch((e: unknown) => logger.warn({ err: e }, 'could not apologise to the fan'));
  } else if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: texts.genericError }).catch(() => {});
  }
  await alertOwners(
    ctx,
    kind,
    texts.ownerErrorAlert(ctx.update.update_id, String((error as Error)?.message ?? error)),
  );
}

async function alertOwners(ctx: Context, kind: string, html: string): Promise<void> {
  // Dependencies may be missing if the failure came before they were attached.
  if (!ctx.config || !ctx.services || ctx.config.adminUserIds.length === 0) return;
  try {
    if (await ctx.services.claimAlertSlot(kind)) await notifyOwners(ctx, html, `error alert ${kind}`);
  } catch (e) {
    ctx.logger.warn({ err: e }, 'owner alert skipped');
  }
}

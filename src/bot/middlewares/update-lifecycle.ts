import { GrammyError, HttpError, type MiddlewareFn } from 'grammy';
import type { Update } from 'grammy/types';
import type { IncomingPaymentUpdate } from '../../app/system/updates.ts';
import { DuplicateUpdateError, updateScope, type UpdateScope } from '../../app/system/update-scope.ts';
import type { Locale } from '../../domain/shared/index.ts';
import type { Context } from '../context.ts';
import { inAdminGroup } from '../filters/admin-group.ts';
import { accountLocale } from './attach-deps.ts';
import { notifyOwners } from '../helpers/owners.ts';
import { scrubPatterns } from '../../logging/redact.ts';

/**
 * Thrown out of `bot.handleUpdate` when the update failed before its effects committed and should run
 * again: the webhook answers 5xx (Telegram redelivers), polling retries in-process (bot/processor.ts).
 */
export class RetryUpdateError extends Error {
  override name = 'RetryUpdateError';
  constructor(
    readonly updateId: number,
    readonly attempts: number | null,
    override readonly cause: unknown,
  ) {
    super(`update ${updateId} failed${attempts ? ` (attempt ${attempts})` : ''}; it will be retried`);
  }
}

/** The Telegram payment update inside `update`, if it is one (see middlewares/payment-inbox.ts). */
export function paymentUpdateOf(update: Update): IncomingPaymentUpdate | null {
  const raw = update as unknown as Record<string, unknown>;
  const m = update.message;
  if (m?.successful_payment && m.from)
    return {
      kind: 'successful_payment',
      updateId: update.update_id,
      userId: m.from.id,
      chargeId: m.successful_payment.telegram_payment_charge_id,
      payload: m.successful_payment.invoice_payload,
      raw,
    };
  if (m?.refunded_payment && m.from)
    return {
      kind: 'refunded_payment',
      updateId: update.update_id,
      userId: m.from.id,
      chargeId: m.refunded_payment.telegram_payment_charge_id,
      payload: m.refunded_payment.invoice_payload,
      raw,
    };
  if (update.purchased_paid_media)
    return {
      kind: 'purchased_paid_media',
      updateId: update.update_id,
      userId: update.purchased_paid_media.from.id,
      chargeId: null,
      payload: update.purchased_paid_media.paid_media_payload,
      raw,
    };
  return null;
}

/** Whose profile to keep: people in private chats and in the admin groups, never members of other groups. */
function profileOf(ctx: Context) {
  const from = ctx.from && !ctx.from.is_bot ? ctx.from : null;
  if (!from) return null;
  // Anyone may type the bot's @username anywhere: that makes no account (the team's exist already).
  if (ctx.inlineQuery || ctx.chosenInlineResult) return null;
  if (ctx.chat && ctx.chat.type !== 'private' && !inAdminGroup(ctx)) return null;
  return {
    id: from.id,
    firstName: from.first_name,
    lastName: from.last_name,
    username: from.username,
    languageCode: from.language_code,
  };
}

/**
 * Every update's life, around all features (docs/ARCHITECTURE.md, "Update lifecycle"):
 * 1. a payment update is logged with its charge id before anything else;
 * 2. a redelivery of an update whose handling committed is dropped, and the sender's profile refreshed;
 * 3. the handler runs inside the update's scope: its first transaction claims the update with its
 *    effects; a handler that wrote nothing claims after it answered;
 * 4. a failure before the claim is counted outside the rolled-back transaction and retried (5xx, or
 *    in-process when polling) until the last attempt parks it in the dead letter with one owner alert.
 */
export const updateLifecycle: MiddlewareFn<Context> = async (ctx, next) => {
  const updateId = ctx.update.update_id;
  const payment = paymentUpdateOf(ctx.update);
  if (payment) {
    ctx.logger.info(
      { kind: payment.kind, chargeId: payment.chargeId, userId: payment.userId, payload: payment.payload },
      'payment update received',
    );
  }
  const scope: UpdateScope = { updateId, claimed: false };
  try {
    const begin = await ctx.services.updates.begin(updateId, profileOf(ctx), {
      privateMessage: ctx.chat?.type === 'private' && ctx.message !== undefined,
    });
    if (begin.duplicate) {
      ctx.logger.info('duplicate update ignored');
      return;
    }
    ctx.account = begin.user;
    ctx.accountVersion = begin.version ?? null;
    ctx.openFlow = begin.openFlow;
    // In a private chat the person's own language (chosen, or given at first contact) wins.
    if (begin.user && ctx.chat?.type !== 'supergroup' && ctx.chat?.type !== 'group')
      ctx.useLocale(accountLocale(begin.user));
    await updateScope.run(scope, () => next());
    if (!scope.claimed) await ctx.services.updates.claim(updateId);
  } catch (err) {
    await onFailure(ctx, scope, err);
  }
};

/** Telegram refused our own call for good (a bad request, a blocked chat): running it again changes nothing. */
const isPermanent = (err: unknown) =>
  err instanceof GrammyError && err.error_code !== 429 && err.error_code < 500;

async function onFailure(ctx: Context, scope: UpdateScope, err: unknown): Promise<void> {
  const updateId = scope.updateId;
  if (err instanceof DuplicateUpdateError) {
    ctx.logger.info('duplicate update ignored (it raced its redelivery)');
    return;
  }
  const kind = errorKind(err);
  // Scrubbed of anything that looks like a token or a key before it goes anywhere (the owners' alert,
  // the error log; the log lines are scrubbed by the logger).
  const message = scrubPatterns(err instanceof Error ? err.message : String(err));
  const record = () => ctx.services.errorLog.record({ kind, message, updateId });
  if (scope.claimed || isPermanent(err)) {
    // Its effects committed (a reply failed afterwards), or Telegram refused for good: nothing to retry.
    ctx.logger.error({ err, kind, claimed: scope.claimed }, 'update handler failed; not retried');
    if (!scope.claimed) await ctx.services.updates.claim(updateId).catch(() => false);
    await record();
    await apologise(ctx);
    await alertOwners(ctx, kind, (locale) =>
      ctx.translate(locale, 'admin-setup-error-alert', {
        updateId: String(updateId),
        message: message.slice(0, 500),
      }),
    );
    return;
  }
  let decision;
  try {
    decision = await ctx.services.updates.noteFailure({
      updateId,
      raw: ctx.update as unknown as Record<string, unknown>,
      error: `${kind}: ${message}`,
      kind: updateKind(ctx.update),
    });
  } catch (noted) {
    // The database is away too: nothing counted, nothing lost; Telegram (or the poller) tries again.
    ctx.logger.error({ err, noteError: noted }, 'update handler failed and the failure could not be counted');
    throw new RetryUpdateError(updateId, null, err);
  }
  await record();
  if (decision.action === 'retry') {
    ctx.logger.warn({ err, kind, attempt: decision.attempts }, 'update handler failed; it will be retried');
    throw new RetryUpdateError(updateId, decision.attempts, err);
  }
  ctx.logger.error(
    { err, kind, attempts: decision.attempts },
    'update handler failed for the last time: parked in failed_updates',
  );
  await apologise(ctx);
}

/** The person who is waiting hears that something went wrong (never a claim about charges). */
async function apologise(ctx: Context): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t('common-error') }).catch(() => {});
  } else if (ctx.chat?.type === 'private') {
    await ctx
      .reply(ctx.t('common-error'))
      .catch((e: unknown) => ctx.logger.warn({ err: e }, 'could not apologise to the fan'));
  }
}

/** Owners in their private chats, at most once per error kind per 10 minutes. Never throws. */
async function alertOwners(ctx: Context, kind: string, render: (locale: Locale) => string): Promise<void> {
  if (ctx.config.adminUserIds.length === 0) return;
  try {
    if (await ctx.services.claimAlertSlot(kind)) await notifyOwners(ctx, render, `error alert ${kind}`);
  } catch (e) {
    ctx.logger.warn({ err: e }, 'owner alert skipped');
  }
}

function errorKind(error: unknown): string {
  if (error instanceof GrammyError) return `telegram-${error.error_code}`;
  if (error instanceof HttpError) return 'telegram-network';
  return (error as Error)?.name ?? 'error';
}

/** `message`, `callback_query`…: what the update carried (for the owners' alert). */
function updateKind(update: Update): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'update';
}

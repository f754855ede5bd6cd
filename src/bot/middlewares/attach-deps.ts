import type { MiddlewareFn } from 'grammy';
import { withLogFields } from '../../logging/context.ts';
import { isLocale, negotiateLocale, type Locale } from '../../domain/shared/index.ts';
import type { BotDeps, Context } from '../context.ts';
import { isAdminGroupId } from '../filters/admin-group.ts';

/**
 * The one place dependencies reach handlers: services, config, the logger and `ctx.t`; what follows runs
 * with the update's id on every log line.
 */
export function attachDeps(deps: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    ctx.services = deps.services;
    // The admin groups for this update: the configured ones and those set up with /setup (from memory
    // while fresh; a /setup on any replica is seen at once), so filters can ask synchronously.
    ctx.config = { ...deps.config, adminGroupIds: await deps.services.groups.ids() };
    // Every line written while this update is handled carries its id, whichever logger writes it.
    ctx.logger = deps.logger;
    ctx.account = null;
    const inGroup = ctx.chat !== undefined && ctx.chat.type !== 'private';
    setLocale(
      ctx,
      deps,
      inGroup && isAdminGroupId(ctx.config, ctx.chat.id)
        ? await deps.groupLocale()
        : negotiateLocale(ctx.from?.language_code),
    );
    return withLogFields({ update_id: ctx.update.update_id }, next);
  };
}

function setLocale(ctx: Context, deps: Pick<BotDeps, 'translator'>, locale: Locale): void {
  ctx.locale = locale;
  ctx.t = (key, args) => deps.translator.t(locale, key, args);
  ctx.useLocale = (next) => setLocale(ctx, deps, next);
  ctx.translate = (l, key, args) => deps.translator.t(l, key, args);
}

/** The language a person chose (or was given at first contact); their Telegram setting for older rows. */
export function accountLocale(account: { locale: string | null; languageCode: string | null }): Locale {
  return isLocale(account.locale) ? account.locale : negotiateLocale(account.languageCode);
}

import type { MiddlewareFn } from 'grammy';
import type { BotDeps, Context } from '../context.ts';

/** The one place dependencies reach handlers: services, config and an update-tagged logger. */
export function attachDeps(deps: BotDeps): MiddlewareFn<Context> {
  return (ctx, next) => {
    ctx.services = deps.services;
    ctx.config = deps.config;
    ctx.logger = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.account = null;
    return next();
  };
}

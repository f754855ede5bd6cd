import { Composer, type Context as GrammyContext, type Middleware, type MiddlewareFn } from 'grammy';

/**
 * grammY's `Composer.branch`, behind every `on`, `filter`, `drop`, `command`, `callbackQuery`, `hears`
 * and `chatType`, goes through `lazy`: for every update, at every branch it passes, it builds a new
 * `Composer` and its middleware chain for the side it took. A fan's message passes some 18 features, so
 * that was grammY's largest share of the app's allocations (docs/BENCHMARKS.md, "grammY's branches
 * without a Composer per update"). This `branch` picks between the same two sides, each turned into a
 * function once: a composer side stays late-bound (`flatten` in grammY calls its `middleware()` at each
 * run), so handlers added to a filtered composer after `branch` ran still run. Installed once, before the
 * features build their composers (`src/bot/index.ts` imports this module first); grammY is pinned, and
 * `test/bot/branching.test.ts` holds this to grammY's own behaviour.
 */
function flatten<C extends GrammyContext>(mw: Middleware<C>): MiddlewareFn<C> {
  return typeof mw === 'function' ? mw : (ctx, next) => mw.middleware()(ctx, next);
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  (typeof v === 'object' || typeof v === 'function') &&
  v !== null &&
  typeof (v as { then?: unknown }).then === 'function';

function branch<C extends GrammyContext>(
  this: Composer<C>,
  predicate: (ctx: C) => boolean | Promise<boolean>,
  trueMiddleware: Middleware<C> | Middleware<C>[],
  falseMiddleware: Middleware<C> | Middleware<C>[],
): Composer<C> {
  const side = (mw: Middleware<C> | Middleware<C>[]): MiddlewareFn<C> =>
    Array.isArray(mw) ? flatten(new Composer(...mw)) : flatten(mw);
  const whenTrue = side(trueMiddleware);
  const whenFalse = side(falseMiddleware);
  // No async frame of its own: a synchronous predicate (most are) costs no promise here, and grammY's
  // chain awaits what the side returns (a synchronous throw becomes its rejection there, as before).
  // (Any value a predicate answers is taken as grammY takes it: awaited if it is a promise, then truthy.)
  return this.use((ctx, next) => {
    const taken: unknown = predicate(ctx);
    if (isThenable(taken)) return taken.then((yes) => (yes ? whenTrue : whenFalse)(ctx, next));
    return (taken ? whenTrue : whenFalse)(ctx, next);
  });
}

/** grammY's own `branch`, kept for the test that holds this one to it. */
// eslint-disable-next-line @typescript-eslint/unbound-method -- installed back on Composer.prototype, never called loose
export const lazyBranch = Composer.prototype.branch;

/** Puts the branch above (or, given, another) on every Composer, and so on the Bot; idempotent. */
export function installBranching(impl: typeof Composer.prototype.branch = branch as typeof lazyBranch): void {
  Composer.prototype.branch = impl;
}

installBranching();

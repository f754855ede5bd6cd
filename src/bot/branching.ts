import {
  Composer,
  type Context as GrammyContext,
  type Middleware,
  type MiddlewareFn,
  type NextFunction,
} from 'grammy';

/**
 * grammY's `Composer.branch`, behind every `on`, `filter`, `drop`, `command`, `callbackQuery`, `hears`
 * and `chatType`, goes through `lazy`: for every update, at every branch it passes, it builds a new
 * `Composer` and its middleware chain for the side it took. A fan's message passes some 18 features, so
 * that was grammY's largest share of the app's allocations (docs/BENCHMARKS.md, "grammY's branches
 * without a Composer per update"). This `branch` picks between the same two sides, each turned into a
 * function once: a composer side stays late-bound (`flatten` in grammY calls its `middleware()` at each
 * run), so handlers added to a filtered composer after `branch` ran still run. `use` and `drop` below
 * do the same for the chain itself (docs/BENCHMARKS.md, "grammY's middleware chain without promises per
 * layer"). Installed once, before the features build their composers (`src/bot/index.ts` imports this
 * module first); grammY is pinned, and `test/bot/branching.test.ts` holds these to grammY's own behaviour.
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

/**
 * A composer's middleware in one array, walked by index: grammY's `use` nests each new middleware in a
 * `concat` (two async functions, four promises per layer per update, and every layer an update passes
 * costs them): about 95 layers an update, two thirds of the app's promises. Each step here calls its
 * middleware with a `next` that runs the following one, and costs no promise of its own unless a
 * middleware answers synchronously; as in grammY, a step always answers a promise (a synchronous throw
 * is its rejection) and `next` called twice rejects.
 */
function sequence<C extends GrammyContext>(chain: readonly MiddlewareFn<C>[]): MiddlewareFn<C> {
  const step = (i: number, ctx: C, next: NextFunction): Promise<unknown> => {
    try {
      if (i === chain.length) return next();
      let called = false;
      // (`Promise.resolve` gives a native promise back as it is: only a synchronous answer costs one.)
      return Promise.resolve(
        chain[i]!(ctx, () => {
          if (called) return Promise.reject(new Error('`next` already called before!'));
          called = true;
          return step(i + 1, ctx, next) as Promise<void>;
        }),
      );
    } catch (err) {
      // Whatever the middleware threw, as a rejection: what grammY's async `concat` makes of it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- not ours to wrap
      return Promise.reject(err);
    }
  };
  return (ctx, next) => step(0, ctx, next);
}

/** The middleware grammY gives a composer with none (its `pass`), to start a sequence from nothing. */
const PASS = new Composer().middleware();
/** Each sequence's array, by the handler walking it. */
const sequences = new WeakMap<MiddlewareFn<never>, readonly MiddlewareFn<never>[]>();

function use<C extends GrammyContext>(this: Composer<C>, ...middleware: Middleware<C>[]): Composer<C> {
  // As grammY's own: a composer of what was given (several in one sequence), appended late-bound.
  const composer = middleware.length <= 1 ? new Composer<C>(...middleware) : new Composer<C>();
  if (middleware.length > 1) for (const mw of middleware) composer.use(mw);
  const self = this as unknown as { handler: MiddlewareFn<C> };
  const before =
    (sequences.get(self.handler) as readonly MiddlewareFn<C>[] | undefined) ??
    (self.handler === PASS ? [] : [self.handler]);
  // A new array and handler, as grammY's `concat` makes a new handler: one taken from `middleware()`
  // before this `use` keeps running what it ran (this runs once per `use`, while the bot is built).
  const chain = [...before, flatten(composer)];
  self.handler = sequence(chain);
  sequences.set(self.handler, chain);
  return composer;
}

/** grammY's `drop` negates through an async function (two promises a call); this negates as it answers. */
function drop<C extends GrammyContext>(
  this: Composer<C>,
  predicate: (ctx: C) => boolean | Promise<boolean>,
  ...middleware: Middleware<C>[]
): Composer<C> {
  return this.filter(
    (ctx) => {
      const taken: unknown = predicate(ctx);
      return isThenable(taken) ? Promise.resolve(taken).then((yes) => !yes) : !taken;
    },
    ...middleware,
  );
}

/** grammY's own methods, kept for the test that holds these to them. */
/* eslint-disable @typescript-eslint/unbound-method -- installed back on Composer.prototype, never called loose */
const grammys = {
  branch: Composer.prototype.branch,
  use: Composer.prototype.use,
  drop: Composer.prototype.drop,
};
/* eslint-enable @typescript-eslint/unbound-method */
const ours = { branch, use, drop };

/** Puts these `branch`, `use` and `drop` (or grammY's own back) on every Composer, and so on the Bot. */
export function installBranching(which: 'ours' | 'grammY' = 'ours'): void {
  Object.assign(Composer.prototype, which === 'ours' ? ours : grammys);
}

installBranching();

import { asyncSlot } from './async-scope.ts';

/**
 * The Telegram update being handled, while its handler runs. The update is claimed (its id recorded as
 * processed) by the FIRST transaction its handler commits, inside that transaction (db/repos/index.ts
 * `createUnitOfWork`): the claim commits with the handler's effects or not at all, so a failure before
 * the effects leaves the update unclaimed and Telegram's redelivery (or the polling retry) runs it again.
 * A handler with no database effect claims after it replied (bot/middlewares/update-lifecycle.ts).
 */
export interface UpdateScope {
  readonly updateId: number;
  /** True once a transaction carrying the claim committed. */
  claimed: boolean;
}

/** The update was claimed by someone else first: a redelivery racing the original. Nothing changed. */
export class DuplicateUpdateError extends Error {
  override name = 'DuplicateUpdateError';
  constructor(readonly updateId: number) {
    super(`update ${updateId} was already processed`);
  }
}

const slot = asyncSlot<UpdateScope>();

export const updateScope = {
  run<T>(scope: UpdateScope, fn: () => Promise<T>): Promise<T> {
    return slot.run(scope, fn);
  },
  /** The update whose handler is running here, if it still needs its claim. */
  unclaimed(): UpdateScope | null {
    const scope = slot.get();
    return scope && !scope.claimed ? scope : null;
  },
  current(): UpdateScope | null {
    return slot.get() ?? null;
  },
  /** Work started by a handler but not part of its update (run in the background): it claims nothing. */
  outside<T>(fn: () => Promise<T>): Promise<T> {
    return slot.run(undefined, fn);
  },
};

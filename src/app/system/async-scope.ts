import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What code running now inherits from the work it serves (the Telegram update being handled,
 * app/system/update-scope.ts; the log fields of that update or request, logging/context.ts), each under a
 * slot of its own, all in the process's one AsyncLocalStorage. One store, not one per concern: on Node 20
 * a store in use hooks every promise the process creates, and each further store adds its own step to
 * every hook (docs/BENCHMARKS.md, "What AsyncLocalStorage costs"). Anything else that must follow the
 * code across awaits takes a slot here, or is passed along explicitly (the outbox sender's tally).
 */
const storage = new AsyncLocalStorage<ReadonlyMap<AsyncSlot<unknown>, unknown>>();

export interface AsyncSlot<T> {
  /** The value the code running now inherited (undefined outside any `run` of this slot). */
  get(): T | undefined;
  /** Runs `fn` with the slot set to `value` (undefined: unset); the other slots stay as they are. */
  run<R>(value: T | undefined, fn: () => R): R;
}

export function asyncSlot<T>(): AsyncSlot<T> {
  const slot: AsyncSlot<T> = {
    get: () => storage.getStore()?.get(slot) as T | undefined,
    run(value, fn) {
      const frame = new Map(storage.getStore());
      if (value === undefined) frame.delete(slot);
      else frame.set(slot, value);
      return storage.run(frame, fn);
    },
  };
  return slot;
}

/**
 * The context code runs in now (every slot as it is here), to run work in later from elsewhere: a batch
 * that runs one of its members' work alone (app/relay/batch.ts) runs it as that member's.
 */
export function captureSlots(): <R>(fn: () => R) => R {
  const frame = storage.getStore();
  return (fn) => (frame ? storage.run(frame, fn) : storage.exit(fn));
}

/** Runs `fn` with no slot set: work that belongs to no one update or request. */
export function outsideSlots<R>(fn: () => R): R {
  return storage.exit(fn);
}

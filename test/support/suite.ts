import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { TestApp } from './app.ts';
import type { FakeTelegram } from './fake-telegram/index.ts';

/**
 * The usual suite around one running app: started once (`start`, then `ready` with what it returned,
 * e.g. to bind `fake` and `t`), stopped after the file, and after every test the fake Bot API's spec
 * check and `npm run ledger:check` (through the same use case) must be clean. `afterEach` adds a check.
 */
export function useApp<S extends { fake: FakeTelegram; t: TestApp; stop(): Promise<void> }>(
  start: () => Promise<S>,
  ready: (stack: S) => unknown,
  opts: { afterEach?: (stack: S) => void | Promise<void> } = {},
): void {
  let stack: S;
  beforeAll(async () => {
    stack = await start();
    await ready(stack);
  });
  afterAll(() => stack.stop());
  afterEach(async () => {
    stack.fake.assertNoViolations();
    await opts.afterEach?.(stack);
    expect((await stack.t.app.deps.services.checkLedger()).ok).toBe(true);
  });
}

import { describe, expect, it } from 'vitest';
import type { ChatLease } from '../../app/ports/index.ts';
import { ChatHeld } from '../../app/outbox/policy.ts';
import { createLogger } from '../../logger.ts';
import { createFloodGuard } from './flood-guard.ts';

/**
 * The chat send lease as one process uses it (shared mode): taken once for calls that wait behind each
 * other, given back when none waits, renewed when half of it is gone. The store is a map that behaves as
 * `outbox_budgets.sending_until` does (test/integration/db/flood-guard-replicas.int.test.ts has two
 * processes on PostgreSQL).
 */
function setup(leaseMs = 10_000) {
  // Real time (the guard sleeps between looks at another holder's lease) plus what a test skips ahead.
  const t0 = Date.now();
  let clock = 1_000_000;
  const leases = new Map<number, number>();
  const log: string[] = [];
  const store = {
    async takeChat(chatId: number, at: Date, until: Date): Promise<ChatLease> {
      const held = leases.get(chatId) ?? 0;
      if (held > at.getTime()) return { taken: false, blockedUntil: 0, sendingUntil: held };
      leases.set(chatId, until.getTime());
      log.push(`take ${chatId}`);
      return { taken: true };
    },
    async releaseChat(chatId: number, until: Date) {
      if (leases.get(chatId) === until.getTime()) leases.delete(chatId);
      log.push(`release ${chatId}`);
    },
    async blockChat() {},
    async recordSend() {},
  };
  const guard = createFloodGuard({
    store,
    clock: { now: () => new Date(clock + Date.now() - t0) },
    logger: createLogger('silent'),
    shared: true,
    leaseMs,
    pollMs: 1,
  });
  const call = (chatId: number, work: () => Promise<void> = async () => {}) =>
    guard.outboxCall(chatId, async () => {
      log.push(`send ${chatId}`);
      await work();
    });
  return { guard, call, log, leases, advance: (ms: number) => (clock += ms) };
}

describe('the chat send lease in one process (shared mode)', () => {
  it('calls waiting behind each other share one lease, given back after the last', async () => {
    const { call, log, leases } = setup();
    await Promise.all([call(-100), call(-100), call(-100)]);
    expect(log).toEqual(['take -100', 'send -100', 'send -100', 'send -100', 'release -100']);
    expect(leases.size).toBe(0);
  });

  it('one call at a time takes and gives back its own', async () => {
    const { call, log } = setup();
    await call(7);
    await call(7);
    expect(log).toEqual(['take 7', 'send 7', 'release 7', 'take 7', 'send 7', 'release 7']);
  });

  it('renews a lease once half of it is gone (given back, then taken afresh)', async () => {
    const { call, log, advance } = setup(10_000);
    await Promise.all([
      call(-100, async () => void advance(3_000)),
      call(-100, async () => void advance(3_000)),
      call(-100),
    ]);
    expect(log).toEqual([
      'take -100',
      'send -100',
      'send -100', // 7 s left after the first: still used
      'release -100', // 4 s left: renewed
      'take -100',
      'send -100',
      'release -100',
    ]);
  });

  it('chats are independent; a failed call still gives the lease back', async () => {
    const { call, log, leases } = setup();
    const failing = call(1, async () => {
      throw new Error('network');
    });
    await Promise.all([expect(failing).rejects.toThrow('network'), call(2)]);
    expect(log.filter((l) => l.startsWith('take')).sort()).toEqual(['take 1', 'take 2']);
    expect(log.filter((l) => l.startsWith('release')).sort()).toEqual(['release 1', 'release 2']);
    expect(leases.size).toBe(0);
  });

  it("another holder's lease is waited for, then refused as ChatHeld once it outlives the wait", async () => {
    const { call, leases, advance } = setup(50);
    leases.set(9, 1_000_000 + 10_000); // another replica's, for 10 s
    let sent = false;
    const err = await call(9, async () => {
      sent = true;
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatHeld);
    expect(sent).toBe(false);
    // Its end passed: taken.
    advance(10_000);
    await call(9);
    expect(leases.size).toBe(0);
  });
});

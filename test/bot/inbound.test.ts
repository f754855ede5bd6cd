import { describe, expect, it, vi } from 'vitest';
import type { Update } from 'grammy/types';
import type { InboundUpdatesStore } from '../../src/app/ports/updates.ts';
import { createInboundDrainer, laneOf } from '../../src/bot/inbound.ts';
import { createLogger } from '../../src/logger.ts';
import { callbackQuery, command, fanUser, groupTopicMessage, preCheckoutQuery } from '../support/updates.ts';

const GROUP = -1001234567890;

describe('laneOf: which stored updates run one after the other', () => {
  const ada = fanUser(7001);
  const bo = fanUser(7002);

  it("a fan's messages, button presses and payment questions share the fan's lane", () => {
    const text = command(ada, '/start');
    const press = callbackQuery(ada, 'x', text.message!);
    const pay = preCheckoutQuery(ada, { payload: 'p', total_amount: 10 });
    expect(new Set([laneOf(text), laneOf(press), laneOf(pay)])).toEqual(new Set(['7001']));
    expect(laneOf(command(bo, '/start'))).toBe('7002');
  });

  it('each topic of a group is its own lane; a group without a topic is one lane', () => {
    const inTopic = groupTopicMessage(GROUP, 11, ada, 'hi');
    const otherTopic = groupTopicMessage(GROUP, 12, ada, 'hi');
    expect(laneOf(inTopic)).toBe(`${GROUP}:11`);
    expect(laneOf(otherTopic)).toBe(`${GROUP}:12`);
    expect(laneOf(callbackQuery(ada, 'x', inTopic.message!))).toBe(`${GROUP}:11`);
    const membership = {
      update_id: 5,
      my_chat_member: { chat: { id: GROUP, type: 'supergroup', title: 'g' }, from: ada, date: 0 },
    } as unknown as Update;
    expect(laneOf(membership)).toBe(String(GROUP));
  });

  it('an update naming neither a chat nor a person runs alone; junk never throws', () => {
    expect(laneOf({ update_id: 9 })).toBe('update:9');
    expect(laneOf({ update_id: 10, message: null, poll: { id: 'p' } } as unknown as Update)).toBe(
      'update:10',
    );
    expect(laneOf({ update_id: 11, message: { chat: { id: '7001' } } } as unknown as Update)).toBe(
      'update:11',
    );
  });
});

/** An in-memory store with the same claim rule as db/repos/inbound.ts (heads of their lanes, due, unleased). */
function memoryStore() {
  const claims: number[] = [];
  const rows = new Map<
    number,
    { lane: string; raw: Record<string, unknown>; attempts: number; notBefore: number; leaseUntil: number }
  >();
  const store: InboundUpdatesStore = {
    async store(id, lane, raw) {
      if (rows.has(id)) return false;
      rows.set(id, { lane, raw, attempts: 0, notBefore: 0, leaseUntil: 0 });
      return true;
    },
    async claim(limit, leaseMs, now, done = []) {
      claims.push(limit);
      for (const id of done) rows.delete(id);
      const at = now.getTime();
      const heads = new Map<string, number>();
      for (const id of [...rows.keys()].sort((a, b) => a - b)) {
        const lane = rows.get(id)!.lane;
        if (!heads.has(lane)) heads.set(lane, id);
      }
      const due = [...heads.values()]
        .filter((id) => rows.get(id)!.notBefore <= at && rows.get(id)!.leaseUntil < at)
        .sort((a, b) => a - b)
        .slice(0, limit);
      return due.map((id) => {
        const r = rows.get(id)!;
        r.leaseUntil = at + leaseMs;
        r.attempts++;
        return { updateId: id, lane: r.lane, raw: r.raw, attempts: r.attempts };
      });
    },
    async done(ids) {
      for (const id of ids) rows.delete(id);
    },
    async retryAt(id, at) {
      const r = rows.get(id)!;
      r.leaseUntil = 0;
      r.notBefore = at.getTime();
    },
    async nextDueAt() {
      return rows.size
        ? new Date(Math.min(...[...rows.values()].map((r) => Math.max(r.notBefore, r.leaseUntil))))
        : null;
    },
    async count() {
      return rows.size;
    },
  };
  return { store, rows, claims };
}

const silent = createLogger({ level: 'silent' });
const text = (id: number, chat: number) =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, text: 'x' },
  }) as unknown as Update;

describe('the stored-update drainer', () => {
  it('runs few at once while updates come in, all its slots after; in order within a lane; retries in place', async () => {
    const { store, rows } = memoryStore();
    let running = 0;
    let most = 0;
    let mostWhileBusy = 0;
    let accepting = true;
    const order: number[] = [];
    const failedOnce = new Set<number>();
    const drainer = createInboundDrainer(
      store,
      async (u) => {
        running++;
        most = Math.max(most, running);
        if (accepting) mostWhileBusy = Math.max(mostWhileBusy, running);
        await new Promise((r) => setTimeout(r, u.update_id > 30 ? 100 : 15));
        running--;
        // Update 3 fails once: it runs again before the rest of its lane.
        if (u.update_id === 3 && !failedOnce.has(3)) {
          failedOnce.add(3);
          return 'retry';
        }
        order.push(u.update_id);
        return 'done';
      },
      silent,
      { slots: 6, busySlots: 2, busyWindowMs: 300, retryDelaysMs: [30], pollMs: 1_000 },
    );
    drainer.start();
    // Updates 1..30 in 3 lanes (chats 1, 2, 3), one every 5 ms.
    for (let id = 1; id <= 30; id++) {
      await drainer.accept(text(id, (id % 3) + 1));
      await new Promise((r) => setTimeout(r, 5));
    }
    accepting = false;
    // Then 12 slower ones in 12 lanes at once: 2 at a time at first, all 6 slots once the burst is over.
    await new Promise((r) => setTimeout(r, 350));
    for (let id = 31; id <= 42; id++) await drainer.accept(text(id, 100 + id));
    await vi.waitFor(() => expect(rows.size).toBe(0), { timeout: 5_000, interval: 10 });
    await drainer.stop();

    expect(mostWhileBusy).toBeLessThanOrEqual(2);
    expect(most).toBeGreaterThan(2);
    expect(most).toBeLessThanOrEqual(6);
    expect(new Set(order).size).toBe(42);
    for (const lane of [1, 2, 3]) {
      const ids = order.filter((id) => id <= 30 && (id % 3) + 1 === lane);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    expect(failedOnce.has(3)).toBe(true);
  });

  it('reads ahead: a burst handled one at a time costs a claim per readAhead + 1 updates, in arrival order', async () => {
    const { store, rows, claims } = memoryStore();
    const order: number[] = [];
    const drainer = createInboundDrainer(
      store,
      async (u) => {
        await new Promise((r) => setTimeout(r, 2));
        order.push(u.update_id);
        return 'done';
      },
      silent,
      { slots: 1, busySlots: 1, readAhead: 4, pollMs: 1_000 },
    );
    // 20 updates in 20 lanes stored before the drainer starts, then 10 more in the lanes of the first 10.
    for (let id = 1; id <= 20; id++) await drainer.accept(text(id, 200 + id));
    for (let id = 21; id <= 30; id++) await drainer.accept(text(id, 200 + id - 20));
    drainer.start();
    await vi.waitFor(() => expect(rows.size).toBe(0), { timeout: 5_000, interval: 5 });
    await drainer.stop();
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // Every claim asked for the free slot and four ahead; 30 updates took 6 claims that found any.
    expect(new Set(claims)).toEqual(new Set([5]));
    expect(claims.length).toBeLessThanOrEqual(8);
  });

  it('gives back a head read ahead that waited half its lease, and the ones not started when it stops', async () => {
    const { store, rows } = memoryStore();
    const givenBack: number[] = [];
    const retryAt = store.retryAt.bind(store);
    store.retryAt = (id, at) => {
      givenBack.push(id);
      return retryAt(id, at);
    };
    const order: number[] = [];
    let release: () => void = () => {};
    const first = new Promise<void>((r) => (release = r));
    const drainer = createInboundDrainer(
      store,
      async (u) => {
        if (u.update_id === 1) await first;
        order.push(u.update_id);
        return 'done';
      },
      silent,
      { slots: 1, busySlots: 1, readAhead: 3, leaseMs: 200, pollMs: 50 },
    );
    for (let id = 1; id <= 4; id++) await drainer.accept(text(id, 300 + id));
    drainer.start();
    // Update 1 holds the one slot for longer than half the lease: 2..4 were read ahead and are given back
    // (due again, unleased) rather than run on a lease about to end; then claimed again and run once each.
    await new Promise((r) => setTimeout(r, 150));
    release();
    await vi.waitFor(() => expect(order).toEqual([1, 2, 3, 4]), { timeout: 3_000, interval: 5 });
    expect(givenBack).toEqual([2, 3, 4]);
    await drainer.stop();
    givenBack.length = 0;

    // Stopping with heads read ahead: they are given back due now, not left leased.
    let hold: () => void = () => {};
    const held = new Promise<void>((r) => (hold = r));
    const second = createInboundDrainer(
      store,
      async () => {
        await held;
        return 'done';
      },
      silent,
      { slots: 1, busySlots: 1, readAhead: 3, leaseMs: 60_000, pollMs: 1_000 },
    );
    for (let id = 11; id <= 14; id++) await second.accept(text(id, 400 + id));
    second.start();
    await vi.waitFor(() => expect(rows.get(14)?.leaseUntil).toBeGreaterThan(0), {
      timeout: 1_000,
      interval: 5,
    });
    const stopping = second.stop();
    hold();
    await stopping;
    expect(givenBack).toEqual([12, 13, 14]);
    expect([...rows.keys()].sort()).toEqual([12, 13, 14]);
    for (const id of [12, 13, 14]) expect(rows.get(id)!.leaseUntil).toBe(0);
  });
});

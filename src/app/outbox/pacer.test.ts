import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer.ts';

/** A clock that moves only when the pacer sleeps: each send's start time is exactly what it waited for. */
function virtualTime() {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    advance: (ms: number) => (t += ms),
    slept,
  };
}

const budgets = {
  private: { limit: 1, windowMs: 1_150 },
  group: { limit: 20, windowMs: 66_050 },
  global: { limit: 30, windowMs: 1_150 },
};

describe('the pacer', () => {
  it('lets 30 sends to different chats start at once and holds the 31st until the first leaves the window', async () => {
    const time = virtualTime();
    const pacer = createPacer(budgets, time);
    for (let chat = 1; chat <= 30; chat++) await pacer.slot(chat);
    expect(time.now()).toBe(0);
    await pacer.slot(31);
    expect(time.now()).toBe(1_150);
  });

  it('never lets more than the global budget start within one window, whatever the order of chats', async () => {
    const time = virtualTime();
    const pacer = createPacer(budgets, time);
    const starts: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.slot(1_000 + i);
      starts.push(time.now());
      if (i % 7 === 0) time.advance(40);
    }
    for (const s of starts) {
      expect(starts.filter((x) => x >= s && x < s + budgets.global.windowMs).length).toBeLessThanOrEqual(30);
    }
  });

  it('spaces sends to one private chat by its window, and a group by 20 per window', async () => {
    const time = virtualTime();
    const pacer = createPacer(budgets, time);
    await pacer.slot(7);
    await pacer.slot(7);
    expect(time.now()).toBe(1_150);

    const gt = virtualTime();
    const g = createPacer(budgets, gt);
    for (let i = 0; i < 20; i++) await g.slot(-100);
    expect(gt.now()).toBe(0);
    await g.slot(-100);
    expect(gt.now()).toBe(66_050);
  });

  it('does not hold a direct answer, but makes the next outbox send to that chat wait for it', async () => {
    const time = virtualTime();
    const pacer = createPacer(budgets, time);
    pacer.note(9);
    pacer.note(9);
    expect(time.now()).toBe(0);
    time.advance(500);
    await pacer.slot(9);
    expect(time.now()).toBe(1_150);
  });

  it('forgets chats whose windows have passed once it remembers many (a broadcast to thousands)', async () => {
    const time = virtualTime();
    const pacer = createPacer({ ...budgets, global: { limit: 1_000_000, windowMs: 1_150 } }, time);
    for (let chat = 1; chat <= 5_000; chat++) {
      await pacer.slot(chat);
      time.advance(1);
    }
    // Only chats within their window are kept (about 1,150 here, one new chat a millisecond).
    expect(pacer.size()).toBeLessThan(2_000 + 1);
    expect(time.slept).toEqual([]);
    // One seen just now still waits its window.
    await pacer.slot(5_000);
    expect(time.slept).toEqual([1_150 - 1]);
  });
});

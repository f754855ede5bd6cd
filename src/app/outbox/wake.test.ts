import { describe, expect, it } from 'vitest';
import { lanes } from './lanes.ts';
import { createWakeFilter } from './wake.ts';

const GROUP = -100;
const FAN = 7;
const T = 10_000;
const now = 1_000;
const relay = { lane: lanes.topic(FAN), chatId: GROUP, budgeted: true };
const receipt = { lane: lanes.fan(FAN), chatId: FAN, budgeted: true };
const reaction = { lane: lanes.topic(FAN), chatId: GROUP, budgeted: false };
const nothingInFlight = () => false;

/** A filter after a claim that saw every due head and left the group held until T. */
function groupHeld() {
  const w = createWakeFilter();
  w.claimed({ chats: new Map([[GROUP, T]]), all: 0, complete: true });
  return w;
}

describe('which wakes need a claim', () => {
  it('before any claim, every wake claims now', () => {
    const w = createWakeFilter();
    expect(w.queued([relay], nothingInFlight, now)).toBe(0);
    expect(w.finished(relay, true, now)).toBe(0);
  });

  it('an item queued into a held chat waits until the chat frees; one into a free chat claims now', () => {
    const w = groupHeld();
    expect(w.queued([relay], nothingInFlight, now)).toBe(T);
    expect(w.queued([relay, receipt], nothingInFlight, now)).toBe(0);
    // Once the hold has run out, it claims at once.
    expect(w.queued([relay], nothingInFlight, T)).toBe(0);
  });

  it('an item not due yet (a throttled render) claims when it is due, or when its chat frees if later', () => {
    const w = groupHeld();
    const inbox = { lane: lanes.inbox(), chatId: GROUP, budgeted: true };
    expect(w.queued([{ ...inbox, dueAt: T + 500 }], nothingInFlight, now)).toBe(T + 500);
    expect(w.queued([{ ...inbox, dueAt: T - 500 }], nothingInFlight, now)).toBe(T);
    expect(w.queued([{ ...receipt, dueAt: now + 200 }], nothingInFlight, now)).toBe(now + 200);
    // A pending item made due (its lane unknown here): a claim then.
    expect(w.queued([{ dueAt: now + 300 }], nothingInFlight, now)).toBe(now + 300);
    expect(w.queued([{ dueAt: now }], nothingInFlight, now)).toBe(0);
  });

  it('the bot held (its global budget) holds every chat', () => {
    const w = createWakeFilter();
    w.claimed({ chats: new Map(), all: T, complete: true });
    expect(w.queued([receipt], nothingInFlight, now)).toBe(T);
    expect(w.finished(receipt, true, now)).toBe(T);
  });

  it('an item that spends no budget claims now, whatever holds its chat', () => {
    expect(groupHeld().queued([reaction], nothingInFlight, now)).toBe(0);
  });

  it('an item behind a send in flight here waits for that send; a free one makes its finish claim', () => {
    const w = groupHeld();
    const inFlight = (lane: string) => lane === relay.lane;
    expect(w.queued([relay], inFlight, now)).toBe(Infinity);
    expect(w.queued([reaction], inFlight, now)).toBe(Infinity);
    expect(w.finished(relay, true, now)).toBe(0);
    // Only once: the next finish in the held chat waits again.
    expect(w.finished(relay, true, now)).toBe(T);
  });

  it('a finished send claims now when it failed, when the claim did not see every head, or when its lane mixes chats', () => {
    const w = groupHeld();
    expect(w.finished(relay, true, now)).toBe(T);
    expect(w.finished(relay, false, now)).toBe(0);
    expect(w.finished({ lane: 'campaign:3:5', chatId: GROUP }, true, now)).toBe(0);
    expect(w.finished(receipt, true, now)).toBe(0);
    w.claimed({ chats: new Map([[GROUP, T]]), all: 0, complete: false });
    expect(w.finished(relay, true, now)).toBe(0);
  });

  it('a campaign lane never counts as held behind its send in flight (its next item is another fan)', () => {
    const w = groupHeld();
    const lane = 'campaign:3:5';
    expect(w.queued([{ lane, chatId: FAN, budgeted: true }], (l) => l === lane, now)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { lanes } from './lanes.ts';
import { OUTBOX_CLASS, RELAXED_WAKE_MS, relaxedWake } from './policy.ts';
import { createWakeFilter, queuedSend } from './wake.ts';

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

describe('what can wait a moment wakes the sender on a grid', () => {
  const STEP = RELAXED_WAKE_MS;
  const notice = { ...receipt, relaxed: true };
  const reply = { ...receipt };
  const fanHeld = (until: number) => {
    const w = createWakeFilter();
    w.claimed({ chats: new Map([[FAN, until]]), all: 0, complete: true });
    return w;
  };

  it('the grid: the first step at or after the moment, never before it', () => {
    for (const at of [0, 1, STEP - 1, STEP, STEP + 1, 12_345, 1_765_000_000_123]) {
      expect(relaxedWake(at)).toBeGreaterThanOrEqual(at);
      expect(relaxedWake(at)).toBeLessThan(at + STEP);
      expect(relaxedWake(at) % STEP).toBe(0);
    }
  });

  it('receipts, notices and renders are relaxed; replies, fans’ content and bulk sends are not', () => {
    const relaxed = (payload: object, priority?: number) => {
      const q = queuedSend({
        lane: lanes.fan(FAN),
        chatId: FAN,
        sortKey: 0,
        idempotencyKey: 'k',
        payload: payload as never,
        ...(priority !== undefined ? { priority } : {}),
      });
      return 'lane' in q && q.relaxed === true;
    };
    const aNotice = { kind: 'notice', userId: FAN, key: 'x', vars: {} };
    expect(relaxed(aNotice)).toBe(true);
    expect(relaxed({ kind: 'render', target: 'inbox', groupId: GROUP })).toBe(true);
    expect(relaxed(aNotice, OUTBOX_CLASS.bulk)).toBe(false);
    expect(relaxed({ kind: 'relay.out', userId: FAN, groupId: GROUP, messageId: 1 })).toBe(false);
    expect(relaxed({ kind: 'relay.in', userId: FAN, fromChatId: FAN, messageId: 1, cost: 1 })).toBe(false);
  });

  it('a receipt into a free chat waits for the next step; a reply claims now', () => {
    const w = fanHeld(0);
    const at = now + 37;
    expect(w.queued([notice], nothingInFlight, at)).toBe(relaxedWake(at));
    expect(w.queued([reply], nothingInFlight, at)).toBe(0);
    expect(w.queued([notice, reply], nothingInFlight, at)).toBe(0);
  });

  it('a receipt into a held chat waits for the step after the chat frees; a reply for the moment', () => {
    const held = T + 37;
    const w = fanHeld(held);
    expect(w.queued([notice], nothingInFlight, now)).toBe(relaxedWake(held));
    expect(w.queued([reply], nothingInFlight, now)).toBe(held);
  });

  it('a receipt’s finish in a held chat wakes on the step, unless a reply was queued behind it', () => {
    const held = T + 37;
    const w = fanHeld(held);
    expect(w.finished({ ...receipt, relaxed: true }, true, now)).toBe(relaxedWake(held));
    const inFlight = (lane: string) => lane === receipt.lane;
    expect(w.queued([reply], inFlight, now)).toBe(Infinity);
    expect(w.finished({ ...receipt, relaxed: true }, true, now)).toBe(held);
    // Only once: the next receipt's finish is relaxed again.
    expect(w.finished({ ...receipt, relaxed: true }, true, now)).toBe(relaxedWake(held));
  });
});

import type { ClaimHeld, NewOutboxItem, QueuedSend } from '../ports/index.ts';
import { mixedChatLane } from './lanes.ts';
import { classOf, relaxedClass, relaxedWake, spendsBudget } from './policy.ts';

/** A queued item as its transaction's wake names it. */
export const queuedSend = (i: NewOutboxItem): QueuedSend => ({
  lane: i.lane,
  chatId: i.chatId,
  budgeted: spendsBudget(i.payload),
  ...(i.notBefore ? { dueAt: i.notBefore.getTime() } : {}),
  ...(relaxedClass(i.priority ?? classOf(i.payload)) ? { relaxed: true } : {}),
});

/**
 * Which of the sender's wakes need a claim, and when. A claim reads every lane's head and locks the
 * budgets; under a spent budget (the usual state of a busy admin group: 20 sends a minute) most wakes, a
 * send finished or a fan's next message queued, could only find the same budget spent again: on the
 * relay bench, 59 % of all claims took nothing. The last claim said which chats are held, and until when
 * (`ClaimHeld`): a wake that concerns only held chats becomes a claim when the first of them frees (or at
 * the claim's own wake time, if sooner).
 *
 * A claim is needed now when:
 * - an item was queued into a chat that is not held, or one that spends no budget (a reaction), unless
 *   its lane is in flight here (the send under way holds it back; a free item there makes that send's
 *   finish a wake that claims), or it is not due yet (a throttled render: a claim when it is);
 * - a send finished and the freed lane or slot may hold something sendable: it failed (a refused send
 *   gives its units back), the last claim stopped at its limit (heads it did not look at may go), the
 *   lane's next item may be another chat's (a campaign's), a free item waits behind it, or its chat is
 *   not held.
 * Any other wake (one that names no items, another process's work) claims, as before.
 */
export function createWakeFilter() {
  let held: ClaimHeld = { chats: new Map(), all: 0, complete: false };
  /** Lanes in flight here behind which an item that spends no budget was queued. */
  const freeBehind = new Set<string>();
  /** Lanes in flight here behind which a reply or fans' content was queued (their wake is not relaxed). */
  const urgentBehind = new Set<string>();
  /** When a budgeted send to the chat may go again: 0 = now. */
  const heldUntil = (chatId: number, now: number) => {
    const until = Math.max(held.all, held.chats.get(chatId) ?? 0);
    return until > now ? until : 0;
  };
  return {
    /** The picture of the budgets the last claim left (it replaces the one before). */
    claimed(h: ClaimHeld): void {
      held = h;
    },
    /**
     * Items a transaction queued, after its commit; `inFlight(lane)`: a send of the lane is under way here.
     * Returns when a claim is needed (epoch ms; 0 = now; Infinity = not for these: a send under way tells).
     */
    queued(items: readonly QueuedSend[], inFlight: (lane: string) => boolean, now: number): number {
      let at = Infinity;
      for (const i of items) {
        // Not due yet (a throttled render): a claim before then finds nothing.
        const due = i.dueAt !== undefined && i.dueAt > now ? i.dueAt : 0;
        if (!('lane' in i)) {
          at = Math.min(at, due);
          continue;
        }
        const behind = inFlight(i.lane) && !mixedChatLane(i.lane);
        if (!i.budgeted) {
          if (behind) freeBehind.add(i.lane);
          else at = Math.min(at, due);
        } else if (behind) {
          // A reply behind a receipt under way: that send's finish wakes the sender at the chat's freeing.
          if (!i.relaxed) urgentBehind.add(i.lane);
        } else {
          // A receipt or a notice waits for the grid's step at or after its chat's freeing (relaxedWake).
          const held = heldUntil(i.chatId, now);
          at = Math.min(at, Math.max(due, i.relaxed ? relaxedWake(Math.max(held, now)) : held));
        }
      }
      return at;
    },
    /**
     * A send finished; `ok`: it went (nothing was given back to the budgets); `relaxed`: it was a receipt,
     * a notice or a render, so what waits behind it in its lane may wait a moment more (unless a reply
     * was queued behind it). When a claim is needed.
     */
    finished(item: { lane: string; chatId: number; relaxed?: boolean }, ok: boolean, now: number): number {
      const free = freeBehind.delete(item.lane);
      const urgent = urgentBehind.delete(item.lane);
      if (!ok || free || !held.complete || mixedChatLane(item.lane)) return 0;
      const until = heldUntil(item.chatId, now);
      return until > 0 && item.relaxed && !urgent ? relaxedWake(until) : until;
    },
  };
}

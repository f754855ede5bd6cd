import { createWakeFilter } from '../../app/outbox/wake.ts';
import type { ClaimedItem, FloodBudgets, QueuedSend } from '../../app/ports/index.ts';
import { DEFAULT_RENDER_TIMINGS } from '../../app/relay/refresh.ts';
import { makeCall } from './calls.ts';
import type { SenderContext, SenderDeps, SenderOptions, Tally } from './context.ts';
import { fail } from './failures.ts';
import { genericCall, notice, react } from './items.ts';
import { relayAlbum, relayIn, relayOut } from './relay.ts';
import { render } from './render.ts';
import { TOPIC_CREATION_STALE_MS } from './topics.ts';
import { campaignItem } from './campaign.ts';

export type { SenderDeps, SenderOptions } from './context.ts';

/**
 * Added to a timer that should end when a budget frees: such a timer was seen ending a millisecond before
 * `Date.now()` reached its time (timers run on the event loop's cached clock), and the claim then found
 * the budget still held (an empty claim, and another one 5 ms later).
 */
const TIMER_SLACK_MS = 1;

/**
 * The outbox worker: drains the outbox within the flood budgets, lane by lane in order, and turns every
 * Telegram answer into the item's next state in one transaction (so a repeat send can only happen if the
 * process dies between Telegram's answer and that commit). It runs use cases' effects (app/relay/delivery)
 * and imports no other adapter: the database, Telegram and the texts are wired in by the composition root.
 */
export function createOutboxSender(deps: SenderDeps, options: SenderOptions) {
  const log = deps.logger.child({ component: 'outbox' });
  const maxInFlight = options.maxInFlight ?? 8;
  // A claim is a transaction of about six statements that reads every lane's head: while sends are in
  // flight, the next one waits until three quarters of the slots are free (6 of 8), so each claim serves
  // several sends (against half the slots: 7–19 % less CPU per message on PGlite, 3–7 % on PostgreSQL,
  // in the relay bench, docs/BENCHMARKS.md).
  const claimBatch = Math.max(1, Math.ceil((maxInFlight * 3) / 4));
  const leaseMs = options.leaseMs ?? 30_000;
  // Polls are a backstop: every transaction that queues items wakes the sender after its commit (the unit
  // of work's outbox signal); what a poll finds is another replica's work or an expired lease.
  const idlePollMs = options.idlePollMs ?? 5_000;
  const heldPollMs = Math.max(idlePollMs, options.heldPollMs ?? 10_000);
  const base = {
    deps,
    log,
    timings: options.renderTimings ?? DEFAULT_RENDER_TIMINGS,
    maxAttempts: options.maxAttempts ?? 10,
    topicCreationStaleMs: options.topicCreationStaleMs ?? TOPIC_CREATION_STALE_MS,
    cardsAsked: new Map<number, number>(),
  };
  /**
   * A send's own context: its tally travels with it, not in an AsyncLocalStorage (on Node 20 any store in
   * use hooks every promise the process makes: docs/BENCHMARKS.md, "What AsyncLocalStorage costs").
   */
  const contextFor = (tally: Tally): SenderContext => {
    const own = { ...base, tally };
    return { ...own, call: makeCall(own) };
  };
  const inFlight = new Map<number, { lane: string; done: Promise<void> }>();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;
  /** Brings the running sleep's end forward to `at` (epoch ms), if it is later. */
  let rearm: ((at: number) => void) | null = null;
  let signalled = false;
  /** When a wake that could wait (a held chat's) needs a claim: the next sleep ends by then. */
  let claimBy = Infinity;
  const wakes = createWakeFilter();
  const now = () => deps.clock.now().getTime();

  /**
   * Whether the loop claims when it wakes: a slot is free, and (while sends are in flight) `claimBatch`
   * of them, so claims are shared by several sends instead of one each.
   */
  const canClaim = () => {
    const free = maxInFlight - inFlight.size;
    return free > 0 && (inFlight.size === 0 || free >= claimBatch);
  };
  /**
   * A claim is needed now (`at` 0 or past) or by `at` (epoch ms). Kept until a claim happens: while the
   * slots are taken, the next finished send asks again.
   */
  const claimAt = (at: number) => {
    claimBy = Math.min(claimBy, at);
    if (!canClaim()) return;
    if (claimBy <= now()) {
      signalled = true;
      wake?.();
    } else rearm?.(claimBy + TIMER_SLACK_MS);
  };
  /**
   * Wakes the sender: with the items a transaction queued, it claims only if one of them could go before
   * the last claim's wake time (app/outbox/wake.ts); with none named, it claims.
   */
  const notify = (items?: readonly QueuedSend[]) => {
    if (!items) return claimAt(0);
    const lanes = new Set([...inFlight.values()].map((f) => f.lane));
    claimAt(wakes.queued(items, (lane) => lanes.has(lane), now()));
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signalled) return resolve();
      let until = now() + ms;
      let timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        rearm = null;
        resolve();
      }
      wake = done;
      rearm = (at) => {
        if (at >= until) return;
        until = at;
        clearTimeout(timer);
        timer = setTimeout(done, Math.max(0, at - now()));
      };
    });

  /** The flood budgets, with the new-topic cap (a minute, scaled like the group's window). */
  async function budgets(): Promise<FloodBudgets> {
    if (!deps.topicCreationsPerMinute) return options.budgets;
    const limit = await deps.topicCreationsPerMinute();
    return { ...options.budgets, topics: { limit, windowMs: options.budgets.group.windowMs } };
  }

  async function send(ctx: SenderContext, item: ClaimedItem): Promise<void> {
    const p = item.payload;
    if (p.kind === 'relay.in') await relayIn(ctx, item, p);
    else if (p.kind === 'relay.album') await relayAlbum(ctx, item, p);
    else if (p.kind === 'relay.out') await relayOut(ctx, item, p);
    else if (p.kind === 'notice') await notice(ctx, item, p);
    else if (p.kind === 'call') await genericCall(ctx, item, p);
    else if (p.kind === 'render') await render(ctx, item, p);
    else if (p.kind === 'campaign') await campaignItem(ctx, item, p);
    else await react(ctx, item, p);
  }

  /** Sends one item and records the outcome; true when it went. */
  async function process(item: ClaimedItem): Promise<boolean> {
    const tally: Tally = { posted: 0, topicCreated: false };
    const ctx = contextFor(tally);
    try {
      await send(ctx, item);
      const kind = item.payload.kind;
      if (kind === 'relay.in' || kind === 'relay.album') deps.metrics?.relay('in');
      else if (kind === 'relay.out') deps.metrics?.relay('out');
      return true;
    } catch (err) {
      try {
        await fail(ctx, item, err, tally);
      } catch (inner) {
        // The lease expires and the item is retried: nothing is lost, at worst sent twice.
        log.error({ err: inner, item: item.id }, 'could not record a failed send');
      }
      return false;
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      signalled = false;
      let wakeAt: Date | null = null;
      if (canClaim()) {
        // This claim sees everything queued before it: a wake that waited for a held chat is settled.
        claimBy = Infinity;
        try {
          const claim = await deps.dispatch.claim({
            limit: maxInFlight - inFlight.size,
            now: deps.clock.now(),
            leaseMs,
            budgets: await budgets(),
            excludeLanes: [...inFlight.values()].map((f) => f.lane),
          });
          wakeAt = claim.wakeAt;
          wakes.claimed(claim.held);
          deps.metrics?.outboxClaim(claim.items.length ? 'items' : 'nothing');
          for (const item of claim.items) {
            // `process` records every failure itself; were it ever to throw, the slot is still freed.
            const done = process(item)
              .catch(() => false)
              .then((ok) => {
                inFlight.delete(item.id);
                claimAt(wakes.finished(item, ok, now()));
              });
            inFlight.set(item.id, { lane: item.lane, done });
          }
        } catch (err) {
          if (!running) break;
          log.error({ err }, 'outbox claim failed');
          await sleep(1000);
          continue;
        }
      }
      // No second claim at once: what this one left was not sendable yet (an item enqueued meanwhile
      // set `signalled`, so the sleep below returns at once), and a finished send wakes the loop.
      // Behind a spent budget (20 a minute for a group) a claim every second re-reads every waiting lane for
      // nothing: sleep until the claim's wake time instead, up to `heldPollMs`.
      // A wake that waited for a held chat (claimBy) ends the sleep by then, if the loop can claim.
      const ms = Math.min(
        wakeAt ? Math.min(heldPollMs, wakeAt.getTime() - now() + TIMER_SLACK_MS) : idlePollMs,
        canClaim() ? claimBy - now() + TIMER_SLACK_MS : Infinity,
      );
      await sleep(Math.max(5, ms));
    }
  }

  return {
    notify,
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    /** Stops claiming and waits for sends in flight to be recorded. */
    async stop() {
      running = false;
      signalled = true;
      wake?.();
      await loopDone;
      await Promise.allSettled([...inFlight.values()].map((f) => f.done));
    },
    pending: () => deps.dispatch.pendingCount(),
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;

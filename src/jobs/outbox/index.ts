import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClaimedItem, FloodBudgets } from '../../app/ports/index.ts';
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
 * The outbox worker: drains the outbox within the flood budgets, lane by lane in order, and turns every
 * Telegram answer into the item's next state in one transaction (so a repeat send can only happen if the
 * process dies between Telegram's answer and that commit). It runs use cases' effects (app/relay/delivery)
 * and imports no other adapter: the database, Telegram and the texts are wired in by the composition root.
 */
export function createOutboxSender(deps: SenderDeps, options: SenderOptions) {
  const log = deps.logger.child({ component: 'outbox' });
  const maxInFlight = options.maxInFlight ?? 8;
  // A claim is a transaction of about six statements: while sends are in flight, the next one waits until at
  // least half the slots are free, so claims are shared by several sends instead of one each.
  const claimBatch = Math.max(1, Math.floor(maxInFlight / 2));
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
    tallies: new AsyncLocalStorage<Tally>(),
    cardsAsked: new Map<number, number>(),
  };
  const ctx: SenderContext = { ...base, call: makeCall(base) };
  const inFlight = new Map<number, { lane: string; done: Promise<void> }>();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;
  let signalled = false;

  const notify = () => {
    signalled = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signalled) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /** The flood budgets, with the new-topic cap (a minute, scaled like the group's window). */
  async function budgets(): Promise<FloodBudgets> {
    if (!deps.topicCreationsPerMinute) return options.budgets;
    const limit = await deps.topicCreationsPerMinute();
    return { ...options.budgets, topics: { limit, windowMs: options.budgets.group.windowMs } };
  }

  async function send(item: ClaimedItem): Promise<void> {
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

  async function process(item: ClaimedItem): Promise<void> {
    const tally: Tally = { posted: 0, topicCreated: false };
    await ctx.tallies.run(tally, async () => {
      try {
        await send(item);
        const kind = item.payload.kind;
        if (kind === 'relay.in' || kind === 'relay.album') deps.metrics?.relay('in');
        else if (kind === 'relay.out') deps.metrics?.relay('out');
      } catch (err) {
        try {
          await fail(ctx, item, err, tally);
        } catch (inner) {
          // The lease expires and the item is retried: nothing is lost, at worst sent twice.
          log.error({ err: inner, item: item.id }, 'could not record a failed send');
        }
      }
    });
  }

  async function loop(): Promise<void> {
    while (running) {
      signalled = false;
      let wakeAt: Date | null = null;
      const free = maxInFlight - inFlight.size;
      if (free > 0 && (inFlight.size === 0 || free >= claimBatch)) {
        try {
          const claim = await deps.dispatch.claim({
            limit: free,
            now: deps.clock.now(),
            leaseMs,
            budgets: await budgets(),
            excludeLanes: [...inFlight.values()].map((f) => f.lane),
          });
          wakeAt = claim.wakeAt;
          for (const item of claim.items) {
            const done = process(item).finally(() => {
              inFlight.delete(item.id);
              notify();
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
      const ms = wakeAt ? Math.min(heldPollMs, wakeAt.getTime() - deps.clock.now().getTime()) : idlePollMs;
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
      notify();
      await loopDone;
      await Promise.allSettled([...inFlight.values()].map((f) => f.done));
    },
    pending: () => deps.dispatch.pendingCount(),
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;

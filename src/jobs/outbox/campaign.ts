import {
  campaignCall,
  giftLine,
  progressItem,
  progressView,
  PROGRESS_EVERY_MS,
  recordOutcome,
  reportView,
} from '../../app/campaigns/delivery.ts';
import { HELD_UNTIL } from '../../app/campaigns/index.ts';
import type { Campaign, CampaignContent, ClaimedItem } from '../../app/ports/index.ts';
import { SendError, type Handler, type SenderContext } from './context.ts';

/**
 * A campaign's items: one fan's send (its content read from the frozen campaign, cached: it never changes
 * once confirmed), the live progress message and the report. Counters and the progress edit are written
 * in the transaction that marks the send done (app/campaigns/delivery.ts).
 */
type Send = Extract<ClaimedItem['payload'], { kind: 'campaign'; op: 'send' }>;

/**
 * Per sender: campaigns' frozen content, and the progress slot each campaign last queued an edit for.
 */
interface Caches {
  content: Map<number, Campaign>;
  slots: Map<number, number>;
}
const caches = new WeakMap<SenderContext['deps'], Caches>();
function cacheOf(ctx: SenderContext): Caches {
  const hit = caches.get(ctx.deps);
  if (hit) return hit;
  const c: Caches = { content: new Map(), slots: new Map() };
  caches.set(ctx.deps, c);
  return c;
}

async function frozen(ctx: SenderContext, id: number): Promise<Campaign | null> {
  const cache = cacheOf(ctx).content;
  const hit = cache.get(id);
  if (hit) return hit;
  const c = await ctx.deps.uow.repos.campaigns.get(id);
  if (c && c.status !== 'draft') {
    if (cache.size > 50) cache.clear();
    cache.set(id, c);
  }
  return c;
}

export const campaignItem: Handler<'campaign'> = async (ctx, item, p) => {
  if (p.op === 'send') return sendOne(ctx, item, p);
  const { api, clock, uow, views } = ctx.deps;
  const c = await uow.repos.campaigns.get(p.campaignId);
  if (!c) return uow.repos.outbox.kill(item.id, 'campaign gone', clock.now());
  const locale = await views.localeFor(item.chatId);
  if (p.op === 'report') {
    const msg = await ctx.call(item.chatId, null, () =>
      api.sendMessage(item.chatId, views.render(reportView(c), locale), { parse_mode: 'HTML' }),
    );
    void msg;
    return uow.repos.outbox.complete(item.id, clock.now());
  }
  // At most one edit every PROGRESS_EVERY_MS: the slots space them, and this holds the last one (the
  // final state, a pause) back until the interval since the previous edit has passed.
  const last = c.progressAt?.getTime() ?? 0;
  if (clock.now().getTime() - last < PROGRESS_EVERY_MS) {
    await ctx.deps.dispatch
      .release(item.chatId, item.bookedAt, item.cost, item.topicSlot, item.shareSlot)
      .catch(() => undefined);
    return uow.repos.outbox.reschedule(item.id, new Date(last + PROGRESS_EVERY_MS), { countAttempt: false });
  }
  const view = progressView(c, clock.now());
  const html = views.render(view.text, locale);
  const markup = {
    inline_keyboard: view.keyboard.map((row) =>
      row.map((b) => ({ ...b, text: typeof b.text === 'string' ? b.text : views.render(b.text, locale) })),
    ),
  };
  if (c.progressMessageId !== null) {
    try {
      await ctx.call(item.chatId, null, () =>
        api.editMessageText(item.chatId, c.progressMessageId!, html, {
          parse_mode: 'HTML',
          reply_markup: markup,
        }),
      );
      return await uow.run(async (r) => {
        await r.outbox.complete(item.id, clock.now());
        await r.campaigns.update(c.id, { progressAt: clock.now() });
      });
    } catch (err) {
      const reason = err instanceof SendError && err.failure.type === 'permanent' ? err.failure.reason : '';
      if (reason.includes('not modified')) return uow.repos.outbox.complete(item.id, clock.now());
      // The member deleted the progress message: a new one takes its place.
      if (!reason.includes('not found')) throw err;
    }
  }
  const sent = await ctx.call(item.chatId, null, () =>
    api.sendMessage(item.chatId, html, { parse_mode: 'HTML', reply_markup: markup }),
  );
  await uow.run(async (r) => {
    await r.outbox.complete(item.id, clock.now());
    await r.campaigns.update(c.id, { progressMessageId: sent.message_id, progressAt: clock.now() });
  });
};

async function sendOne(ctx: SenderContext, item: ClaimedItem, p: Send): Promise<void> {
  const { clock, uow, dispatch } = ctx.deps;
  const state = await uow.repos.campaigns.sendState(p.campaignId, p.userId);
  const giveBack = () =>
    dispatch
      .release(item.chatId, item.bookedAt, item.cost, item.topicSlot, item.shareSlot)
      .catch(() => undefined);
  if (!state || state.status === 'cancelled' || state.status === 'done') {
    await giveBack();
    await uow.run(async (r) => {
      await r.outbox.kill(item.id, 'campaign cancelled', clock.now());
      if (state) await recordOutcome(r, p.campaignId, 'skipped', clock.now());
    });
    return;
  }
  if (state.status === 'paused') {
    await giveBack();
    return uow.repos.outbox.reschedule(item.id, HELD_UNTIL, { countAttempt: false });
  }
  if (state.blocked) {
    // Marked blocked since it was queued: skipped, counted as blocked.
    await giveBack();
    return done(ctx, item, p, 'blocked');
  }
  const c = await frozen(ctx, p.campaignId);
  if (!c?.content) throw new SendError({ type: 'permanent', reason: 'campaign content missing' }, null);
  const extra = c.gift ? giftLine(c) : null;
  // A mass gift's line in the fan's language, from the fan as the claim read them (no read of its own).
  const line = extra
    ? plain(ctx.deps.views.render(extra, await ctx.deps.views.localeFor(p.userId, item.recipient)))
    : null;
  await ctx.call(p.userId, null, () => deliver(ctx, p.userId, c.content!, line));
  await done(ctx, item, p, 'sent');
}

/** Records the outcome, and queues a progress edit for the next slot once per slot (per sender). */
async function done(
  ctx: SenderContext,
  item: ClaimedItem,
  p: Send,
  outcome: 'sent' | 'blocked',
): Promise<void> {
  const now = ctx.deps.clock.now();
  const slots = cacheOf(ctx).slots;
  const slot = Math.floor(now.getTime() / PROGRESS_EVERY_MS);
  await ctx.deps.uow.run(async (r) => {
    await r.outbox.complete(item.id, now);
    const c = await recordOutcome(r, p.campaignId, outcome, now);
    if (c && c.status === 'sending' && slots.get(c.id) !== slot) {
      const progress = progressItem(c, now);
      if (progress) await r.outbox.enqueue([progress]);
    }
  });
  slots.set(p.campaignId, slot);
}

/** HTML made for a text message, back to plain text (entities carry the creator's formatting). */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The frozen content through the raw API (the call is built by the use case's `campaignCall`). */
async function deliver(ctx: SenderContext, chatId: number, content: CampaignContent, line: string | null) {
  const raw = ctx.deps.api.raw as unknown as Record<string, (params: unknown) => Promise<unknown>>;
  const call = campaignCall(content, chatId, line);
  const method = raw[call.method];
  if (typeof method !== 'function')
    throw new SendError({ type: 'permanent', reason: `unknown method ${call.method}` }, null);
  return method(call.params);
}

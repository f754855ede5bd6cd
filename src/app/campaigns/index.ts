import {
  GIFT_LINE_ROOM,
  MAX_ALBUM_ITEMS,
  MAX_CAMPAIGN_CAPTION,
  MAX_CAMPAIGN_TEXT,
} from '../../domain/campaigns/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { TIERS } from '../../domain/tiers/index.ts';
import { MAX_GIFT_CREDITS, MAX_GIFT_SECONDS } from '../admin/actions.ts';
import { extendUserPass } from '../billing/passes.ts';
import { lanes } from '../outbox/lanes.ts';
import { OUTBOX_CLASS } from '../outbox/policy.ts';
import type {
  Access,
  AudienceFilters,
  Campaign,
  CampaignContent,
  CampaignGift,
  CampaignKind,
  CampaignMedia,
  MessageEntityJson,
  NewOutboxItem,
  Permission,
  Repos,
  UnitOfWork,
  UrlButton,
} from '../ports/index.ts';
import { finish, isComplete, progressItem, reportItem } from './delivery.ts';

export { campaignCallback, CAMPAIGN_CALLBACK, PROGRESS_EVERY_MS } from './delivery.ts';

/**
 * Broadcasts and mass gifts (`/broadcast`): a draft composed in the member's private chat (text, a
 * medium, an album; URL buttons), an audience (filters or a saved segment), a preview, a confirmation
 * with the exact count; then the content is frozen and the audience queued in batches (one transaction
 * each) as class-5 outbox items keyed `campaign:<id>:<fan>`, sent within what live traffic leaves. A mass
 * gift also writes one ledger entry per fan, keyed `gift:campaign:<id>:<fan>`, in the batch that queues
 * its message. Broadcasts need `broadcast.send`, gifts `gifts.send`; every use case asks.
 */
export interface CampaignDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
}

/** Fans queued per transaction (a gift's batch writes a ledger entry per fan: smaller). */
export const BROADCAST_BATCH = 1000;
export const GIFT_BATCH = 200;
/** A pause holds the queued sends until this (a resume makes them due again). */
export const HELD_UNTIL = new Date('2999-01-01T00:00:00Z');
export const MAX_NAME_LENGTH = 40;
export const MAX_ACTIVE_DAYS = 3650;
export const MAX_SPENT_FILTER = 100_000_000;
export { MAX_GIFT_CREDITS, MAX_GIFT_SECONDS };

export type CampaignFailure =
  | 'not_allowed'
  | 'gone'
  | 'empty'
  | 'too_long'
  | 'album_full'
  | 'no_buttons_on_album'
  | 'count_changed'
  | 'nobody'
  | 'name_taken'
  | 'invalid'
  | 'not_running';

type Result<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: CampaignFailure; count?: number };

/** A piece of a draft as the member sent it (the bot reads it off their message). */
export type DraftPiece =
  | { type: 'text'; text: string; entities?: MessageEntityJson[] }
  | { type: 'media'; media: CampaignMedia; mediaGroupId?: string };

const permissionOf = (kind: CampaignKind): Permission => (kind === 'gift' ? 'gifts.send' : 'broadcast.send');

/** What the fans get, without anything of the draft's bookkeeping. */
const textLimit = (kind: CampaignKind, max: number) => (kind === 'gift' ? max - GIFT_LINE_ROOM : max);

export function createCampaignServices(deps: CampaignDeps) {
  const { uow, clock, access } = deps;

  /**
   * Runs `fn` on the member's draft under its row lock: their permission is asked first, outside the
   * transaction (PGlite has one connection: nothing may query beside an open transaction), then the draft
   * must be theirs and still a draft.
   */
  async function onDraft<T extends object>(
    actor: number,
    id: number,
    fn: (r: Repos, c: Campaign) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const pre = await uow.repos.campaigns.get(id);
    if (!pre || pre.createdBy !== actor || pre.status !== 'draft') return { ok: false, code: 'gone' };
    if (!(await access.can(actor, permissionOf(pre.kind)))) return { ok: false, code: 'not_allowed' };
    return uow.run(async (r): Promise<Result<T>> => {
      const c = await r.campaigns.getForUpdate(id);
      if (!c || c.createdBy !== actor || c.status !== 'draft') return { ok: false, code: 'gone' };
      return fn(r, c);
    });
  }

  async function allowedFor(actor: number, id: number): Promise<Campaign | CampaignFailure> {
    const c = await uow.repos.campaigns.get(id);
    if (!c) return 'gone';
    if (!(await access.can(actor, permissionOf(c.kind)))) return 'not_allowed';
    return c;
  }

  /** Queues one batch of the audience; returns whether the whole audience is queued. */
  async function queueBatch(campaignId: number): Promise<boolean> {
    const done = await uow.run(async (r) => {
      const c = await r.campaigns.getForUpdate(campaignId);
      if (!c || c.queuedAll || c.status === 'cancelled' || c.status === 'done' || c.status === 'draft')
        return true;
      const limit = c.kind === 'gift' ? GIFT_BATCH : BROADCAST_BATCH;
      const ids = await r.campaigns.audienceBatch(c.audience.filters, c.cursor, limit);
      const now = clock.now();
      const units = c.content?.type === 'album' ? c.content.media.length : 1;
      const items: NewOutboxItem[] = [];
      let gifted = 0;
      for (const userId of ids) {
        if (c.gift && (await applyGift(r, c, userId))) gifted++;
        items.push({
          lane: lanes.campaign(c.id, userId),
          chatId: userId,
          sortKey: 0,
          idempotencyKey: `campaign:${c.id}:${userId}`,
          priority: OUTBOX_CLASS.bulk,
          ...(c.status === 'paused' ? { notBefore: HELD_UNTIL } : {}),
          payload: { kind: 'campaign', op: 'send', campaignId: c.id, userId, units },
        });
      }
      const added = (await r.outbox.enqueue(items)).length;
      const last = ids.at(-1);
      const all = ids.length < limit;
      const next = {
        ...c,
        queued: c.queued + added,
        cursor: last ?? c.cursor,
        queuedAll: all,
        gifted: c.gifted + gifted,
      };
      await r.campaigns.update(c.id, {
        queued: next.queued,
        cursor: next.cursor,
        queuedAll: all,
        gifted: next.gifted,
      });
      if (all) {
        const p = progressItem(next, now);
        if (p) await r.outbox.enqueue([p]);
        if (next.status === 'sending' && isComplete(next)) await finish(r, next, now);
      }
      return all;
    });
    return done;
  }

  /** One gift, keyed per campaign and fan (a repeated batch writes nothing twice). */
  async function applyGift(r: Repos, c: Campaign, userId: number): Promise<boolean> {
    const gift = c.gift!;
    const credits = 'credits' in gift ? gift.credits : 0;
    const res = await r.ledger.apply({
      userId,
      delta: credits,
      reason: 'gift',
      idempotencyKey: `gift:campaign:${c.id}:${userId}`,
      actor: `admin:${c.createdBy}`,
      metadata: { campaign: c.id, ...('seconds' in gift ? { seconds: gift.seconds } : {}) },
    });
    if (res.status !== 'applied') return false;
    if ('seconds' in gift) await extendUserPass(r, clock, userId, gift.seconds);
    return true;
  }

  return {
    /** The member's open draft of this kind (null: none), after their permission. */
    async draft(actor: number, kind: CampaignKind): Promise<Result<{ draft: Campaign | null }>> {
      if (!(await access.can(actor, permissionOf(kind)))) return { ok: false, code: 'not_allowed' };
      return { ok: true, draft: await uow.repos.campaigns.draftOf(actor, kind) };
    },

    /** Starts a new draft (an earlier one of the member's is dropped). A gift says what it gives. */
    async start(
      actor: number,
      kind: CampaignKind,
      gift?: CampaignGift,
      content?: CampaignContent,
    ): Promise<Result<{ id: number }>> {
      if (!(await access.can(actor, permissionOf(kind)))) return { ok: false, code: 'not_allowed' };
      if (kind === 'gift') {
        if (!gift) return { ok: false, code: 'invalid' };
        if (
          'credits' in gift &&
          !(Number.isSafeInteger(gift.credits) && gift.credits >= 1 && gift.credits <= MAX_GIFT_CREDITS)
        )
          return { ok: false, code: 'invalid' };
        if (
          'seconds' in gift &&
          !(Number.isSafeInteger(gift.seconds) && gift.seconds >= 60 && gift.seconds <= MAX_GIFT_SECONDS)
        )
          return { ok: false, code: 'invalid' };
      }
      const id = await uow.run(async (r) => {
        await r.campaigns.dropDrafts(actor);
        const id = await r.campaigns.create({
          kind,
          createdBy: actor,
          gift: kind === 'gift' ? gift! : null,
          at: clock.now(),
        });
        if (content) await r.campaigns.update(id, { content });
        return id;
      });
      return { ok: true, id };
    },

    /**
     * A message for the draft: a text or a medium replaces the content; album items (one update each,
     * possibly at once) join the album of their media group in message order, under the draft's row lock.
     */
    async compose(
      actor: number,
      id: number,
      piece: DraftPiece,
    ): Promise<Result<{ draft: Campaign; joined: boolean }>> {
      return onDraft(actor, id, async (r, c): Promise<Result<{ draft: Campaign; joined: boolean }>> => {
        let content: CampaignContent;
        let joined = false;
        if (piece.type === 'text') {
          const t = piece.text.trim();
          if (!t) return { ok: false, code: 'empty' };
          if (piece.text.length > textLimit(c.kind, MAX_CAMPAIGN_TEXT))
            return { ok: false, code: 'too_long' };
          content = {
            type: 'text',
            text: piece.text,
            ...(piece.entities?.length ? { entities: piece.entities } : {}),
          };
        } else {
          if ((piece.media.caption?.length ?? 0) > textLimit(c.kind, MAX_CAMPAIGN_CAPTION))
            return { ok: false, code: 'too_long' };
          const prev = c.content;
          const group = piece.mediaGroupId;
          const sameGroup = group !== undefined && c.audience.group === group;
          if (group !== undefined && prev && sameGroup && (prev.type === 'album' || prev.type === 'media')) {
            const items = prev.type === 'album' ? prev.media : [prev.media];
            if (items.length >= MAX_ALBUM_ITEMS) return { ok: false, code: 'album_full' };
            const media = [...items, piece.media].sort((a, b) => (a.messageId ?? 0) - (b.messageId ?? 0));
            content = { type: 'album', media };
            joined = true;
          } else {
            content =
              group !== undefined
                ? { type: 'album', media: [piece.media] }
                : { type: 'media', media: piece.media };
          }
          // The media group the album collects (kept beside the audience until confirmation).
          await r.campaigns.update(id, { audience: { ...c.audience, ...(group ? { group } : {}) } });
        }
        await r.campaigns.update(id, { content });
        return { ok: true, draft: { ...c, content }, joined };
      });
    },

    /** URL buttons under a text or a medium (never an album); an empty list removes them. */
    async setButtons(actor: number, id: number, buttons: UrlButton[]): Promise<Result<{ draft: Campaign }>> {
      return onDraft(actor, id, async (r, c): Promise<Result<{ draft: Campaign }>> => {
        if (!c.content) return { ok: false, code: 'empty' };
        if (c.content.type === 'album') return { ok: false, code: 'no_buttons_on_album' };
        const content: CampaignContent = { ...c.content, ...(buttons.length ? { buttons } : {}) };
        if (!buttons.length) delete (content as { buttons?: unknown }).buttons;
        await r.campaigns.update(id, { content });
        return { ok: true, draft: { ...c, content } };
      });
    },

    /** Changes the audience's filters (a saved segment's name goes once a filter is changed by hand). */
    async setFilters(
      actor: number,
      id: number,
      patch: Partial<Record<keyof AudienceFilters, unknown>>,
    ): Promise<Result<{ draft: Campaign; count: number }>> {
      const filters = checkFilters(patch);
      if (!filters) return { ok: false, code: 'invalid' };
      return onDraft(actor, id, async (r, c): Promise<Result<{ draft: Campaign; count: number }>> => {
        const next: AudienceFilters = { ...c.audience.filters };
        for (const [k, v] of Object.entries(filters) as Array<[keyof AudienceFilters, unknown]>) {
          if (v === null) delete next[k];
          else (next as Record<string, unknown>)[k] = v;
        }
        const audience = { filters: next };
        await r.campaigns.update(id, { audience });
        return { ok: true, draft: { ...c, audience }, count: await r.campaigns.countAudience(next) };
      });
    },

    /** The audience becomes a saved segment's filters. */
    async useSegment(
      actor: number,
      id: number,
      segmentId: number,
    ): Promise<Result<{ draft: Campaign; count: number }>> {
      return onDraft(actor, id, async (r, c): Promise<Result<{ draft: Campaign; count: number }>> => {
        const s = await r.campaigns.segment(segmentId);
        if (!s) return { ok: false, code: 'gone' };
        const audience = { filters: s.filters, segment: s.name };
        await r.campaigns.update(id, { audience });
        return { ok: true, draft: { ...c, audience }, count: await r.campaigns.countAudience(s.filters) };
      });
    },

    /** The draft and how many fans its audience matches now. */
    async review(actor: number, id: number): Promise<Result<{ draft: Campaign; count: number }>> {
      const c = await allowedFor(actor, id);
      if (typeof c === 'string') return { ok: false, code: c };
      if (c.createdBy !== actor || c.status !== 'draft') return { ok: false, code: 'gone' };
      return { ok: true, draft: c, count: await uow.repos.campaigns.countAudience(c.audience.filters) };
    },

    /**
     * Sends it: only if the audience still counts what the member was shown (else the new count, to
     * confirm again). The content is frozen, the first progress message queued into `progressChatId`,
     * and the batches are left to the `queue-campaign` job (enqueued in the same transaction).
     */
    async confirm(
      actor: number,
      id: number,
      shownCount: number,
      progressChatId: number,
    ): Promise<Result<{ campaign: Campaign }>> {
      const res = await onDraft(actor, id, async (r, c): Promise<Result<{ campaign: Campaign }>> => {
        if (!c.content) return { ok: false, code: 'empty' };
        const count = await r.campaigns.countAudience(c.audience.filters);
        if (count === 0) return { ok: false, code: 'nobody', count };
        if (count !== shownCount) return { ok: false, code: 'count_changed', count };
        const now = clock.now();
        const { group: _group, ...audience } = c.audience;
        const campaign: Campaign = {
          ...c,
          status: 'sending',
          audience,
          confirmedCount: count,
          confirmedAt: now,
          rateSince: now,
          rateBase: 0,
          progressChatId,
        };
        await r.campaigns.update(id, {
          status: 'sending',
          audience,
          confirmedCount: count,
          confirmedAt: now,
          rateSince: now,
          rateBase: 0,
          progressChatId,
        });
        await r.admin.audit({
          actorId: actor,
          userId: null,
          action: c.kind === 'gift' ? 'campaign_gift' : 'campaign_broadcast',
          details: {
            campaign: id,
            count,
            audience: audience as unknown as Record<string, unknown>,
            gift: c.gift as unknown as Record<string, unknown>,
          },
        });
        await r.outbox.enqueue([progressItem(campaign, new Date(now.getTime() - 3000))!]);
        await r.jobs.queueCampaign(id);
        return { ok: true, campaign };
      });
      return res;
    },

    /** One batch of a confirmed campaign's audience (the job runs them until it is all queued). */
    queueBatch,

    /** Pause: the queued sends wait; a send under way finishes. */
    async pause(actor: number, id: number): Promise<Result<{ campaign: Campaign }>> {
      return control(actor, id, async (r, c) => {
        if (c.status !== 'sending') return null;
        await r.campaigns.update(id, { status: 'paused' });
        await r.campaigns.holdQueued(lanes.campaignAll(id), HELD_UNTIL);
        return { ...c, status: 'paused' };
      });
    },

    /** Resume: the queued sends are due again; the ETA counts from now. */
    async resume(actor: number, id: number): Promise<Result<{ campaign: Campaign }>> {
      return control(actor, id, async (r, c, now) => {
        if (c.status !== 'paused') return null;
        const base = c.sent + c.blocked + c.failed;
        await r.campaigns.update(id, { status: 'sending', rateSince: now, rateBase: base });
        await r.campaigns.holdQueued(lanes.campaignAll(id), now);
        const next: Campaign = { ...c, status: 'sending', rateSince: now, rateBase: base };
        if (isComplete(next)) await finish(r, next, now);
        return next;
      });
    },

    /** Cancel: what is still queued is dropped (counted as skipped); the report follows. */
    async cancel(actor: number, id: number): Promise<Result<{ campaign: Campaign }>> {
      return control(actor, id, async (r, c, now) => {
        if (c.status !== 'sending' && c.status !== 'paused') return null;
        const dropped = await r.campaigns.dropQueued(lanes.campaignAll(id), now);
        const next: Campaign = {
          ...c,
          status: 'cancelled',
          skipped: c.skipped + dropped,
          finishedAt: now,
          queuedAll: true,
        };
        await r.campaigns.update(id, {
          status: 'cancelled',
          skipped: next.skipped,
          finishedAt: now,
          queuedAll: true,
        });
        const items = [progressItem(next, now, true), reportItem(next)].filter(
          (i): i is NewOutboxItem => i !== null,
        );
        await r.outbox.enqueue(items);
        return next;
      });
    },

    /** A campaign's card (history), for those who may run its kind. */
    async campaign(actor: number, id: number): Promise<Result<{ campaign: Campaign }>> {
      const c = await allowedFor(actor, id);
      return typeof c === 'string' ? { ok: false, code: c } : { ok: true, campaign: c };
    },

    /** Past and running campaigns of a kind, newest first, a page of `size`. */
    async history(
      actor: number,
      kind: CampaignKind,
      page: number,
      size: number,
    ): Promise<Result<{ items: Campaign[]; hasMore: boolean }>> {
      if (!(await access.can(actor, permissionOf(kind)))) return { ok: false, code: 'not_allowed' };
      const rows = await uow.repos.campaigns.list(kind, page * size, size + 1);
      return { ok: true, items: rows.slice(0, size), hasMore: rows.length > size };
    },

    /** Campaigns sending or paused that the member may see. */
    async running(actor: number): Promise<Campaign[]> {
      const rows = await uow.repos.campaigns.running();
      const out: Campaign[] = [];
      for (const c of rows) if (await access.can(actor, permissionOf(c.kind))) out.push(c);
      return out;
    },

    segments: async (actor: number) =>
      (await access.can(actor, 'broadcast.send')) ? uow.repos.campaigns.segments() : null,

    /** Saves the draft's audience as a named segment. */
    async saveSegment(actor: number, id: number, name: string): Promise<Result> {
      const n = name.trim();
      if (!n || n.length > MAX_NAME_LENGTH) return { ok: false, code: 'invalid' };
      return onDraft(actor, id, async (r, c): Promise<Result> => {
        const added = await r.campaigns.addSegment({
          name: n,
          filters: c.audience.filters,
          createdBy: actor,
          at: clock.now(),
        });
        if (!added) return { ok: false, code: 'name_taken' };
        await r.campaigns.update(id, { audience: { ...c.audience, segment: n } });
        return { ok: true };
      });
    },

    async deleteSegment(actor: number, segmentId: number): Promise<Result> {
      if (!(await access.can(actor, 'broadcast.send'))) return { ok: false, code: 'not_allowed' };
      return (await uow.repos.campaigns.deleteSegment(segmentId))
        ? { ok: true }
        : { ok: false, code: 'gone' };
    },

    templates: async (actor: number) =>
      (await access.can(actor, 'broadcast.send')) ? uow.repos.campaigns.templates() : null,

    async template(actor: number, templateId: number) {
      if (!(await access.can(actor, 'broadcast.send'))) return null;
      return uow.repos.campaigns.template(templateId);
    },

    /** Saves the draft's message as a named template. */
    async saveTemplate(actor: number, id: number, name: string): Promise<Result> {
      const n = name.trim();
      if (!n || n.length > MAX_NAME_LENGTH) return { ok: false, code: 'invalid' };
      return onDraft(actor, id, async (r, c): Promise<Result> => {
        if (!c.content) return { ok: false, code: 'empty' };
        const added = await r.campaigns.addTemplate({
          name: n,
          content: c.content,
          createdBy: actor,
          at: clock.now(),
        });
        return added ? { ok: true } : { ok: false, code: 'name_taken' };
      });
    },

    async deleteTemplate(actor: number, templateId: number): Promise<Result> {
      if (!(await access.can(actor, 'broadcast.send'))) return { ok: false, code: 'not_allowed' };
      return (await uow.repos.campaigns.deleteTemplate(templateId))
        ? { ok: true }
        : { ok: false, code: 'gone' };
    },
  };

  async function control(
    actor: number,
    id: number,
    fn: (r: Repos, c: Campaign, now: Date) => Promise<Campaign | null>,
  ): Promise<Result<{ campaign: Campaign }>> {
    const pre = await uow.repos.campaigns.get(id);
    if (!pre || pre.status === 'draft') return { ok: false, code: 'gone' };
    if (!(await access.can(actor, permissionOf(pre.kind)))) return { ok: false, code: 'not_allowed' };
    const res = await uow.run(async (r): Promise<Result<{ campaign: Campaign }>> => {
      const c = await r.campaigns.getForUpdate(id);
      if (!c) return { ok: false, code: 'gone' };
      const now = clock.now();
      const next = await fn(r, c, now);
      if (!next) return { ok: false, code: 'not_running' };
      await r.admin.audit({
        actorId: actor,
        userId: null,
        action: `campaign_${next.status}`,
        details: { campaign: id },
      });
      const p = progressItem(next, now);
      if (p && next.status !== 'cancelled') await r.outbox.enqueue([p]);
      return { ok: true, campaign: next };
    });
    return res;
  }
}

/** Checks typed or pressed filter values (null clears one); null when any is out of range. */
export function checkFilters(
  patch: Partial<Record<keyof AudienceFilters, unknown>>,
): Partial<Record<keyof AudienceFilters, unknown>> | null {
  const out: Partial<Record<keyof AudienceFilters, unknown>> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) {
      out[k as keyof AudienceFilters] = null;
      continue;
    }
    if (k === 'tier' && typeof v === 'string' && (TIERS as readonly string[]).includes(v)) out.tier = v;
    else if (
      k === 'activeDays' &&
      Number.isSafeInteger(v) &&
      (v as number) >= 1 &&
      (v as number) <= MAX_ACTIVE_DAYS
    )
      out.activeDays = v;
    else if (
      k === 'spentMin' &&
      Number.isSafeInteger(v) &&
      (v as number) >= 1 &&
      (v as number) <= MAX_SPENT_FILTER
    )
      out.spentMin = v;
    else if (k === 'neverPaid' && v === true) out.neverPaid = true;
    else return null;
  }
  return out;
}

export type CampaignServices = ReturnType<typeof createCampaignServices>;

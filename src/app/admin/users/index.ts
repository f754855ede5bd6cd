import { passRemaining } from '../../../domain/entitlement/index.ts';
import { TIERS, isTier, tierForSpend, type Tier } from '../../../domain/tiers/index.ts';
import type { Access, Payment, UserDirectoryQuery, UserListItem, UserSearch } from '../../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../../relay/refresh.ts';
import { resolveSettings } from '../../system/settings.ts';
import { MAX_GIFT_CREDITS, giftCredits, giftPass, setBan, type AdminDeps } from '../actions.ts';
import { promotionNotice } from '../../accounts/promotion.ts';

/**
 * The control center's Users screen (`/users`): find fans (by id, @username or part of a name, with
 * filters), a fan's card, and what can be done to them. Seeing needs `users.view`; revenue figures
 * (payments, lifetime spend and its filter) `stats.view`; credits up or down and the tier `users.adjust`;
 * gifts `gifts.send` too (the existing gift use cases); ban and unban `users.ban` (the existing one).
 */
export interface UsersAdminDeps extends AdminDeps {
  renderTimings?: RenderTimings;
}

/** Results a page. */
export const USERS_PAGE_SIZE = 8;
/** A search goes this many pages deep at most (refine it instead). */
export const MAX_USERS_PAGE = 999;
export const MAX_QUERY_LENGTH = 64;
export const MAX_ACTIVE_DAYS = 3650;
export const MAX_SPENT_FILTER = 100_000_000;
export const MAX_REASON_LENGTH = 200;
export { MAX_GIFT_CREDITS };

export type UsersFailure =
  'not_allowed' | 'unknown_fan' | 'invalid_amount' | 'invalid_reason' | 'insufficient' | 'invalid_query';

type Result<T extends object> = ({ ok: true } & T) | { ok: false; code: UsersFailure; balance?: number };

/**
 * What a typed query means: a number is an id; `@name` a username (its prefix); anything else part of a
 * name (a lower-case prefix of the first name, last name or username, or of "first last"). Null for an
 * empty or overlong query.
 */
export function parseUserQuery(
  text: string,
): Pick<UserDirectoryQuery, 'id' | 'usernamePrefix' | 'namePrefix'> | null {
  const q = text.trim().replace(/\s+/g, ' ');
  if (q.length === 0 || q.length > MAX_QUERY_LENGTH) return null;
  if (/^\d{1,16}$/.test(q)) {
    const id = Number(q);
    return Number.isSafeInteger(id) ? { id } : null;
  }
  if (q.startsWith('@')) {
    const name = q.slice(1).toLowerCase();
    return /^[a-z0-9_]{1,32}$/.test(name) ? { usernamePrefix: name } : null;
  }
  // A link to the profile (t.me/name) is a username too.
  const link = /^(?:https?:\/\/)?t\.me\/([A-Za-z0-9_]{1,32})$/.exec(q);
  if (link) return { usernamePrefix: link[1]!.toLowerCase() };
  return { namePrefix: q.toLowerCase() };
}

/** A stored search, kept only where it still validates (it is ours, but a later version may read it). */
function cleanSearch(s: UserSearch | null): UserSearch {
  if (!s || typeof s !== 'object') return {};
  const out: UserSearch = {};
  if (typeof s.query === 'string' && parseUserQuery(s.query)) out.query = s.query;
  if (isTier(s.tier)) out.tier = s.tier;
  if (typeof s.banned === 'boolean') out.banned = s.banned;
  if (typeof s.paying === 'boolean') out.paying = s.paying;
  if (Number.isSafeInteger(s.activeDays) && s.activeDays! >= 1 && s.activeDays! <= MAX_ACTIVE_DAYS)
    out.activeDays = s.activeDays!;
  if (Number.isSafeInteger(s.spentMin) && s.spentMin! >= 1 && s.spentMin! <= MAX_SPENT_FILTER)
    out.spentMin = s.spentMin!;
  return out;
}

/** A change to the member's search: a value sets, null clears; `reset` clears everything first. */
export type SearchPatch = { [K in keyof UserSearch]?: UserSearch[K] | null } & { reset?: boolean };

export interface UsersPage {
  search: UserSearch;
  items: UserListItem[];
  page: number;
  hasMore: boolean;
  /** The member may see revenue figures (spend, payments) and filter by spend. */
  revenue: boolean;
}

export interface UserCard {
  user: {
    id: number;
    firstName: string;
    lastName: string | null;
    username: string | null;
    locale: string | null;
    balance: number;
    isBanned: boolean;
    blockedBot: boolean;
    createdAt: Date;
    lastSeenAt: Date;
  };
  tier: { tier: Tier; manual: boolean; automatic: Tier };
  pass: { until: Date; leftMs: number } | null;
  /** Revenue figures, for `stats.view` only (null otherwise). */
  lifetimeSpent: number | null;
  payments: Array<
    Pick<Payment, 'id' | 'rail' | 'amount' | 'currency' | 'status'> & {
      productTitle: string;
      createdAt: Date;
    }
  > | null;
  topic: { groupId: number; threadId: number } | null;
  /** What the member may do here. */
  can: { adjust: boolean; gift: boolean; ban: boolean };
}

export function createUsersAdminServices(deps: UsersAdminDeps) {
  const can = (actor: number, p: Parameters<Access['can']>[1]) => deps.access.can(actor, p);
  const thresholds = async () => resolveSettings(await deps.uow.repos.settings.all()).tier_thresholds;

  return {
    /** One page of the member's current search. */
    async search(actorId: number, page: number): Promise<Result<UsersPage>> {
      if (!(await can(actorId, 'users.view'))) return { ok: false, code: 'not_allowed' };
      const revenue = await can(actorId, 'stats.view');
      const search = cleanSearch(await deps.uow.repos.userDirectory.getSearch(actorId));
      const p = Number.isSafeInteger(page) ? Math.min(Math.max(page, 0), MAX_USERS_PAGE) : 0;
      const q: UserDirectoryQuery = {
        ...(search.query ? parseUserQuery(search.query) : {}),
        ...(search.tier ? { tier: search.tier } : {}),
        ...(search.banned !== undefined ? { banned: search.banned } : {}),
        ...(search.paying !== undefined ? { paying: search.paying } : {}),
        ...(search.activeDays
          ? { activeSince: new Date(deps.clock.now().getTime() - search.activeDays * 86_400_000) }
          : {}),
        ...(revenue && search.spentMin ? { spentMin: search.spentMin } : {}),
      };
      const rows = await deps.uow.repos.userDirectory.search(q, p * USERS_PAGE_SIZE, USERS_PAGE_SIZE + 1);
      return {
        ok: true,
        search: revenue ? search : { ...search, spentMin: undefined },
        items: rows.slice(0, USERS_PAGE_SIZE),
        page: p,
        hasMore: rows.length > USERS_PAGE_SIZE,
        revenue,
      };
    },

    /** Changes the member's search (values validated here: the bot passes what was typed or pressed). */
    async updateSearch(actorId: number, patch: SearchPatch): Promise<Result<{ search: UserSearch }>> {
      if (!(await can(actorId, 'users.view'))) return { ok: false, code: 'not_allowed' };
      if (patch.spentMin != null && !(await can(actorId, 'stats.view')))
        return { ok: false, code: 'not_allowed' };
      const current = patch.reset ? {} : cleanSearch(await deps.uow.repos.userDirectory.getSearch(actorId));
      const next: Record<string, unknown> = { ...current };
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'reset') continue;
        if (value === null || value === undefined) delete next[key];
        else next[key] = value;
      }
      const search = cleanSearch(next);
      // Anything that did not survive validation was invalid input.
      for (const key of Object.keys(patch))
        if (key !== 'reset' && patch[key as keyof UserSearch] != null && !(key in search))
          return { ok: false, code: 'invalid_query' };
      await deps.uow.repos.userDirectory.saveSearch(actorId, search, deps.clock.now());
      return { ok: true, search };
    },

    /** A fan's card as the member may see it. */
    async card(actorId: number, userId: number): Promise<Result<{ card: UserCard }>> {
      if (!(await can(actorId, 'users.view'))) return { ok: false, code: 'not_allowed' };
      const { repos } = deps.uow;
      const user = await repos.users.get(userId);
      if (!user) return { ok: false, code: 'unknown_fan' };
      const [revenue, adjust, gift, ban, topic, t] = await Promise.all([
        can(actorId, 'stats.view'),
        can(actorId, 'users.adjust'),
        can(actorId, 'gifts.send'),
        can(actorId, 'users.ban'),
        repos.topics.get(userId),
        thresholds(),
      ]);
      const payments = revenue ? await repos.payments.recent(userId, 5) : null;
      const leftMs = passRemaining(user.timePassUntil, deps.clock);
      return {
        ok: true,
        card: {
          user: {
            id: user.id,
            firstName: user.firstName,
            lastName: user.lastName,
            username: user.username,
            locale: user.locale,
            balance: user.creditBalance,
            isBanned: user.isBanned,
            blockedBot: user.blockedBot,
            createdAt: user.createdAt,
            lastSeenAt: user.lastSeenAt,
          },
          tier: {
            tier: isTier(user.tier) ? user.tier : 'new',
            manual: user.tierManual,
            automatic: tierForSpend(user.lifetimeSpent, t),
          },
          pass: user.timePassUntil && leftMs > 0 ? { until: user.timePassUntil, leftMs } : null,
          lifetimeSpent: revenue ? user.lifetimeSpent : null,
          payments:
            payments?.map((p) => ({
              id: p.id,
              rail: p.rail,
              amount: p.amount,
              currency: p.currency,
              status: p.status,
              productTitle: p.productTitle,
              createdAt: p.createdAt,
            })) ?? null,
          topic:
            topic && topic.threadId !== null ? { groupId: topic.groupId, threadId: topic.threadId } : null,
          can: { adjust, gift: adjust && gift, ban },
        },
      };
    },

    /** Credits as a gift (`users.adjust`, then the gift use case, which asks for `gifts.send`). */
    async addCredits(a: { adminId: number; userId: number; credits: number; key: string }) {
      if (!(await can(a.adminId, 'users.adjust')))
        return { ok: false as const, code: 'not_allowed' as const };
      return giftCredits(deps, a);
    },

    /** A time pass as a gift (`gifts.send`, asked by the gift use case). */
    giftPass: (a: { adminId: number; userId: number; seconds: number; key: string }) => giftPass(deps, a),

    /** Ban or unban (`users.ban`, asked by the existing use case). */
    setBan: (a: { adminId: number; userId: number; banned: boolean; key: string }) => setBan(deps, a),

    /**
     * Takes credits back with a reason: an `adjustment` ledger entry keyed `adjust:<key>` (a repeat
     * changes nothing), never below zero (refused with the balance), audited; the card is refreshed.
     */
    async removeCredits(a: {
      adminId: number;
      userId: number;
      credits: number;
      reason: string;
      key: string;
    }): Promise<Result<{ balance: number; duplicate: boolean }>> {
      if (!(await can(a.adminId, 'users.adjust'))) return { ok: false, code: 'not_allowed' };
      if (!Number.isSafeInteger(a.credits) || a.credits < 1 || a.credits > MAX_GIFT_CREDITS)
        return { ok: false, code: 'invalid_amount' };
      const reason = a.reason.trim();
      if (reason.length === 0 || reason.length > MAX_REASON_LENGTH)
        return { ok: false, code: 'invalid_reason' };
      const res = await deps.uow.run(async (r): Promise<Result<{ balance: number; duplicate: boolean }>> => {
        if (!(await r.users.get(a.userId))) return { ok: false, code: 'unknown_fan' };
        const entry = await r.ledger.apply({
          userId: a.userId,
          delta: -a.credits,
          reason: 'adjustment',
          idempotencyKey: `adjust:${a.key}`,
          actor: `admin:${a.adminId}`,
          metadata: { reason },
        });
        if (entry.status === 'insufficient')
          return { ok: false, code: 'insufficient', balance: entry.balance };
        if (entry.status === 'duplicate')
          return { ok: true, balance: entry.entry.balanceAfter, duplicate: true };
        await r.admin.audit({
          actorId: a.adminId,
          userId: a.userId,
          action: 'remove_credits',
          details: { credits: a.credits, reason, balance: entry.entry.balanceAfter },
        });
        await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
        return { ok: true, balance: entry.entry.balanceAfter, duplicate: false };
      });
      return res;
    },

    /**
     * Sets the fan's tier by hand (it sticks until cleared), or clears it (`tier: null`): back to automatic,
     * at the tier the lifetime spend earns under the current thresholds. Audited; the card is refreshed.
     */
    async setTier(a: {
      adminId: number;
      userId: number;
      tier: Tier | null;
    }): Promise<Result<{ tier: Tier; manual: boolean; changed: boolean }>> {
      if (!(await can(a.adminId, 'users.adjust'))) return { ok: false, code: 'not_allowed' };
      if (a.tier !== null && !TIERS.includes(a.tier)) return { ok: false, code: 'invalid_amount' };
      const settings = resolveSettings(await deps.uow.repos.settings.all());
      const t = settings.tier_thresholds;
      const res = await deps.uow.run(
        async (r): Promise<Result<{ tier: Tier; manual: boolean; changed: boolean }>> => {
          const user = await r.users.getForUpdate(a.userId);
          if (!user) return { ok: false, code: 'unknown_fan' };
          // Automatic on an automatic tier changes nothing (it never goes down by itself, even when the
          // thresholds were raised since the promotion).
          if (a.tier === null && !user.tierManual)
            return { ok: true, tier: isTier(user.tier) ? user.tier : 'new', manual: false, changed: false };
          const tier = a.tier ?? tierForSpend(user.lifetimeSpent, t);
          const manual = a.tier !== null;
          if (tier === user.tier && manual === user.tierManual)
            return { ok: true, tier, manual, changed: false };
          await r.userDirectory.setTier(a.userId, tier, manual);
          await r.admin.audit({
            actorId: a.adminId,
            userId: a.userId,
            action: 'set_tier',
            details: { from: user.tier, to: tier, manual, wasManual: user.tierManual },
          });
          await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
          // Up is a promotion, told once per tier (keyed) like one the spend earns; down is not told.
          if (TIERS.indexOf(tier) > TIERS.indexOf(isTier(user.tier) ? user.tier : 'new'))
            await r.outbox.enqueue(promotionNotice(a.userId, tier, settings.tier_discounts));
          return { ok: true, tier, manual, changed: true };
        },
      );
      return res;
    },
  };
}

export type UsersAdminServices = ReturnType<typeof createUsersAdminServices>;

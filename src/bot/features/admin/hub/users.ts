import { mintNonceText } from '../../../../app/admin/hub/nonce.ts';
import {
  MAX_ACTIVE_DAYS,
  MAX_GIFT_CREDITS,
  MAX_REASON_LENGTH,
  MAX_SPENT_FILTER,
  parseUserQuery,
  USERS_PAGE_SIZE,
  type UserCard,
  type UsersPage,
} from '../../../../app/admin/users/index.ts';
import { topicLink } from '../../../../app/messages.ts';
import type { UserListItem, UserSearch } from '../../../../app/ports/index.ts';
import { parseDuration } from '../../../../domain/entitlement/index.ts';
import { TIERS, type Tier } from '../../../../domain/tiers/index.ts';
import type { Context } from '../../../context.ts';
import {
  escapeCut,
  fitText,
  MAX_TEXT,
  type HubButton,
  type HubCategory,
  type HubInputResult,
  type HubScreen,
} from './screen.ts';

/**
 * Users (`/users`, users.view): the member's search (typed: an id, @username or part of a name) with
 * filters, 8 results a page, each opening the fan's card; on the card, credits up (a gift) or down (an
 * adjustment with a reason), a pass as a gift, ban or unban, and the tier by hand. Money actions ask for
 * the amount by typed input and then for a confirmation: the pending action lives in the hub's open
 * question (`ask`), and the Confirm button names it by a one-time token, so a stale or forged Confirm
 * does nothing. Every use case re-checks its permission.
 */
const CAT = 'users';

/** `12x3` → [12, 3]: two non-negative integers packed in one callback word. */
function pair(arg: string): [number, number] | null {
  const m = /^(\d{1,16})x(\d{1,9})$/.exec(arg);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Number.isSafeInteger(a) ? [a, b] : null;
}
const idOf = (arg: string): number | null => {
  if (!/^\d{1,16}$/.test(arg)) return null;
  const n = Number(arg);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

const nameOf = (u: { firstName: string; lastName: string | null }) =>
  [u.firstName, u.lastName].filter(Boolean).join(' ') || '—';
const tierName = (ctx: Context, tier: string) => ctx.t('tier-name', { tier });

/** The pending money action kept in the open question while the member decides. */
interface Pending {
  op: 'add' | 'remove' | 'pass';
  userId: number;
  amount: number;
  reason?: string;
  token: string;
}

function parsePending(arg: string): Pending | null {
  try {
    const p = JSON.parse(arg) as Partial<Pending>;
    if (
      (p.op === 'add' || p.op === 'remove' || p.op === 'pass') &&
      Number.isSafeInteger(p.userId) &&
      Number.isSafeInteger(p.amount) &&
      typeof p.token === 'string' &&
      (p.reason === undefined || typeof p.reason === 'string')
    )
      return p as Pending;
  } catch {
    // not ours
  }
  return null;
}

export const usersCategory: HubCategory = {
  id: CAT,
  permission: 'users.view',
  titleKey: 'admin-hub-category-users',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    const svc = ctx.services.adminUsers;
    switch (act) {
      case 'main': {
        const page = /^\d{1,3}$/.test(arg) ? Number(arg) : null;
        return page === null ? null : resultsScreen(ctx, page);
      }
      case 'find':
        return {
          text: ctx.t('admin-users-find-ask'),
          rows: [],
          back: { cat: CAT },
          ask: { act: 'query' },
        };
      case 'reset': {
        const res = await svc.updateSearch(actor, { reset: true });
        if (!res.ok) return refusal(ctx, res.code);
        return resultsScreen(ctx, 0);
      }
      case 'filters':
        return filtersScreen(ctx);
      case 'ftier': {
        const i = Number(arg);
        if (!/^[0-3]$/.test(arg)) return null;
        return patchFilters(ctx, { tier: i === 0 ? null : TIERS[i - 1]! });
      }
      case 'fban':
      case 'fpay': {
        if (!/^[0-2]$/.test(arg)) return null;
        const value = arg === '0' ? null : arg === '1';
        return patchFilters(ctx, act === 'fban' ? { banned: value } : { paying: value });
      }
      case 'fact': {
        const days = Number(arg);
        if (!/^\d{1,4}$/.test(arg) || days > MAX_ACTIVE_DAYS) return null;
        return patchFilters(ctx, { activeDays: days === 0 ? null : days });
      }
      case 'fspent':
        if (arg === '0') return patchFilters(ctx, { spentMin: null });
        if (!(await ctx.services.access.can(actor, 'stats.view'))) return notAllowed(ctx);
        return {
          text: ctx.t('admin-users-spent-ask'),
          rows: [],
          back: { cat: CAT, act: 'filters' },
          ask: { act: 'spent' },
        };
      case 'card': {
        const userId = idOf(arg);
        return userId === null ? null : cardScreen(ctx, userId);
      }
      case 'add':
      case 'rm':
      case 'pass': {
        const userId = idOf(arg);
        if (userId === null) return null;
        const card = await loadCard(ctx, userId);
        if ('text' in card) return card;
        const allowed = act === 'rm' ? card.can.adjust : card.can.gift;
        if (!allowed) return notAllowed(ctx, userId);
        const key =
          act === 'add'
            ? 'admin-users-add-ask'
            : act === 'rm'
              ? 'admin-users-remove-ask'
              : 'admin-users-pass-ask';
        return {
          text: ctx.t(key, { name: nameOf(card.user), balance: card.user.balance }),
          rows: [],
          back: { cat: CAT, act: 'card', arg: userId },
          ask: { act: act === 'add' ? 'addamt' : act === 'rm' ? 'rmamt' : 'passlen', arg: userId },
        };
      }
      case 'do':
        return doPending(ctx, arg);
      case 'ban':
      case 'unban': {
        const userId = idOf(arg);
        if (userId === null) return null;
        const card = await loadCard(ctx, userId);
        if ('text' in card) return card;
        if (!card.can.ban) return notAllowed(ctx, userId);
        return {
          text: ctx.t(act === 'ban' ? 'admin-users-ban-confirm' : 'admin-users-unban-confirm', {
            name: nameOf(card.user),
          }),
          rows: [
            [
              { text: ctx.t('admin-users-confirm'), to: { cat: CAT, act: `${act}yes`, arg: userId } },
              { text: ctx.t('admin-users-cancel'), to: { cat: CAT, act: 'card', arg: userId } },
            ],
          ],
          back: { cat: CAT, act: 'card', arg: userId },
        };
      }
      case 'banyes':
      case 'unbanyes': {
        const userId = idOf(arg);
        if (userId === null) return null;
        const banned = act === 'banyes';
        const res = await svc.setBan({ adminId: actor, userId, banned, key: `hub:${ctx.update.update_id}` });
        if (!res.ok) return refusal(ctx, res.code === 'not_admin' ? 'not_allowed' : res.code, userId);
        const notice = res.changed
          ? ctx.t(banned ? 'admin-users-banned' : 'admin-users-unbanned')
          : ctx.t(banned ? 'admin-users-already-banned' : 'admin-users-already-unbanned');
        return cardScreen(ctx, userId, notice);
      }
      case 'tier': {
        const userId = idOf(arg);
        if (userId === null) return null;
        const card = await loadCard(ctx, userId);
        if ('text' in card) return card;
        if (!card.can.adjust) return notAllowed(ctx, userId);
        const choice = (i: number, label: string): HubButton => ({
          text: label,
          to: { cat: CAT, act: 'settier', arg: `${userId}x${i}` },
        });
        return {
          text: ctx.t('admin-users-tier-ask', {
            name: nameOf(card.user),
            tier: tierName(ctx, card.tier.tier),
            automatic: tierName(ctx, card.tier.automatic),
          }),
          rows: [
            TIERS.map((t, i) =>
              choice(i + 1, `${card.tier.manual && card.tier.tier === t ? '✓ ' : ''}${tierName(ctx, t)}`),
            ),
            [choice(0, ctx.t('admin-users-tier-auto'))],
          ],
          back: { cat: CAT, act: 'card', arg: userId },
        };
      }
      case 'settier': {
        const p = pair(arg);
        if (!p || p[1] > TIERS.length) return null;
        const [userId, i] = p;
        const tier: Tier | null = i === 0 ? null : TIERS[i - 1]!;
        const res = await svc.setTier({ adminId: actor, userId, tier });
        if (!res.ok) return refusal(ctx, res.code, userId);
        return cardScreen(
          ctx,
          userId,
          ctx.t(res.manual ? 'admin-users-tier-set' : 'admin-users-tier-cleared', {
            tier: tierName(ctx, res.tier),
          }),
        );
      }
      default:
        return null;
    }
  },

  async input(ctx, act, arg, message) {
    const actor = ctx.from!.id;
    const svc = ctx.services.adminUsers;
    const typed = message.text?.trim();
    switch (act) {
      case 'query': {
        if (!typed || !parseUserQuery(typed)) return { retry: ctx.t('admin-users-find-invalid') };
        const res = await svc.updateSearch(actor, { query: typed });
        if (!res.ok) return res.code === 'not_allowed' ? null : { retry: ctx.t('admin-users-find-invalid') };
        return resultsScreen(ctx, 0);
      }
      case 'spent': {
        const n = wholeNumber(typed);
        if (n === null || n < 1 || n > MAX_SPENT_FILTER)
          return { retry: ctx.t('admin-users-spent-invalid', { max: MAX_SPENT_FILTER }) };
        const res = await svc.updateSearch(actor, { spentMin: n });
        if (!res.ok) return null;
        return filtersScreen(ctx);
      }
      case 'addamt':
      case 'rmamt': {
        const userId = idOf(arg);
        if (userId === null) return null;
        const n = wholeNumber(typed);
        if (n === null || n < 1 || n > MAX_GIFT_CREDITS)
          return { retry: ctx.t('admin-users-amount-invalid', { max: MAX_GIFT_CREDITS }) };
        const card = await loadCard(ctx, userId);
        if ('text' in card) return card;
        // The role may have changed since the question was asked (the use case checks again at Confirm).
        if (!(act === 'addamt' ? card.can.gift : card.can.adjust)) return notAllowed(ctx, userId);
        if (act === 'addamt') return confirmScreen(ctx, card, { op: 'add', userId, amount: n });
        // Never below zero: said now, with the balance (the ledger refuses it again at Confirm).
        if (n > card.user.balance)
          return { retry: ctx.t('admin-users-remove-too-much', { balance: card.user.balance }) };
        return {
          text: ctx.t('admin-users-reason-ask', { credits: n, name: nameOf(card.user) }),
          rows: [],
          back: { cat: CAT, act: 'card', arg: userId },
          ask: { act: 'rmwhy', arg: `${userId}x${n}` },
        };
      }
      case 'rmwhy': {
        const p = pair(arg);
        if (!p) return null;
        if (!typed || typed.length > MAX_REASON_LENGTH)
          return { retry: ctx.t('admin-users-reason-invalid', { max: MAX_REASON_LENGTH }) };
        const card = await loadCard(ctx, p[0]);
        if ('text' in card) return card;
        if (!card.can.adjust) return notAllowed(ctx, p[0]);
        return confirmScreen(ctx, card, { op: 'remove', userId: p[0], amount: p[1], reason: typed });
      }
      case 'passlen': {
        const userId = idOf(arg);
        if (userId === null) return null;
        const seconds = typed ? parseDuration(typed) : null;
        if (seconds === null || seconds < 60 || seconds > 365 * 86_400)
          return { retry: ctx.t('admin-users-pass-invalid') };
        const card = await loadCard(ctx, userId);
        if ('text' in card) return card;
        if (!card.can.gift) return notAllowed(ctx, userId);
        return confirmScreen(ctx, card, { op: 'pass', userId, amount: seconds });
      }
      case 'confirm':
        return parsePending(arg) ? { retry: ctx.t('admin-users-confirm-press') } : null;
      default:
        return null;
    }
  },
};

const wholeNumber = (text: string | undefined): number | null =>
  text && /^\d{1,12}$/.test(text.replace(/[\s,._']/g, '')) ? Number(text.replace(/[\s,._']/g, '')) : null;

function notAllowed(ctx: Context, userId?: number): HubScreen {
  return {
    text: ctx.t('admin-hub-not-allowed'),
    rows: [],
    back: userId ? { cat: CAT, act: 'card', arg: userId } : { cat: CAT },
  };
}

function refusal(ctx: Context, code: string, userId?: number, balance?: number): HubScreen {
  if (code === 'not_allowed') return notAllowed(ctx, userId);
  const text =
    code === 'unknown_fan'
      ? ctx.t('admin-users-unknown')
      : code === 'insufficient'
        ? ctx.t('admin-users-remove-too-much', { balance: balance ?? 0 })
        : ctx.t('admin-users-invalid');
  return {
    text,
    rows: [],
    back: userId && code !== 'unknown_fan' ? { cat: CAT, act: 'card', arg: userId } : { cat: CAT },
  };
}

async function loadCard(ctx: Context, userId: number): Promise<UserCard | HubScreen> {
  const res = await ctx.services.adminUsers.card(ctx.from!.id, userId);
  return res.ok ? res.card : refusal(ctx, res.code, userId);
}

// ——— the list and its filters ———

function criteriaLine(ctx: Context, s: UserSearch): string {
  const parts: string[] = [];
  if (s.query) parts.push(ctx.t('admin-users-crit-query', { query: s.query }));
  if (s.tier) parts.push(ctx.t('admin-users-crit-tier', { tier: tierName(ctx, s.tier) }));
  if (s.banned !== undefined)
    parts.push(ctx.t(s.banned ? 'admin-users-crit-banned' : 'admin-users-crit-not-banned'));
  if (s.paying !== undefined)
    parts.push(ctx.t(s.paying ? 'admin-users-crit-paying' : 'admin-users-crit-not-paying'));
  if (s.activeDays) parts.push(ctx.t('admin-users-crit-active', { days: s.activeDays }));
  if (s.spentMin) parts.push(ctx.t('admin-users-crit-spent', { credits: s.spentMin }));
  return parts.length > 0 ? parts.join(' · ') : ctx.t('admin-users-crit-none');
}

function itemLine(ctx: Context, u: UserListItem, revenue: boolean): string {
  const who = [nameOf(u), u.username ? `@${u.username}` : null, String(u.id)].filter(Boolean).join(' · ');
  const facts = [
    tierName(ctx, u.tier),
    ctx.t('admin-users-item-balance', { balance: u.creditBalance }),
    ...(revenue ? [ctx.t('admin-users-item-spent', { spent: u.lifetimeSpent })] : []),
    ...(u.isBanned ? [ctx.t('admin-users-item-banned')] : []),
  ];
  return `${who} — ${facts.join(', ')}`;
}

async function resultsScreen(ctx: Context, page: number): Promise<HubScreen> {
  const res = await ctx.services.adminUsers.search(ctx.from!.id, page);
  if (!res.ok) return refusal(ctx, res.code);
  return listOf(ctx, res);
}

function listOf(ctx: Context, res: UsersPage): HubScreen {
  const header = [ctx.t('admin-users-title'), criteriaLine(ctx, res.search)].join('\n');
  const room = Math.floor((MAX_TEXT - header.length - 200) / USERS_PAGE_SIZE);
  const lines = res.items.map(
    (u, i) => `${res.page * USERS_PAGE_SIZE + i + 1}. ${escapeCut(itemLine(ctx, u, res.revenue), room)}`,
  );
  const body = lines.length > 0 ? lines.join('\n') : ctx.t('admin-users-none');
  const footer = res.page > 0 || res.hasMore ? ctx.t('admin-users-page', { page: res.page + 1 }) : '';
  const rows: HubButton[][] = res.items.map((u, i) => [
    {
      text: `${res.page * USERS_PAGE_SIZE + i + 1}. ${nameOf(u)}${u.username ? ` @${u.username}` : ''}`,
      to: { cat: CAT, act: 'card', arg: u.id },
    },
  ]);
  const nav: HubButton[] = [
    ...(res.page > 0 ? [{ text: '◀', to: { cat: CAT, act: 'main', arg: res.page - 1 } }] : []),
    ...(res.hasMore ? [{ text: '▶', to: { cat: CAT, act: 'main', arg: res.page + 1 } }] : []),
  ];
  if (nav.length > 0) rows.push(nav);
  const any = Object.values(res.search).some((v) => v !== undefined);
  rows.push([
    { text: ctx.t('admin-users-find'), to: { cat: CAT, act: 'find' } },
    { text: ctx.t('admin-users-filters'), to: { cat: CAT, act: 'filters' } },
    ...(any ? [{ text: ctx.t('admin-users-reset'), to: { cat: CAT, act: 'reset' } }] : []),
  ]);
  return { text: fitText([header, body, footer].filter(Boolean).join('\n\n')), rows };
}

async function patchFilters(
  ctx: Context,
  patch: Parameters<Context['services']['adminUsers']['updateSearch']>[1],
): Promise<HubScreen> {
  const res = await ctx.services.adminUsers.updateSearch(ctx.from!.id, patch);
  if (!res.ok) return refusal(ctx, res.code);
  return filtersScreen(ctx);
}

async function filtersScreen(ctx: Context): Promise<HubScreen> {
  const res = await ctx.services.adminUsers.search(ctx.from!.id, 0);
  if (!res.ok) return refusal(ctx, res.code);
  const s = res.search;
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  const to = (act: string, arg: string | number) => ({ cat: CAT, act, arg });
  const rows: HubButton[][] = [
    [
      { text: mark(!s.tier, ctx.t('admin-users-any-tier')), to: to('ftier', 0) },
      ...TIERS.map((t, i) => ({ text: mark(s.tier === t, tierName(ctx, t)), to: to('ftier', i + 1) })),
    ],
    [
      { text: mark(s.banned === undefined, ctx.t('admin-users-f-ban-any')), to: to('fban', 0) },
      { text: mark(s.banned === true, ctx.t('admin-users-f-banned')), to: to('fban', 1) },
      { text: mark(s.banned === false, ctx.t('admin-users-f-not-banned')), to: to('fban', 2) },
    ],
    [
      { text: mark(s.paying === undefined, ctx.t('admin-users-f-pay-any')), to: to('fpay', 0) },
      { text: mark(s.paying === true, ctx.t('admin-users-f-paying')), to: to('fpay', 1) },
      { text: mark(s.paying === false, ctx.t('admin-users-f-not-paying')), to: to('fpay', 2) },
    ],
    [
      { text: mark(!s.activeDays, ctx.t('admin-users-f-active-any')), to: to('fact', 0) },
      ...[1, 7, 30, 90].map((d) => ({
        text: mark(s.activeDays === d, ctx.t('admin-users-f-active', { days: d })),
        to: to('fact', d),
      })),
    ],
    ...(res.revenue
      ? [
          [
            {
              text: s.spentMin
                ? ctx.t('admin-users-crit-spent', { credits: s.spentMin })
                : ctx.t('admin-users-f-spent'),
              to: to('fspent', 1),
            },
            ...(s.spentMin ? [{ text: ctx.t('admin-users-f-spent-clear'), to: to('fspent', 0) }] : []),
          ],
        ]
      : []),
    [
      {
        text: ctx.t('admin-users-show', { more: res.hasMore ? 1 : 0, count: res.items.length }),
        to: to('main', 0),
      },
    ],
  ];
  return {
    text: [ctx.t('admin-users-filters-title'), criteriaLine(ctx, s)].join('\n'),
    rows,
  };
}

// ——— the card ———

async function cardScreen(ctx: Context, userId: number, notice?: string): Promise<HubScreen> {
  const card = await loadCard(ctx, userId);
  if ('text' in card) return card;
  return cardOf(ctx, card, notice);
}

function cardOf(ctx: Context, c: UserCard, notice?: string): HubScreen {
  const u = c.user;
  const yes = (b: boolean) => ctx.t(b ? 'admin-users-yes' : 'admin-users-no');
  const lines = [
    ...(notice ? [notice, ''] : []),
    ctx.t('admin-users-card-title', { name: nameOf(u) }),
    ctx.t('admin-users-card-id', {
      id: String(u.id),
      username: u.username ? `@${u.username}` : '—',
      language: u.locale ?? '—',
    }),
    ctx.t('admin-users-card-balance', { balance: u.balance }),
    c.pass
      ? ctx.t('admin-users-card-pass', { until: c.pass.until, left: { duration: c.pass.leftMs } })
      : ctx.t('admin-users-card-no-pass'),
    ctx.t(c.tier.manual ? 'admin-users-card-tier-manual' : 'admin-users-card-tier', {
      tier: tierName(ctx, c.tier.tier),
    }),
    ...(c.lifetimeSpent !== null ? [ctx.t('admin-users-card-spent', { spent: c.lifetimeSpent })] : []),
    ctx.t('admin-users-card-state', { banned: yes(u.isBanned), blocked: yes(u.blockedBot) }),
    ctx.t('admin-users-card-seen', { seen: u.lastSeenAt, joined: u.createdAt }),
    c.topic
      ? ctx.t('admin-users-card-topic', { link: topicLink(c.topic.groupId, c.topic.threadId) })
      : ctx.t('admin-users-card-no-topic'),
  ];
  if (c.payments !== null) {
    lines.push('', ctx.t('admin-users-card-payments', { count: c.payments.length }));
    for (const p of c.payments)
      lines.push(
        ctx.t('admin-users-card-payment', {
          id: p.id,
          title: p.productTitle,
          amount:
            p.rail === 'stars' ? `${p.amount} ⭐` : { money: { minor: p.amount, currency: p.currency } },
          status: p.status,
          at: p.createdAt,
        }),
      );
  }
  const to = (act: string) => ({ cat: CAT, act, arg: u.id });
  const rows: HubButton[][] = [];
  if (c.can.gift || c.can.adjust)
    rows.push([
      ...(c.can.gift ? [{ text: ctx.t('admin-users-add'), to: to('add') }] : []),
      ...(c.can.adjust ? [{ text: ctx.t('admin-users-remove'), to: to('rm') }] : []),
    ]);
  if (c.can.gift || c.can.adjust)
    rows.push([
      ...(c.can.gift ? [{ text: ctx.t('admin-users-pass'), to: to('pass') }] : []),
      ...(c.can.adjust ? [{ text: ctx.t('admin-users-tier'), to: to('tier') }] : []),
    ]);
  if (c.can.ban)
    rows.push([
      u.isBanned
        ? { text: ctx.t('admin-users-unban'), to: to('unban') }
        : { text: ctx.t('admin-users-ban'), to: to('ban') },
    ]);
  if (c.topic)
    rows.push([{ text: ctx.t('admin-users-open-topic'), url: topicLink(c.topic.groupId, c.topic.threadId) }]);
  return { text: fitText(lines.join('\n')), rows, back: { cat: CAT } };
}

// ——— money actions: confirm, then do ———

function confirmScreen(ctx: Context, card: UserCard, p: Omit<Pending, 'token'>): HubInputResult {
  const pending: Pending = { ...p, token: mintNonceText() };
  const name = nameOf(card.user);
  const text =
    p.op === 'add'
      ? ctx.t('admin-users-add-confirm', { credits: p.amount, name, balance: card.user.balance })
      : p.op === 'remove'
        ? ctx.t('admin-users-remove-confirm', {
            credits: p.amount,
            name,
            balance: card.user.balance,
            reason: p.reason ?? '',
          })
        : ctx.t('admin-users-pass-confirm', { duration: { duration: p.amount * 1000 }, name });
  return {
    text,
    rows: [
      [
        { text: ctx.t('admin-users-confirm'), to: { cat: CAT, act: 'do', arg: pending.token } },
        { text: ctx.t('admin-users-cancel'), to: { cat: CAT, act: 'card', arg: p.userId } },
      ],
    ],
    back: { cat: CAT, act: 'card', arg: p.userId },
    ask: { act: 'confirm', arg: JSON.stringify(pending) },
  };
}

/** Confirm: the open question must be this confirmation (its token); then the action runs, keyed by it. */
async function doPending(ctx: Context, token: string): Promise<HubScreen> {
  const actor = ctx.from!.id;
  const ask = await ctx.services.hub.pendingAsk(actor);
  const p = ask && ask.cat === CAT && ask.act === 'confirm' ? parsePending(ask.arg) : null;
  if (!p || p.token !== token)
    return { text: ctx.t('admin-users-confirm-gone'), rows: [], back: { cat: CAT } };
  const svc = ctx.services.adminUsers;
  const key = `hub:${p.token}`;
  if (p.op === 'remove') {
    const res = await svc.removeCredits({
      adminId: actor,
      userId: p.userId,
      credits: p.amount,
      reason: p.reason ?? '',
      key,
    });
    if (!res.ok) return refusal(ctx, res.code, p.userId, res.balance);
    return cardScreen(
      ctx,
      p.userId,
      ctx.t('admin-users-removed', { credits: p.amount, balance: res.balance }),
    );
  }
  if (p.op === 'add') {
    const res = await svc.addCredits({ adminId: actor, userId: p.userId, credits: p.amount, key });
    if (!res.ok) return refusal(ctx, res.code === 'not_admin' ? 'not_allowed' : res.code, p.userId);
    return cardScreen(ctx, p.userId, ctx.t('admin-users-added', { credits: p.amount, balance: res.balance }));
  }
  const res = await svc.giftPass({ adminId: actor, userId: p.userId, seconds: p.amount, key });
  if (!res.ok) return refusal(ctx, res.code === 'not_admin' ? 'not_allowed' : res.code, p.userId);
  return cardScreen(ctx, p.userId, ctx.t('admin-users-passed', { until: res.until }));
}

import {
  CONVERSATION_LISTS,
  type ConversationList,
  type ConversationRow,
  type ResponseTimes,
} from '../../../../app/ports/conversations.ts';
import type { ConversationView } from '../../../../app/admin/conversations/index.ts';
import type { Context } from '../../../context.ts';
import { refreshRow, updatedLine } from './figures.ts';
import { cut, escapeCut, fitText, type HubButton, type HubCategory, type HubScreen } from './screen.ts';

/**
 * Conversations (agents and up; managing needs `conversations.manage`): the open, unread, priority,
 * pinned and "assigned to me" lists, one conversation's screen with its actions, and first-response
 * times. Arguments are words: a list page is `<page>`; a conversation is `<fan>_<list letter><page>`
 * (the list and page Back returns to); an assignment `<fan>_<member>_<list letter><page>`.
 */
const CAT = 'conversations';

/** One letter per list, to keep callback data within 64 bytes. */
const LETTER: Record<ConversationList, string> = {
  open: 'o',
  unread: 'u',
  priority: 'p',
  pinned: 'n',
  mine: 'm',
};
const BY_LETTER = Object.fromEntries(Object.entries(LETTER).map(([l, c]) => [c, l])) as Record<
  string,
  ConversationList
>;

const TITLE: Record<ConversationList, string> = {
  open: 'admin-conversations-list-open-title',
  unread: 'admin-conversations-list-unread-title',
  priority: 'admin-conversations-list-priority-title',
  pinned: 'admin-conversations-list-pinned-title',
  mine: 'admin-conversations-list-mine-title',
};
const BUTTON: Record<ConversationList, string> = {
  open: 'admin-conversations-list-open-button',
  unread: 'admin-conversations-list-unread-button',
  priority: 'admin-conversations-list-priority-button',
  pinned: 'admin-conversations-list-pinned-button',
  mine: 'admin-conversations-list-mine-button',
};

interface Back {
  list: ConversationList;
  page: number;
}

const ID = /^[1-9]\d{0,14}$/;
const PAGE = /^\d{1,4}$/;

/** `<list letter><page>` → where Back leads. */
function parseBack(word: string | undefined): Back | null {
  if (!word) return null;
  const list = BY_LETTER[word[0]!];
  const page = word.slice(1);
  return list && PAGE.test(page) ? { list, page: Number(page) } : null;
}
const backWord = (b: Back) => `${LETTER[b.list]}${b.page}`;

/** `<fan>_<back>` */
function parseFanArg(arg: string): { fan: number; back: Back } | null {
  const [fan, back, ...rest] = arg.split('_');
  const b = parseBack(back);
  return rest.length === 0 && fan && ID.test(fan) && b ? { fan: Number(fan), back: b } : null;
}

const isList = (act: string): act is ConversationList =>
  (CONVERSATION_LISTS as readonly string[]).includes(act);

const notAllowed = (ctx: Context): HubScreen => ({ text: ctx.t('admin-hub-not-allowed'), rows: [] });

export const conversationsCategory: HubCategory = {
  id: CAT,
  permission: 'users.view',
  titleKey: 'admin-hub-category-conversations',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    if (act === 'main') return arg === '0' ? mainScreen(ctx, actor) : null;
    if (isList(act)) return PAGE.test(arg) ? listScreen(ctx, actor, act, Number(arg)) : null;
    if (act === 'to') {
      const [fan, member, back, ...rest] = arg.split('_');
      const b = parseBack(back);
      if (rest.length > 0 || !fan || !ID.test(fan) || !member || !ID.test(member) || !b) return null;
      const res = await ctx.services.conversations.assign(actor, Number(fan), Number(member));
      return afterAction(ctx, actor, Number(fan), b, res, 'admin-conversations-done-assigned');
    }
    const target = parseFanArg(arg);
    if (!target) return null;
    const { fan, back } = target;
    const s = ctx.services.conversations;
    switch (act) {
      case 'view':
        return viewScreen(ctx, actor, fan, back);
      case 'prio':
      case 'unprio':
        return afterAction(
          ctx,
          actor,
          fan,
          back,
          await s.setFlag(actor, fan, 'priority', act === 'prio'),
          act === 'prio' ? 'admin-conversations-done-priority' : 'admin-conversations-done-unpriority',
        );
      case 'pin':
      case 'unpin':
        return afterAction(
          ctx,
          actor,
          fan,
          back,
          await s.setFlag(actor, fan, 'pinned', act === 'pin'),
          act === 'pin' ? 'admin-conversations-done-pinned' : 'admin-conversations-done-unpinned',
        );
      case 'close':
      case 'reopen':
        return afterAction(
          ctx,
          actor,
          fan,
          back,
          await s.setOpen(actor, fan, act === 'reopen', ctx.callbackQuery?.id ?? `${actor}:${Date.now()}`),
          act === 'close' ? 'admin-conversations-done-closed' : 'admin-conversations-done-reopened',
        );
      case 'unassign':
        return afterAction(
          ctx,
          actor,
          fan,
          back,
          await s.assign(actor, fan, null),
          'admin-conversations-done-unassigned',
        );
      case 'assign':
        return pickerScreen(ctx, actor, fan, back);
      default:
        return null;
    }
  },
};

/** After an action: the conversation again with what happened on top, or why nothing did. */
async function afterAction(
  ctx: Context,
  actor: number,
  fan: number,
  back: Back,
  res: { ok: true } | { ok: false; code: string },
  doneKey: string,
): Promise<HubScreen> {
  if (!res.ok) {
    if (res.code === 'not_allowed') return notAllowed(ctx);
    if (res.code === 'not_assignable')
      return viewScreen(ctx, actor, fan, back, ctx.t('admin-conversations-not-assignable'));
    return goneScreen(ctx, back);
  }
  return viewScreen(ctx, actor, fan, back, ctx.t(doneKey));
}

const goneScreen = (ctx: Context, back: Back): HubScreen => ({
  text: ctx.t('admin-conversations-gone'),
  rows: [],
  back: { cat: CAT, act: back.list, arg: back.page },
});

const duration = (ms: number) => ({ duration: Math.max(0, ms) });

function timesLine(ctx: Context, keys: [string, string], r: ResponseTimes): string {
  if (r.count === 0 || r.p50Ms === null || r.p90Ms === null) return ctx.t(keys[1]);
  return ctx.t(keys[0], { p50: duration(r.p50Ms), p90: duration(r.p90Ms), count: r.count });
}

async function mainScreen(ctx: Context, actor: number): Promise<HubScreen> {
  const res = await ctx.services.conversations.overview(actor);
  if (!res.ok) return notAllowed(ctx);
  const c = res.counts;
  const button = (list: ConversationList): HubButton => ({
    text: ctx.t(BUTTON[list], { count: c[list] }),
    to: { cat: CAT, act: list, arg: 0 },
  });
  return {
    text: [
      ctx.t('admin-conversations-title'),
      '',
      ctx.t('admin-conversations-counts', { ...c }),
      '',
      ctx.t('admin-conversations-response-title'),
      timesLine(
        ctx,
        ['admin-conversations-response-7', 'admin-conversations-response-7-none'],
        res.responseTimes.days7,
      ),
      timesLine(
        ctx,
        ['admin-conversations-response-30', 'admin-conversations-response-30-none'],
        res.responseTimes.days30,
      ),
      '',
      updatedLine(ctx, res.at),
    ].join('\n'),
    rows: [
      [button('open'), button('unread')],
      [button('priority'), button('pinned')],
      [button('mine')],
      refreshRow(ctx, CAT),
    ],
  };
}

const fanName = (r: Pick<ConversationRow, 'firstName' | 'lastName' | 'username'>) =>
  [r.firstName, r.lastName].filter(Boolean).join(' ') + (r.username ? ` (@${r.username})` : '');

function flagMarks(r: Pick<ConversationRow, 'priority' | 'pinned' | 'status'>): string {
  return [r.pinned ? '📌' : '', r.priority ? '⭐' : '', r.status === 'closed' ? '🔒' : ''].join('');
}

async function listScreen(
  ctx: Context,
  actor: number,
  list: ConversationList,
  page: number,
): Promise<HubScreen> {
  const res = await ctx.services.conversations.list(actor, list, page);
  if (!res.ok) return notAllowed(ctx);
  const header = ctx.t(TITLE[list], { count: res.total });
  const footer = res.pages > 1 ? ctx.t('admin-hub-page', { page: res.page + 1, pages: res.pages }) : '';
  const back: Back = { list, page: res.page };
  // Each line is HTML made of catalogue texts and the fan's name, cut so a full page fits.
  const lines = res.rows.map((r) => {
    const marks = flagMarks(r);
    return [
      `${marks ? `${marks} ` : ''}${escapeCut(fanName(r), 64)}`,
      r.unread > 0 && r.waitingSince
        ? ctx.t('admin-conversations-line-waiting', {
            count: r.unread,
            since: duration(res.at.getTime() - r.waitingSince.getTime()),
          })
        : ctx.t('admin-conversations-line-answered'),
      r.assigneeId === null
        ? ''
        : ctx.t('admin-conversations-line-assignee', {
            name: cut(res.names[r.assigneeId] ?? String(r.assigneeId), 32),
          }),
    ]
      .filter(Boolean)
      .join(' · ');
  });
  const rows: HubButton[][] = res.rows.map((r) => [
    {
      text: `${flagMarks(r)} ${fanName(r)}`.trim(),
      to: { cat: CAT, act: 'view', arg: `${r.userId}_${backWord(back)}` },
    },
    { text: ctx.t('admin-conversations-topic-button'), url: r.link },
  ]);
  if (res.pages > 1)
    rows.push([
      ...(res.page > 0 ? [{ text: '◀', to: { cat: CAT, act: list, arg: res.page - 1 } }] : []),
      ...(res.page < res.pages - 1 ? [{ text: '▶', to: { cat: CAT, act: list, arg: res.page + 1 } }] : []),
    ]);
  const body = lines.length > 0 ? lines.join('\n') : ctx.t('admin-conversations-empty');
  return {
    text: fitText([header, body, footer].filter(Boolean).join('\n\n')),
    rows,
    back: { cat: CAT },
  };
}

function viewText(ctx: Context, v: ConversationView, at: Date, notice?: string): string {
  const c = v.conversation;
  const flags = [
    c.priority ? ctx.t('admin-conversations-flag-priority') : '',
    c.pinned ? ctx.t('admin-conversations-flag-pinned') : '',
    c.status === 'closed' ? ctx.t('admin-conversations-flag-closed') : ctx.t('admin-conversations-flag-open'),
  ].filter(Boolean);
  return [
    ...(notice ? [notice, ''] : []),
    ctx.t('admin-conversations-view-title', { name: fanName(c), id: String(c.userId) }),
    ctx.t('admin-conversations-view-tier', { tier: v.tier, balance: v.balance }),
    c.unread > 0 && c.waitingSince
      ? ctx.t('admin-conversations-view-waiting', {
          since: c.waitingSince,
          wait: duration(at.getTime() - c.waitingSince.getTime()),
          count: c.unread,
        })
      : ctx.t('admin-conversations-view-answered'),
    v.assignee
      ? ctx.t('admin-conversations-view-assignee', { name: v.assignee.name ?? String(v.assignee.id) })
      : ctx.t('admin-conversations-view-unassigned'),
    ctx.t('admin-conversations-view-flags', { flags: flags.join(' · ') }),
  ].join('\n');
}

async function viewScreen(
  ctx: Context,
  actor: number,
  fan: number,
  back: Back,
  notice?: string,
): Promise<HubScreen> {
  const res = await ctx.services.conversations.view(actor, fan);
  if (!res.ok) return res.code === 'not_allowed' ? notAllowed(ctx) : goneScreen(ctx, back);
  const v = res.view;
  const c = v.conversation;
  const arg = `${fan}_${backWord(back)}`;
  const to = (act: string) => ({ cat: CAT, act, arg });
  const rows: HubButton[][] = [[{ text: ctx.t('admin-conversations-topic-button'), url: v.link }]];
  if (res.canManage)
    rows.push(
      [
        c.priority
          ? { text: ctx.t('admin-conversations-unpriority'), to: to('unprio') }
          : { text: ctx.t('admin-conversations-priority'), to: to('prio') },
        c.pinned
          ? { text: ctx.t('admin-conversations-unpin'), to: to('unpin') }
          : { text: ctx.t('admin-conversations-pin'), to: to('pin') },
      ],
      [
        c.status === 'closed'
          ? { text: ctx.t('admin-conversations-reopen'), to: to('reopen') }
          : { text: ctx.t('admin-conversations-close'), to: to('close') },
        { text: ctx.t('admin-conversations-assign'), to: to('assign') },
        ...(v.assignee ? [{ text: ctx.t('admin-conversations-unassign'), to: to('unassign') }] : []),
      ],
    );
  return {
    text: viewText(ctx, v, res.at, notice),
    rows,
    back: { cat: CAT, act: back.list, arg: back.page },
  };
}

async function pickerScreen(ctx: Context, actor: number, fan: number, back: Back): Promise<HubScreen> {
  const [res, view] = await Promise.all([
    ctx.services.conversations.assignable(actor),
    ctx.services.conversations.view(actor, fan),
  ]);
  if (!res.ok) return notAllowed(ctx);
  if (!view.ok) return goneScreen(ctx, back);
  const current = view.view.assignee?.id ?? null;
  return {
    text: ctx.t('admin-conversations-pick', { name: fanName(view.view.conversation) }),
    rows: res.members.map((m) => [
      {
        text: `${m.id === current ? '✅ ' : ''}${m.name ?? String(m.id)}${m.id === actor ? ` ${ctx.t('admin-conversations-pick-you')}` : ''}`,
        to: { cat: CAT, act: 'to', arg: `${fan}_${m.id}_${backWord(back)}` },
      },
    ]),
    back: { cat: CAT, act: 'view', arg: `${fan}_${backWord(back)}` },
  };
}

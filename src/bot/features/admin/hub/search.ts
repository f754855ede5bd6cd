import type { MessageSearchResult, PaymentSearchResult } from '../../../../app/admin/search/index.ts';
import { SEARCH_PAGE } from '../../../../app/admin/search/index.ts';
import { topicLink } from '../../../../app/messages.ts';
import type { MessageHit } from '../../../../app/ports/index.ts';
import type { PaymentQuery } from '../../../../domain/search/index.ts';
import type { Context } from '../../../context.ts';
import { typeLabel } from '../../fan-relay.ts';
import { amountText, lineOf } from './payments.ts';
import { cut, escapeCut, fitText, type HubButton, type HubCategory, type HubScreen } from './screen.ts';

/**
 * Search (`/search`, `users.view`): users (the Users category's own search), payments by any mix of
 * filters (`stats.view`, typed as words: see domain/search/payment-query.ts) and relayed messages by
 * their kept text, each with the fan and a link to the message in its topic. A page's argument is its
 * number; the query is kept per member (app/admin/search).
 */
const CAT = 'search';
const PAGE = /^\d{1,4}$/;

function mainScreen(ctx: Context, payments: boolean): HubScreen {
  return {
    text: ctx.t('admin-search-title'),
    rows: [
      [{ text: ctx.t('admin-search-users-button'), to: { cat: 'users', act: 'find' } }],
      ...(payments ? [[{ text: ctx.t('admin-search-payments-button'), to: { cat: CAT, act: 'pay' } }]] : []),
      [{ text: ctx.t('admin-search-messages-button'), to: { cat: CAT, act: 'msg' } }],
    ],
  };
}

/** What the payment query asked for, as a line (HTML). */
function queryLine(ctx: Context, q: PaymentQuery): string {
  const parts = [
    q.id !== undefined ? `#${q.id}` : '',
    q.username ? `@${q.username}` : '',
    q.userId !== undefined ? `fan:${q.userId}` : '',
    q.amountMin !== undefined || q.amountMax !== undefined
      ? `${q.amountMin ?? '…'}–${q.amountMax ?? '…'}`
      : '',
    q.dateFrom ? (q.dateFrom === q.dateTo ? q.dateFrom : `${q.dateFrom} … ${q.dateTo}`) : '',
    q.rail ? ctx.t(q.rail === 'stars' ? 'admin-search-rail-stars' : 'admin-search-rail-card') : '',
    q.status ?? '',
  ].filter(Boolean);
  return ctx.t('admin-search-payments-query', { query: cut(parts.join(' · '), 200) });
}

function paymentsScreen(ctx: Context, res: PaymentSearchResult): HubScreen | { retry: string } {
  if (!res.ok) {
    if (res.code === 'not_allowed') return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
    if (res.code === 'none') return askPayments(ctx);
    if (res.code === 'unknown_fan')
      return { retry: ctx.t('admin-search-payments-unknown-fan', { username: res.username }) };
    if (res.code === 'empty') return { retry: ctx.t('admin-search-payments-help') };
    const key =
      res.code === 'range'
        ? 'admin-search-payments-range'
        : res.code === 'twice'
          ? 'admin-search-payments-twice'
          : 'admin-search-payments-unknown';
    return { retry: ctx.t(key, { word: cut('word' in res ? res.word : '', 60) }) };
  }
  const { result, page } = res;
  const pages = Math.max(1, Math.ceil(result.total / SEARCH_PAGE));
  const header = [
    ctx.t('admin-search-payments-title'),
    queryLine(ctx, res.query),
    ctx.t(result.capped ? 'admin-search-payments-count-capped' : 'admin-search-payments-count', {
      count: result.total,
    }),
  ].join('\n');
  const lines = result.rows.map((p) => lineOf(ctx, p));
  const rows: HubButton[][] = result.rows.map((p) => [
    {
      text: ctx.t('admin-search-payment-open', { id: String(p.id), amount: amountText(ctx, p) }),
      to: { cat: 'payments', act: 'pay', arg: `${p.id}-m` },
    },
  ]);
  if (pages > 1)
    rows.push([
      ...(page > 0 ? [{ text: '◀', to: { cat: CAT, act: 'payp', arg: page - 1 } }] : []),
      ...(page < pages - 1 ? [{ text: '▶', to: { cat: CAT, act: 'payp', arg: page + 1 } }] : []),
    ]);
  rows.push([{ text: ctx.t('admin-search-again-button'), to: { cat: CAT, act: 'pay' } }]);
  const footer = pages > 1 ? ctx.t('admin-hub-page', { page: page + 1, pages }) : '';
  return {
    text: fitText(
      [header, lines.length ? lines.join('\n') : ctx.t('admin-search-payments-none'), footer]
        .filter(Boolean)
        .join('\n\n'),
    ),
    rows,
    back: { cat: CAT },
  };
}

/** Where a hit is in the fan's topic: the message itself when known, else the topic. */
function hitLink(h: MessageHit): string | null {
  if (h.groupId === null || h.threadId === null) return null;
  const topic = topicLink(h.groupId, h.threadId);
  return h.groupMessageId === null ? topic : `${topic}/${h.groupMessageId}`;
}

function messagesScreen(ctx: Context, res: MessageSearchResult): HubScreen | { retry: string } {
  if (!res.ok) {
    if (res.code === 'not_allowed') return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
    if (res.code === 'none') return askMessages(ctx);
    return {
      retry: ctx.t(res.code === 'empty' ? 'admin-search-messages-empty' : 'admin-search-messages-too-long'),
    };
  }
  const lines = res.hits.map((h, i) =>
    ctx.t(h.direction === 'in' ? 'admin-search-message-in' : 'admin-search-message-out', {
      n: res.page * SEARCH_PAGE + i + 1,
      fan: { html: escapeCut(h.fanName || String(h.userId), 40) },
      username: h.username ? `@${h.username}` : '',
      at: h.at,
      type: typeLabel(ctx.t, h.type),
      text: { html: escapeCut(h.text.replace(/\s+/g, ' '), 300) },
    }),
  );
  const rows: HubButton[][] = res.hits.map((h, i) => {
    const url = hitLink(h);
    const label = ctx.t('admin-search-message-open', {
      n: res.page * SEARCH_PAGE + i + 1,
      fan: h.fanName || String(h.userId),
    });
    return [url ? { text: label, url } : { text: label, to: { cat: 'users', act: 'card', arg: h.userId } }];
  });
  if (res.page > 0 || res.more)
    rows.push([
      ...(res.page > 0 ? [{ text: '◀', to: { cat: CAT, act: 'msgp', arg: res.page - 1 } }] : []),
      ...(res.more ? [{ text: '▶', to: { cat: CAT, act: 'msgp', arg: res.page + 1 } }] : []),
    ]);
  rows.push([{ text: ctx.t('admin-search-again-button'), to: { cat: CAT, act: 'msg' } }]);
  return {
    text: fitText(
      [
        ctx.t('admin-search-messages-title', { query: cut(res.query, 100) }),
        lines.length ? lines.join('\n\n') : ctx.t('admin-search-messages-none', { days: res.retentionDays }),
        res.page > 0 || res.more ? ctx.t('admin-search-messages-page', { page: res.page + 1 }) : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    ),
    rows,
    back: { cat: CAT },
  };
}

const askPayments = (ctx: Context): HubScreen => ({
  text: ctx.t('admin-search-payments-ask'),
  rows: [],
  back: { cat: CAT },
  ask: { act: 'payq' },
});

const askMessages = (ctx: Context): HubScreen => ({
  text: ctx.t('admin-search-messages-ask'),
  rows: [],
  back: { cat: CAT },
  ask: { act: 'msgq' },
});

/** A screen, or a retry turned into the question again with its reason (for a button press). */
const asScreen = (ctx: Context, s: HubScreen | { retry: string }, ask: HubScreen): HubScreen =>
  'retry' in s ? { ...ask, text: `${s.retry}\n\n${ask.text}` } : s;

export const searchCategory: HubCategory = {
  id: CAT,
  permission: 'users.view',
  titleKey: 'admin-hub-category-search',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    switch (act) {
      case 'main':
        return arg === '0' ? mainScreen(ctx, await ctx.services.access.can(actor, 'stats.view')) : null;
      case 'pay':
        return arg === '0' ? askPayments(ctx) : null;
      case 'msg':
        return arg === '0' ? askMessages(ctx) : null;
      case 'payp':
        if (!PAGE.test(arg)) return null;
        return asScreen(
          ctx,
          paymentsScreen(ctx, await ctx.services.search.paymentsAgain(actor, Number(arg))),
          askPayments(ctx),
        );
      case 'msgp':
        if (!PAGE.test(arg)) return null;
        return asScreen(
          ctx,
          messagesScreen(ctx, await ctx.services.search.messagesAgain(actor, Number(arg))),
          askMessages(ctx),
        );
      default:
        return null;
    }
  },
  async input(ctx, act, _arg, message) {
    const typed = message.text ?? '';
    const actor = ctx.from!.id;
    if (act === 'payq') {
      const res = await ctx.services.search.payments(actor, typed);
      return res.ok || res.code !== 'not_allowed' ? paymentsScreen(ctx, res) : null;
    }
    if (act === 'msgq') {
      const res = await ctx.services.search.messages(actor, typed);
      return res.ok || res.code !== 'not_allowed' ? messagesScreen(ctx, res) : null;
    }
    return null;
  },
};

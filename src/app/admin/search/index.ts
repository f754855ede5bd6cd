import { parsePaymentQuery, type PaymentQuery } from '../../../domain/search/index.ts';
import { localDayStart } from '../../../domain/stats/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import type { Access, MessageHit, PaymentFilter, PaymentPage, UnitOfWork } from '../../ports/index.ts';
import { resolveSettings } from '../../system/settings.ts';

export interface SearchDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
}

/** Results per page. */
export const SEARCH_PAGE = 8;
/** The longest message query taken (characters). */
export const MESSAGE_QUERY_MAX = 200;

export type PaymentSearchResult =
  | { ok: true; query: PaymentQuery; page: number; result: PaymentPage }
  | { ok: false; code: 'not_allowed' | 'none' }
  | { ok: false; code: 'unknown_fan'; username: string }
  | ({ ok: false } & Exclude<ReturnType<typeof parsePaymentQuery>, { ok: true }>);

export type MessageSearchResult =
  | { ok: true; query: string; page: number; hits: MessageHit[]; more: boolean; retentionDays: number }
  | { ok: false; code: 'not_allowed' | 'none' | 'empty' | 'too_long' };

/**
 * Search (`/search`): payments by any mix of id, fan, amount range, local dates, rail and status
 * (`stats.view`, like /payments), and relayed messages by their kept text (`users.view`: whoever may see
 * fans may see what they wrote). The member's query is kept per member and kind, so buttons carry only a
 * page. Also the retention of message texts (the daily job) and a fan's "delete my data".
 */
export function createSearchServices(deps: SearchDeps) {
  const repos = () => deps.uow.repos;
  const settings = async () => resolveSettings(await repos().settings.all());

  const paymentsPage = async (actorId: number, query: PaymentQuery, page: number) => {
    const { timezone } = await settings();
    let userId = query.userId ?? null;
    if (query.username !== undefined) {
      const fan = await repos().adminPayments.userByUsername(query.username);
      if (!fan) return { ok: false, code: 'unknown_fan', username: query.username } as const;
      userId = fan.id;
    }
    const filter: PaymentFilter = {
      rail: query.rail ?? null,
      status: query.status ?? null,
      userId,
      ...(query.id !== undefined ? { id: query.id } : {}),
      ...(query.amountMin !== undefined ? { amountMin: query.amountMin } : {}),
      ...(query.amountMax !== undefined ? { amountMax: query.amountMax } : {}),
      ...(query.dateFrom ? { from: localDayStart(query.dateFrom, timezone) } : {}),
      // The last day is included: up to the start of the day after it.
      ...(query.dateTo ? { to: localDayStart(nextDate(query.dateTo), timezone) } : {}),
    };
    const p = Math.max(0, page);
    const result = await repos().adminPayments.list(filter, p * SEARCH_PAGE, SEARCH_PAGE);
    return { ok: true, query, page: p, result } as const;
  };

  const messagesPage = async (query: string, page: number): Promise<MessageSearchResult> => {
    const p = Math.max(0, page);
    const found = await repos().messageLog.search(query, p * SEARCH_PAGE, SEARCH_PAGE);
    const { search_retention_days } = await settings();
    return {
      ok: true,
      query,
      page: p,
      hits: found.slice(0, SEARCH_PAGE),
      more: found.length > SEARCH_PAGE,
      retentionDays: search_retention_days,
    };
  };

  return {
    /** A typed payment query: parsed, kept for paging, and its first page. */
    async payments(actorId: number, input: string): Promise<PaymentSearchResult> {
      if (!(await deps.access.can(actorId, 'stats.view'))) return { ok: false, code: 'not_allowed' };
      const parsed = parsePaymentQuery(input);
      if (!parsed.ok) return parsed;
      await repos().searches.put(actorId, 'payments', { ...parsed.query });
      return paymentsPage(actorId, parsed.query, 0);
    },
    /** A page of the member's last payment query. */
    async paymentsAgain(actorId: number, page: number): Promise<PaymentSearchResult> {
      if (!(await deps.access.can(actorId, 'stats.view'))) return { ok: false, code: 'not_allowed' };
      const kept = await repos().searches.get(actorId, 'payments');
      if (!kept) return { ok: false, code: 'none' };
      return paymentsPage(actorId, kept, page);
    },
    /** A typed message query (full text): kept for paging, and its first page. */
    async messages(actorId: number, input: string): Promise<MessageSearchResult> {
      if (!(await deps.access.can(actorId, 'users.view'))) return { ok: false, code: 'not_allowed' };
      const query = input.trim().replace(/\s+/g, ' ');
      if (!/[\p{L}\p{N}]/u.test(query)) return { ok: false, code: 'empty' };
      if (query.length > MESSAGE_QUERY_MAX) return { ok: false, code: 'too_long' };
      await repos().searches.put(actorId, 'messages', { query });
      return messagesPage(query, 0);
    },
    async messagesAgain(actorId: number, page: number): Promise<MessageSearchResult> {
      if (!(await deps.access.can(actorId, 'users.view'))) return { ok: false, code: 'not_allowed' };
      const kept = await repos().searches.get(actorId, 'messages');
      if (typeof kept?.query !== 'string') return { ok: false, code: 'none' };
      return messagesPage(kept.query, page);
    },
    /**
     * The daily job: clears the texts of messages older than `search_retention_days` (all of them at 0).
     */
    async pruneMessageTexts(): Promise<{ cleared: number; retentionDays: number }> {
      const days = (await settings()).search_retention_days;
      const before = new Date(deps.clock.now().getTime() - days * 86_400_000);
      return { cleared: await repos().messageLog.pruneTexts(before), retentionDays: days };
    },
    /** A fan's "delete my data": the texts kept of their messages (both ways) are cleared. */
    forgetFan: (userId: number) => repos().messageLog.forgetFan(userId),
  };
}

/** The date after `date` (YYYY-MM-DD). */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export type SearchServices = ReturnType<typeof createSearchServices>;

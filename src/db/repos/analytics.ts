import { sql, type SQL } from 'drizzle-orm';
import type { AnalyticsDaily, AnalyticsRepo, AnalyticsSummary } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { responseTimesQuery } from './conversations.ts';

type Row = Record<string, string | number | boolean | Date | null | undefined>;
const rows = async (db: DbOrTx, q: SQL): Promise<Row[]> => ((await db.execute(q)) as { rows: Row[] }).rows;
/** node-postgres returns bigint and numeric as strings, PGlite as numbers: numbers here. */
const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** A payment that brought money: paid, or refunded (its net is then 0; a partial refund is deducted). */
const PAID = sql`status in ('paid', 'refunded')`;
const NET = sql`case when status = 'refunded' then 0 else amount - refunded_amount end`;

/**
 * Analytics' read models. Daily series place each row in its local day with `width_bucket` over the
 * period's local midnights (one aggregate per table, on the indexes the dashboard uses: BRIN on
 * ledger_entries, message_log and message_links `created_at`, btree on `payments.paid_at`); the window
 * figures are one aggregate each. Times in docs/BENCHMARKS.md (`npm run bench:analytics`).
 */
export function analyticsRepo(db: DbOrTx): AnalyticsRepo {
  return {
    async daily(starts, end) {
      const days = starts.length;
      const bounds = sql`array[${sql.join(starts.map(ts), sql`, `)}]`;
      const from = ts(starts[0]!);
      const to = ts(end);
      const zeros = () => Array.from({ length: days }, () => 0);
      const at = (r: Row) => num(r.d) - 1;
      const out: AnalyticsDaily = {
        newFans: zeros(),
        payingFans: zeros(),
        revenue: [],
        messages: [],
        creditsSold: zeros(),
        creditsSpent: zeros(),
      };
      for (const r of await rows(
        db,
        sql`select width_bucket(created_at, ${bounds}) as d, count(*) as n
            from users where created_at >= ${from} and created_at < ${to} group by 1`,
      ))
        out.newFans[at(r)] = num(r.n);
      for (const r of await rows(
        db,
        sql`select width_bucket(paid_at, ${bounds}) as d, rail, currency,
                   sum(${NET}) as net, grouping(rail) as all_rails, count(distinct user_id) as payers
            from payments where ${PAID} and paid_at >= ${from} and paid_at < ${to}
            group by grouping sets ((1, rail, currency), (1)) order by 2, 3`,
      )) {
        if (num(r.all_rails) === 1) {
          out.payingFans[at(r)] = num(r.payers);
          continue;
        }
        const rail = r.rail === 'stars' ? 'stars' : 'stripe';
        const currency = String(r.currency);
        let s = out.revenue.find((x) => x.rail === rail && x.currency === currency);
        if (!s) out.revenue.push((s = { rail, currency, net: zeros() }));
        s.net[at(r)] = num(r.net);
      }
      for (const r of await rows(
        db,
        sql`select width_bucket(created_at, ${bounds}) as d, direction, type, count(*) as n
            from message_log where created_at >= ${from} and created_at < ${to}
            group by 1, 2, 3 order by 2, 3`,
      )) {
        const direction = r.direction === 'out' ? 'out' : 'in';
        const type = String(r.type);
        let s = out.messages.find((x) => x.direction === direction && x.type === type);
        if (!s) out.messages.push((s = { direction, type, counts: zeros() }));
        s.counts[at(r)] = num(r.n);
      }
      for (const r of await rows(
        db,
        sql`select width_bucket(created_at, ${bounds}) as d,
                   coalesce(sum(delta) filter (where reason in ('purchase', 'auto_recharge') and delta > 0), 0) as sold,
                   coalesce(-sum(delta) filter (where reason in ('spend', 'unlock') and delta < 0), 0) as spent
            from ledger_entries where created_at >= ${from} and created_at < ${to} group by 1`,
      )) {
        out.creditsSold[at(r)] = num(r.sold);
        out.creditsSpent[at(r)] = num(r.spent);
      }
      return out;
    },

    async summary(from, to) {
      const [f, t] = [ts(from), ts(to)];
      const [conversion] = await rows(
        db,
        sql`with cohort as (
              select u.created_at,
                     (select min(p.paid_at) from payments p
                      where p.user_id = u.id and p.status in ('paid', 'refunded')) as first_paid
              from users u where u.created_at >= ${f} and u.created_at < ${t}
            )
            select count(*) as fans, count(first_paid) as converted,
                   percentile_cont(0.5) within group (order by extract(epoch from (first_paid - created_at)) * 1000)
                     filter (where first_paid is not null) as median_ms,
                   (select count(*) from users where last_seen_at >= ${f}) as active
            from cohort`,
      );
      const [payers] = await rows(
        db,
        sql`select count(*) as payers, count(*) filter (where n >= 2) as repeaters
            from (select user_id, count(*) as n from payments
                  where ${PAID} and paid_at >= ${f} and paid_at < ${t} group by user_id) x`,
      );
      const revenue = await rows(
        db,
        sql`select rail, currency, sum(${NET}) as net, count(distinct user_id) as payers
            from payments where ${PAID} and paid_at >= ${f} and paid_at < ${t}
            group by rail, currency order by rail, currency`,
      );
      // The Conversations read model, over (from, to].
      const [responses] = await rows(db, responseTimesQuery([{ from, to }]));
      const summary: AnalyticsSummary = {
        newFans: num(conversion?.fans),
        converted: num(conversion?.converted),
        medianToPurchaseMs: numOrNull(conversion?.median_ms),
        activeFans: num(conversion?.active),
        payingFans: num(payers?.payers),
        repeatFans: num(payers?.repeaters),
        revenue: revenue.map((r) => ({
          rail: r.rail === 'stars' ? 'stars' : 'stripe',
          currency: String(r.currency),
          net: num(r.net),
          payers: num(r.payers),
        })),
        responses: {
          count: num(responses?.n0),
          p50Ms: numOrNull(responses?.p50_0),
          p90Ms: numOrNull(responses?.p90_0),
        },
      };
      return summary;
    },

    async topSpenders(from, to, limit) {
      const [f, t] = [ts(from), ts(to)];
      const list = await rows(
        db,
        sql`select s.user_id, s.spent, trim(concat_ws(' ', u.first_name, u.last_name)) as name, u.username,
                   (select count(*) from payments p
                    where p.user_id = s.user_id and p.status in ('paid', 'refunded')
                      and p.paid_at >= ${f} and p.paid_at < ${t}) as payments
            from (select user_id, -sum(delta) as spent from ledger_entries
                  where created_at >= ${f} and created_at < ${t} and reason in ('spend', 'unlock') and delta < 0
                  group by user_id order by 2 desc, 1 limit ${limit}) s
            join users u on u.id = s.user_id
            order by s.spent desc, s.user_id`,
      );
      return list.map((r) => ({
        userId: num(r.user_id),
        name: String(r.name ?? ''),
        username: (r.username as string | null) ?? null,
        spent: num(r.spent),
        payments: num(r.payments),
      }));
    },

    async products(from, to) {
      const list = await rows(
        db,
        sql`select p.product_id, pr.title, pr.kind, p.rail, p.currency, count(*) as sales,
                   sum(case when p.status = 'refunded' then 0 else p.amount - p.refunded_amount end) as net
            from payments p join products pr on pr.id = p.product_id
            where p.status in ('paid', 'refunded') and p.paid_at >= ${ts(from)} and p.paid_at < ${ts(to)}
            group by 1, 2, 3, 4, 5 order by 7 desc, 6 desc, 1`,
      );
      return list.map((r) => ({
        productId: num(r.product_id),
        title: String(r.title ?? ''),
        kind: String(r.kind),
        rail: r.rail === 'stars' ? 'stars' : 'stripe',
        currency: String(r.currency),
        sales: num(r.sales),
        net: num(r.net),
      }));
    },
  };
}

import { sql, type SQL } from 'drizzle-orm';
import type {
  AdminPaymentsRepo,
  DayRevenue,
  ErrorLogRepo,
  PaymentDetail,
  PaymentFilter,
  PaymentPage,
  PaymentRow,
} from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';

type Row = Record<string, string | number | boolean | Date | null | undefined>;

async function rows(db: DbOrTx, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as { rows: Row[] }).rows;
}

const num = (v: unknown) => Number(v ?? 0);
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v));

/** Counting stops here: a list says "more than" past it, and the count stays cheap. */
const COUNT_CAP = 10_000;

/** The columns of a PaymentRow; `p` is payments, `u` users, `pr` products, `d` the newest dispute. */
const SELECT = sql`
  p.id, p.user_id, p.rail, p.amount, p.currency, p.status, p.kind, p.quantity, p.refunded_amount,
  p.created_at, p.paid_at, p.updated_at, p.provider_charge_id, p.origin, p.checkout_session_id,
  trim(concat_ws(' ', u.first_name, u.last_name)) as fan_name, u.username, pr.title as product_title,
  d.id as dispute_id, d.status as dispute_status, d.opened_at as dispute_opened_at,
  d.closed_at as dispute_closed_at`;
const FROM = sql`
  from payments p
  join users u on u.id = p.user_id
  join products pr on pr.id = p.product_id
  left join lateral (
    select id, status, opened_at, closed_at from disputes
    where payment_id = p.id order by opened_at desc, id desc limit 1
  ) d on true`;

function toRow(r: Row): PaymentRow {
  return {
    id: num(r.id),
    userId: num(r.user_id),
    fanName: String(r.fan_name ?? ''),
    username: (r.username as string | null) ?? null,
    rail: r.rail as PaymentRow['rail'],
    amount: num(r.amount),
    currency: String(r.currency),
    status: r.status as PaymentRow['status'],
    kind: r.kind as PaymentRow['kind'],
    quantity: num(r.quantity),
    productTitle: String(r.product_title ?? ''),
    refundedAmount: num(r.refunded_amount),
    createdAt: date(r.created_at),
    paidAt: dateOrNull(r.paid_at),
    updatedAt: date(r.updated_at),
    dispute:
      r.dispute_id === null || r.dispute_id === undefined
        ? null
        : {
            id: String(r.dispute_id),
            status: String(r.dispute_status),
            openedAt: date(r.dispute_opened_at),
            closedAt: dateOrNull(r.dispute_closed_at),
          },
  };
}

/**
 * A payment's amount in its currency's major units (Stars are whole; card currencies per ISO 4217 as
 * Stripe uses them: most have 2 decimals, these none or 3).
 */
const MAJOR = sql`(p.amount::numeric / case
  when p.rail = 'stars' then 1
  when lower(p.currency) in ('bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf') then 1
  when lower(p.currency) in ('bhd', 'jod', 'kwd', 'omr', 'tnd') then 1000
  else 100 end)`;

function where(f: PaymentFilter): SQL {
  const parts: SQL[] = [];
  if (f.status === null) parts.push(sql`p.status <> 'pending'`);
  else if (f.status === 'paid') parts.push(sql`p.status = 'paid'`);
  else if (f.status === 'failed') parts.push(sql`p.status = 'failed'`);
  else if (f.status === 'refunded') parts.push(sql`(p.status = 'refunded' or p.refunded_amount > 0)`);
  else parts.push(sql`p.id in (select payment_id from disputes)`);
  if (f.rail !== null) parts.push(sql`p.rail = ${f.rail}`);
  if (f.userId !== null) parts.push(sql`p.user_id = ${f.userId}`);
  if (f.id !== undefined) parts.push(sql`p.id = ${f.id}`);
  if (f.amountMin !== undefined) parts.push(sql`${MAJOR} >= ${f.amountMin}::numeric`);
  if (f.amountMax !== undefined) parts.push(sql`${MAJOR} <= ${f.amountMax}::numeric`);
  if (f.from) parts.push(sql`p.created_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`p.created_at < ${f.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/** The read models behind `/payments`: one query per list page, its count capped, all on indexes. */
export function adminPaymentsRepo(db: DbOrTx): AdminPaymentsRepo {
  const page = async (cond: SQL, order: SQL, offset: number, limit: number): Promise<PaymentPage> => {
    const [list, [count]] = await Promise.all([
      rows(db, sql`select ${SELECT} ${FROM} where ${cond} order by ${order} limit ${limit} offset ${offset}`),
      rows(
        db,
        sql`select count(*) as n from (select 1 from payments p where ${cond} limit ${COUNT_CAP + 1}) c`,
      ),
    ]);
    const total = num(count?.n);
    return { rows: list.map(toRow), total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
  };

  return {
    list: (f, offset, limit) => page(where(f), sql`p.id desc`, offset, limit),
    refunds: (offset, limit) =>
      page(
        sql`(p.status = 'refunded' or p.refunded_amount > 0)`,
        sql`p.updated_at desc, p.id desc`,
        offset,
        limit,
      ),
    openDisputes: (offset, limit) =>
      page(
        sql`p.id in (select payment_id from disputes where status = 'open')`,
        sql`p.id desc`,
        offset,
        limit,
      ),
    async get(id) {
      const [r] = await rows(db, sql`select ${SELECT} ${FROM} where p.id = ${id}`);
      if (!r) return null;
      const [disputes, [asked]] = await Promise.all([
        rows(
          db,
          sql`select id, status, opened_at, closed_at from disputes where payment_id = ${id}
              order by opened_at, id`,
        ),
        rows(
          db,
          sql`select actor_id, created_at from audit_log
              where user_id = ${num(r.user_id)} and action = 'refund_card' and details->>'paymentId' = ${String(id)}
              order by id desc limit 1`,
        ),
      ]);
      const row = toRow(r);
      const detail: PaymentDetail = {
        ...row,
        providerChargeId: (r.provider_charge_id as string | null) ?? null,
        origin: r.origin as PaymentDetail['origin'],
        checkoutSessionId: (r.checkout_session_id as string | null) ?? null,
        disputes: disputes.map((d) => ({
          id: String(d.id),
          status: String(d.status),
          openedAt: date(d.opened_at),
          closedAt: dateOrNull(d.closed_at),
        })),
        // Asked, and Stripe has not confirmed the whole refund yet.
        refundRequested:
          asked && row.status === 'paid' ? { at: date(asked.created_at), by: num(asked.actor_id) } : null,
      };
      return detail;
    },
    async revenueByDay(starts, end) {
      if (starts.length === 0) return [];
      const bounds = sql.join(
        starts.map((d) => sql`${d.toISOString()}::timestamptz`),
        sql`, `,
      );
      const result = await rows(
        db,
        sql`select width_bucket(paid_at, array[${bounds}]) as day, rail, currency,
                   sum(case when status = 'refunded' then 0 else amount - refunded_amount end) as net
            from payments
            where status in ('paid', 'refunded')
              and paid_at >= ${starts[0]!.toISOString()}::timestamptz and paid_at < ${end.toISOString()}::timestamptz
            group by 1, 2, 3 order by 1, 2, 3`,
      );
      return result.map((r): DayRevenue => ({
        day: num(r.day) - 1,
        rail: r.rail as DayRevenue['rail'],
        currency: String(r.currency),
        net: num(r.net),
      }));
    },
    async userByUsername(username) {
      const [r] = await rows(
        db,
        sql`select id from users where lower(username) = lower(${username}) order by last_seen_at desc limit 1`,
      );
      return r ? { id: num(r.id) } : null;
    },
  };
}

/** The newest errors of the update lifecycle; each insert prunes all but the newest `keep`. */
export function errorLogRepo(db: DbOrTx): ErrorLogRepo {
  return {
    async add(e, keep) {
      // The delete sees the table as it was before this insert: keep − 1 older rows, plus this one.
      await db.execute(sql`
        with added as (
          insert into recent_errors (at, kind, message, update_id)
          values (${e.at.toISOString()}::timestamptz, ${e.kind}, ${e.message}, ${e.updateId})
          returning id
        )
        delete from recent_errors
        where id <= (select id from recent_errors order by id desc offset ${Math.max(0, keep - 1)} limit 1)`);
    },
    async recent(limit) {
      const list = await rows(
        db,
        sql`select id, at, kind, message, update_id from recent_errors order by id desc limit ${limit}`,
      );
      return list.map((r) => ({
        id: num(r.id),
        at: date(r.at),
        kind: String(r.kind),
        message: String(r.message),
        updateId: r.update_id === null || r.update_id === undefined ? null : num(r.update_id),
      }));
    },
  };
}

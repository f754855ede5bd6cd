import {
  compareBooks,
  grantKey,
  type Mismatch,
  type ProviderDispute,
  type ProviderPayment,
  type Rail,
} from '../../domain/reconcile/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import type { AdminGroupList } from '../admin/groups.ts';
import { grantPayment } from '../billing/grants.ts';
import { takeBackStarsPayment } from '../billing/refunds.ts';
import { completeStarsPaymentIn } from '../billing/stars.ts';
import { disputeOpened } from '../billing/stripe/disputes.ts';
import { succeeded } from '../billing/stripe/payments.ts';
import { refunded } from '../billing/stripe/refunds.ts';
import type { Access, Repos, StarsStatement, StripeStatement, UnitOfWork } from '../ports/index.ts';
import type { RenderTimings } from '../relay/refresh.ts';
import { moneyAlertTargets, ownerAlerts } from '../system/notices.ts';
import { text } from '../texts.ts';

export interface ReconcileDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  adminGroups: AdminGroupList;
  renderTimings?: RenderTimings | undefined;
  /** The providers' statements; null where the rail is not set up (no Stripe key, no bot). */
  statements: { stripe: StripeStatement | null; stars: StarsStatement | null };
}

export interface ReconcilePeriod {
  since: Date;
  until: Date;
}

/** How a rail's statement was read: `off` (not set up), or why it could not be. */
export type RailRead =
  | { rail: Rail; status: 'read'; payments: number; disputes: number }
  | { rail: Rail; status: 'off' }
  | { rail: Rail; status: 'failed'; error: string };

export interface ReconcileReport {
  since: Date;
  until: Date;
  at: Date;
  rails: RailRead[];
  /** Our payments compared. */
  booked: number;
  mismatches: Mismatch[];
}

/** The default period: the last 30 days. The daily job looks at the last 48 hours. */
export const DEFAULT_DAYS = 30;
export const JOB_HOURS = 48;
/** Stars transactions a little before the period: a payment booked just inside it may be dated just outside. */
const STARS_MARGIN_MS = 24 * 3600_000;
/** Direct look-ups of PaymentIntents outside the listed ones (refunded or booked in the period), at most. */
const MAX_LOOKUPS = 500;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function readStripe(s: StripeStatement, period: ReconcilePeriod) {
  const payments = await s.payments(period.since, period.until);
  const seen = new Set(payments.map((p) => p.ref));
  // A refund (or a dispute) in the period of a payment made before it: its PaymentIntent, looked up.
  const older = (await s.refunded(period.since, period.until)).filter((ref) => !seen.has(ref));
  for (const ref of older.slice(0, MAX_LOOKUPS)) {
    const p = await s.payment(ref);
    if (!p) continue;
    payments.push(p);
    seen.add(ref);
  }
  const disputes = await s.disputes(period.since, period.until);
  return { payments, disputes, seen };
}

/**
 * Reads the providers' statements for the period and our books, and compares them (read-only: nothing
 * changes). A rail whose statement could not be read is reported as failed and left out of the
 * comparison, so a Stripe outage never shows every card payment as "granted but not paid".
 */
export async function runReconciliation(
  deps: ReconcileDeps,
  period: ReconcilePeriod,
): Promise<ReconcileReport> {
  const rails: RailRead[] = [];
  const provider: ProviderPayment[] = [];
  let disputes: ProviderDispute[] = [];
  let stripeSeen = new Set<string>();
  const { stripe, stars } = deps.statements;

  if (!stripe) rails.push({ rail: 'stripe', status: 'off' });
  else {
    try {
      const read = await readStripe(stripe, period);
      provider.push(...read.payments);
      disputes = read.disputes;
      stripeSeen = read.seen;
      rails.push({
        rail: 'stripe',
        status: 'read',
        payments: read.payments.length,
        disputes: disputes.length,
      });
    } catch (err) {
      rails.push({ rail: 'stripe', status: 'failed', error: message(err) });
    }
  }
  if (!stars) rails.push({ rail: 'stars', status: 'off' });
  else {
    try {
      const read = await stars.payments(new Date(period.since.getTime() - STARS_MARGIN_MS));
      provider.push(...read);
      rails.push({ rail: 'stars', status: 'read', payments: read.length, disputes: 0 });
    } catch (err) {
      rails.push({ rail: 'stars', status: 'failed', error: message(err) });
    }
  }
  const readRails = rails.filter((r) => r.status === 'read').map((r) => r.rail);

  const repo = deps.uow.repos.reconcile;
  const ids = [...new Set(provider.flatMap((p) => (p.paymentId === null ? [] : [p.paymentId])))];
  const refs = [...new Set([...provider.map((p) => p.ref), ...disputes.map((d) => d.ref)])];
  const booked = await repo.booked({ ids, refs, paidSince: period.since, paidUntil: period.until });

  // A card payment we booked in the period whose PaymentIntent was created before it (a Checkout page
  // opened the day before): looked up one by one, so it is not taken for one Stripe never had.
  if (stripe && readRails.includes('stripe')) {
    const missing = booked.filter(
      (b) => b.rail === 'stripe' && b.providerChargeId !== null && !stripeSeen.has(b.providerChargeId),
    );
    for (const b of missing.slice(0, MAX_LOOKUPS)) {
      const p = await stripe.payment(b.providerChargeId!);
      if (p) provider.push(p);
    }
  }

  const keys = [
    ...new Set([
      ...provider.map((p) => grantKey(p.rail, p.ref)),
      ...booked.flatMap((b) => (b.providerChargeId ? [grantKey(b.rail, b.providerChargeId)] : [])),
    ]),
  ];
  const [ledgerKeys, knownDisputes] = await Promise.all([
    repo.ledgerKeys(keys),
    repo.knownDisputes(disputes.map((d) => d.id)),
  ]);
  const mismatches = compareBooks({
    since: period.since,
    until: period.until,
    rails: readRails,
    provider,
    disputes,
    booked,
    ledgerKeys,
    knownDisputes,
  });
  return { ...period, at: deps.clock.now(), rails, booked: booked.length, mismatches };
}

/** Who applies a fix: an admin in the control center (checked), or the operator at the command line. */
export type FixActor = { kind: 'admin'; id: number } | { kind: 'cli' };

export type FixResult =
  | { ok: true; mismatch: Mismatch }
  | {
      ok: false;
      /**
       * `not_found`: no such mismatch in the period now (fixed already, or never there); `report_only`:
       * a person must look at it; `not_allowed`; `duplicate`: the keyed path found it done meanwhile.
       */
      code: 'not_found' | 'report_only' | 'not_allowed' | 'duplicate';
      mismatch?: Mismatch;
    };

/**
 * Applies one mismatch's fix, and only that one: the period is read again, so the fix acts on the facts
 * as they stand now, through the same keyed path the webhook or Telegram's update would have taken
 * (`stripe:<pi>`, `stars:<charge>`, `refund:stripe:<pi>:<refunded>`, `refund:stars:<charge>`,
 * `dispute:<id>`): applying it twice, or racing the late webhook, changes the books once. The ledger
 * entry names the actor and the mismatch; the fix is audited (`reconcile_fix`) in the same transaction.
 */
export async function applyReconcileFix(
  deps: ReconcileDeps,
  a: { id: string; period: ReconcilePeriod; actor: FixActor },
): Promise<FixResult> {
  if (a.actor.kind === 'admin' && !(await deps.access.can(a.actor.id, 'payments.refund')))
    return { ok: false, code: 'not_allowed' };
  const report = await runReconciliation(deps, a.period);
  const m = report.mismatches.find((x) => x.id === a.id);
  if (!m) return { ok: false, code: 'not_found' };
  if (m.action !== 'apply') return { ok: false, code: 'report_only', mismatch: m };
  const label = a.actor.kind === 'admin' ? `admin:${a.actor.id}` : 'cli';
  const by = { actor: `reconcile:${label}`, metadata: { reconcile: m.id } };
  const applied = await deps.uow.run(async (r) => {
    const outcome = await fix(deps, r, m, by, a.actor.kind === 'admin' ? a.actor.id : 0);
    if (outcome !== 'applied') return false;
    await r.admin.audit({
      actorId: a.actor.kind === 'admin' ? a.actor.id : 0,
      userId: m.userId,
      action: 'reconcile_fix',
      details: {
        mismatch: m.id,
        kind: m.kind,
        cause: m.cause,
        rail: m.rail,
        ref: m.ref,
        paymentId: m.paymentId,
        by: label,
        ...(m.dispute ? { dispute: m.dispute.id } : {}),
        ...(m.provider ? { provider: m.provider } : {}),
      },
    });
    return true;
  });
  if (!applied) return { ok: false, code: 'duplicate', mismatch: m };
  return { ok: true, mismatch: m };
}

async function fix(
  deps: ReconcileDeps,
  r: Repos,
  m: Mismatch,
  by: { actor: string; metadata: Record<string, unknown> },
  actorId: number,
): Promise<'applied' | 'duplicate' | 'ignored' | 'unmatched'> {
  const paymentId = m.paymentId!;
  if (m.kind === 'paid_not_granted' && m.cause === 'unpaid') {
    const p = m.provider!;
    if (m.rail === 'stripe')
      return succeeded(
        deps,
        r,
        {
          type: 'payment.succeeded',
          paymentId,
          userId: m.userId,
          paymentIntentId: m.ref,
          amount: p.amount,
          currency: p.currency,
        },
        by,
      );
    const res = await completeStarsPaymentIn(
      r,
      deps,
      { userId: m.userId!, paymentId, chargeId: m.ref, totalAmount: p.amount },
      by,
    );
    return res.ok && !res.duplicate ? 'applied' : 'duplicate';
  }
  if (m.kind === 'paid_not_granted' && m.cause === 'ungranted') {
    // Marked paid, but its grant never reached the ledger: the grant alone, on the same key.
    const payment = await r.payments.getForUpdate(paymentId);
    if (!payment || payment.status !== 'paid') return 'duplicate';
    const p = m.provider!;
    const granted = await grantPayment(r, deps, payment, {
      key: grantKey(m.rail, m.ref),
      actor: by.actor,
      reason: payment.origin === 'auto_recharge' ? 'auto_recharge' : 'purchase',
      metadata: by.metadata,
      paid: m.rail === 'stars' ? `⭐ ${p.amount}` : { money: { minor: p.amount, currency: p.currency } },
    });
    return granted ? 'applied' : 'duplicate';
  }
  if (m.kind === 'refunded_not_clawed_back' && m.dispute) {
    return disputeOpened(
      deps,
      r,
      {
        type: 'dispute.opened',
        disputeId: m.dispute.id,
        paymentIntentId: m.ref,
        amount: m.dispute.amount,
        currency: m.dispute.currency,
        reason: m.dispute.reason,
      },
      by,
    );
  }
  if (m.kind === 'refunded_not_clawed_back' && m.rail === 'stripe') {
    const p = m.provider!;
    return refunded(
      deps,
      r,
      {
        type: 'charge.refunded',
        paymentIntentId: m.ref,
        amountRefunded: p.refunded,
        amount: p.amount,
        currency: p.currency,
      },
      by,
    );
  }
  if (m.kind === 'refunded_not_clawed_back') {
    const payment = await r.payments.getForUpdate(paymentId);
    if (payment?.status !== 'paid') return 'duplicate';
    const taken = await takeBackStarsPayment(r, deps, payment, {
      actorId,
      actor: by.actor,
      key: `reconcile:${m.id}`,
      source: 'reconcile',
    });
    return taken ? 'applied' : 'duplicate';
  }
  return 'ignored';
}

/** Individual alerts per run at most; further new mismatches are counted in one more alert. */
const ALERTS_PER_RUN = 10;

/**
 * The daily job: the last 48 hours, and one alert to those who hear about money per mismatch never
 * alerted before (a once-mark `reconcile:<id>`, kept: a mismatch that stays is not alerted again; one
 * that comes back as a new fact has a new id). A rail that could not be read fails the job after the
 * alerts, so it is retried (and logged) without repeating them.
 */
export async function alertNewMismatches(
  deps: ReconcileDeps,
): Promise<{ mismatches: number; alerted: number; failed: Rail[] }> {
  const now = deps.clock.now();
  const report = await runReconciliation(deps, {
    since: new Date(now.getTime() - JOB_HOURS * 3600_000),
    until: now,
  });
  const alerted = await deps.uow.run(async (r) => {
    const fresh: Mismatch[] = [];
    for (const m of report.mismatches) if (await r.once.claim(`reconcile:${m.id}`)) fresh.push(m);
    if (fresh.length === 0) return 0;
    const targets = await moneyAlertTargets(deps, r);
    for (const m of fresh.slice(0, ALERTS_PER_RUN))
      await r.outbox.enqueue(ownerAlerts(targets, `reconcile-alert:${m.id}`, mismatchText(m)));
    if (fresh.length > ALERTS_PER_RUN)
      await r.outbox.enqueue(
        ownerAlerts(
          targets,
          `reconcile-alert-more:${fresh[ALERTS_PER_RUN]!.id}`,
          text('reconcile-alert-more', { count: fresh.length - ALERTS_PER_RUN }),
        ),
      );
    return fresh.length;
  });
  const failed = report.rails.flatMap((r) => (r.status === 'failed' ? [r.rail] : []));
  if (failed.length > 0)
    throw new Error(
      `reconciliation could not read ${report.rails
        .flatMap((r) => (r.status === 'failed' ? [`${r.rail}: ${r.error}`] : []))
        .join('; ')}`,
    );
  return { mismatches: report.mismatches.length, alerted, failed };
}

/** A mismatch as an alert: what differs, on which payment, and what to do. */
export function mismatchText(m: Mismatch) {
  return text('reconcile-alert', {
    id: m.id,
    kind: m.kind,
    cause: m.cause,
    rail: m.rail,
    ref: m.ref || '-',
    payment: m.paymentId === null ? '-' : String(m.paymentId),
    fan: m.userId === null ? '-' : String(m.userId),
    action: m.action,
  });
}

export type ViewResult =
  { ok: true; report: ReconcileReport; canFix: boolean } | { ok: false; code: 'not_allowed' | 'unavailable' };

/**
 * The control center's reconciliation (System): the last 30 days for those who see revenue
 * (`stats.view`); `canFix` for those who may apply fixes (`payments.refund`, checked again on apply).
 */
export async function viewReconciliation(deps: ReconcileDeps, actorId: number): Promise<ViewResult> {
  if (!(await deps.access.can(actorId, 'stats.view'))) return { ok: false, code: 'not_allowed' };
  if (!deps.statements.stripe && !deps.statements.stars) return { ok: false, code: 'unavailable' };
  const now = deps.clock.now();
  const report = await runReconciliation(deps, lastDays(now, DEFAULT_DAYS));
  return { ok: true, report, canFix: await deps.access.can(actorId, 'payments.refund') };
}

/** [now − days, now]. */
export const lastDays = (now: Date, days: number): ReconcilePeriod => ({
  since: new Date(now.getTime() - days * 24 * 3600_000),
  until: now,
});

/** Reconciliation with its dependencies bound (the CLI, the System screen, the daily job). */
export function createReconcileServices(deps: ReconcileDeps) {
  return {
    /** Whether any provider's statement can be read here. */
    available: deps.statements.stripe !== null || deps.statements.stars !== null,
    run: (period: ReconcilePeriod) => runReconciliation(deps, period),
    view: (actorId: number) => viewReconciliation(deps, actorId),
    /** A fix from the control center: over the same last 30 days the screen showed. */
    applyFromHub: (actorId: number, id: string) =>
      applyReconcileFix(deps, {
        id,
        period: lastDays(deps.clock.now(), DEFAULT_DAYS),
        actor: { kind: 'admin', id: actorId },
      }),
    apply: (a: Parameters<typeof applyReconcileFix>[1]) => applyReconcileFix(deps, a),
    alertNew: () => alertNewMismatches(deps),
  };
}

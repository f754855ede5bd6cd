import { isMismatchId, type Mismatch } from '../../../../domain/reconcile/index.ts';
import type { RailRead } from '../../../../app/reconcile/index.ts';
import type { Context } from '../../../context.ts';
import { escapeCut, fitText, type HubButton, type HubScreen } from './screen.ts';

/**
 * System → Reconcile: the books against Stripe's and Telegram's statements over the last 30 days
 * (read-only), each difference with its id; those who may refund fix one after a confirmation, through
 * the same keyed path as the provider's own notice (app/reconcile). Reported-only ones get no button.
 */

/** Differences listed on the screen; the rest are counted (the CLI prints them all). */
const LISTED = 8;
const back = { cat: 'system', act: 'recon' };

const what = (ctx: Context, m: Mismatch) => ctx.t('reconcile-kind', { kind: m.kind, rail: m.rail });

function railLine(ctx: Context, r: RailRead): string {
  if (r.status === 'off') return ctx.t('admin-reconcile-rail-off', { rail: r.rail });
  if (r.status === 'failed')
    return ctx.t('admin-reconcile-rail-failed', { rail: r.rail, error: { html: escapeCut(r.error, 160) } });
  return ctx.t('admin-reconcile-rail-read', { rail: r.rail, payments: r.payments, disputes: r.disputes });
}

/** The report: what was read, then the differences, a Fix button for each that can be fixed here. */
export async function reconcileScreen(ctx: Context): Promise<HubScreen> {
  const res = await ctx.services.reconcile.view(ctx.from!.id);
  if (!res.ok)
    return {
      text: ctx.t(res.code === 'not_allowed' ? 'admin-hub-not-allowed' : 'admin-reconcile-unavailable'),
      rows: [],
      back: { cat: 'system' },
    };
  const { report, canFix } = res;
  const ms = report.mismatches;
  const listed = ms.slice(0, LISTED);
  const lines = listed.map((m) =>
    ctx.t('admin-reconcile-line', {
      id: m.id,
      what: what(ctx, m),
      payment: m.paymentId === null ? '-' : String(m.paymentId),
      fan: m.userId === null ? '-' : String(m.userId),
      fixable: m.action === 'apply' ? 'yes' : 'no',
    }),
  );
  const fixable = ms.filter((m) => m.action === 'apply').length;
  const rows: HubButton[][] = canFix
    ? listed
        .filter((m) => m.action === 'apply')
        .map((m) => [
          {
            text: ctx.t('admin-reconcile-fix-button', { id: m.id }),
            to: { ...back, act: 'recfix', arg: m.id },
          },
        ])
    : [];
  return {
    text: fitText(
      [
        ctx.t('admin-reconcile-title', { since: report.since, until: report.until }),
        '',
        ...report.rails.map((r) => railLine(ctx, r)),
        '',
        ms.length === 0
          ? ctx.t('admin-reconcile-match', { booked: report.booked })
          : ctx.t('admin-reconcile-count', { count: ms.length, fixable, booked: report.booked }),
        ...lines,
        ...(ms.length > LISTED ? [ctx.t('admin-reconcile-more', { count: ms.length - LISTED })] : []),
      ].join('\n'),
    ),
    rows: [...rows, [{ text: ctx.t('admin-hub-refresh'), to: back }]],
    back: { cat: 'system' },
  };
}

/** The confirmation: the difference as it stands now (read again), and Apply. */
export async function reconcileConfirm(ctx: Context, id: string): Promise<HubScreen | null> {
  if (!isMismatchId(id)) return null;
  const res = await ctx.services.reconcile.view(ctx.from!.id);
  if (!res.ok || !res.canFix) return { text: ctx.t('admin-hub-not-allowed'), rows: [], back };
  const m = res.report.mismatches.find((x) => x.id === id);
  if (!m) return { text: ctx.t('admin-reconcile-gone', { id }), rows: [], back };
  if (m.action !== 'apply') return { text: ctx.t('admin-reconcile-report-only', { id }), rows: [], back };
  return {
    text: ctx.t('admin-reconcile-fix-confirm', {
      id,
      what: what(ctx, m),
      kind: m.kind,
      payment: String(m.paymentId ?? '-'),
      fan: String(m.userId ?? '-'),
      ref: m.ref,
    }),
    rows: [[{ text: ctx.t('admin-reconcile-apply'), to: { ...back, act: 'recgo', arg: id } }]],
    back,
  };
}

/** Applies the fix (the use case checks the permission and reads the statements again). */
export async function reconcileApply(ctx: Context, id: string): Promise<HubScreen | null> {
  if (!isMismatchId(id)) return null;
  const res = await ctx.services.reconcile.applyFromHub(ctx.from!.id, id);
  const key = res.ok
    ? 'admin-reconcile-applied'
    : res.code === 'not_allowed'
      ? 'admin-hub-not-allowed'
      : res.code === 'report_only'
        ? 'admin-reconcile-report-only'
        : 'admin-reconcile-gone';
  return { text: ctx.t(key, { id }), rows: [[{ text: ctx.t('admin-hub-refresh'), to: back }]], back };
}

import { rm } from 'node:fs/promises';
import { InputFile } from 'grammy';
import type { SystemReport } from '../../../../app/admin/hub/index.ts';
import { scrubPatterns } from '../../../../logging/redact.ts';
import type { Context } from '../../../context.ts';
import { outboxLines, refreshRow, updatedLine } from './figures.ts';
import { reconcileApply, reconcileConfirm, reconcileScreen } from './reconcile.ts';
import { escapeCut, fitText, type HubCategory, type HubScreen } from './screen.ts';

/**
 * System (owners and managers, read-only): health (database, job queue, Telegram, Stripe), version and
 * uptime; Refresh asks again. Its Errors screen lists the last 20 errors the update lifecycle caught.
 */
export const systemCategory: HubCategory = {
  id: 'system',
  permission: 'system.view',
  titleKey: 'admin-hub-category-system',
  async screen(ctx, act, arg) {
    if (act === 'recfix') return reconcileConfirm(ctx, arg);
    if (act === 'recgo') return reconcileApply(ctx, arg);
    if (arg !== '0') return null;
    if (act === 'recon') return reconcileScreen(ctx);
    if (act === 'errors') return errorsScreen(ctx);
    if (act === 'export') return exportConfirm(ctx);
    if (act === 'exportgo') return exportNow(ctx);
    if (act !== 'main') return null;
    const res = await ctx.services.hub.system(ctx.from!.id);
    if (!res.ok)
      return {
        text: ctx.t(res.code === 'not_allowed' ? 'admin-hub-not-allowed' : 'admin-system-unavailable'),
        rows: [],
      };
    const canExport = await ctx.services.access.can(ctx.from!.id, 'data.export');
    return {
      text: systemText(ctx, res.report),
      rows: [
        [
          {
            text: ctx.t('admin-system-errors-button', { count: res.report.errors.count }),
            to: { cat: 'system', act: 'errors' },
          },
        ],
        ...(ctx.services.reconcile.available
          ? [[{ text: ctx.t('admin-reconcile-button'), to: { cat: 'system', act: 'recon' } }]]
          : []),
        refreshRow(ctx, 'system'),
        ...(canExport
          ? [[{ text: ctx.t('admin-system-export'), to: { cat: 'system', act: 'export' } }]]
          : []),
      ],
    };
  },
};

/** What the export holds, before it is made (it carries every fan's data). */
async function exportConfirm(ctx: Context): Promise<HubScreen> {
  if (!(await ctx.services.access.can(ctx.from!.id, 'data.export')))
    return { text: ctx.t('admin-hub-not-allowed'), rows: [], back: { cat: 'system' } };
  return {
    text: ctx.t('admin-system-export-confirm'),
    rows: [[{ text: ctx.t('admin-system-export-go'), to: { cat: 'system', act: 'exportgo' } }]],
    back: { cat: 'system' },
  };
}

/** The last errors, newest first: when, what kind, the update, the (scrubbed, cut) message. */
async function errorsScreen(ctx: Context): Promise<HubScreen> {
  const res = await ctx.services.hub.errors(ctx.from!.id);
  if (!res.ok) return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
  const lines = res.errors.map((e) =>
    ctx.t(e.updateId === null ? 'admin-system-errors-line' : 'admin-system-errors-line-update', {
      at: e.at,
      kind: e.kind,
      updateId: String(e.updateId ?? ''),
      message: { html: escapeCut(e.message, 110) },
    }),
  );
  return {
    text: fitText(
      [
        ctx.t('admin-system-errors-title', { count: res.errors.length }),
        '',
        ...(lines.length > 0 ? lines : [ctx.t('admin-system-errors-none')]),
        '',
        updatedLine(ctx, res.at),
      ].join('\n'),
    ),
    rows: [[{ text: ctx.t('admin-hub-refresh'), to: { cat: 'system', act: 'errors' } }]],
    back: { cat: 'system' },
  };
}

/** Makes the export: up to 50 MB it comes as a document (and is removed from disk), above it stays there. */
async function exportNow(ctx: Context): Promise<HubScreen> {
  const res = await ctx.services.hub.exportData(ctx.from!.id);
  const back = { cat: 'system' };
  if (!res.ok) {
    const text =
      res.code === 'failed'
        ? ctx.t('admin-system-export-failed', { error: res.error })
        : ctx.t(
            res.code === 'not_allowed'
              ? 'admin-hub-not-allowed'
              : res.code === 'busy'
                ? 'admin-system-export-busy'
                : 'admin-system-unavailable',
          );
    return { text, rows: [], back };
  }
  const { file } = res;
  const size = { mb: (file.bytes / 1024 / 1024).toFixed(1), rows: file.rows, tables: file.tables };
  if (!res.sendable)
    return { text: ctx.t('admin-system-export-kept', { ...size, path: file.path }), rows: [], back };
  try {
    await ctx.replyWithDocument(new InputFile(file.path, file.fileName), {
      caption: ctx.t('admin-system-export-caption', size),
      parse_mode: 'HTML',
      protect_content: true,
    });
  } finally {
    await rm(file.path, { force: true });
  }
  return { text: ctx.t('admin-system-export-sent', size), rows: [], back };
}

/** The last error line (System and Dashboard): none, or when, what kind and the start of its message. */
export function lastErrorLine(ctx: Context, e: { at: Date; kind: string; message: string } | null): string {
  return e
    ? ctx.t('admin-hub-last-error', { at: e.at, kind: e.kind, message: { html: escapeCut(e.message, 120) } })
    : ctx.t('admin-hub-last-error-none');
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The database's size (and the embedded engine's write-ahead log), when the probe could read it. */
function databaseSizeLines(ctx: Context, db: SystemReport['database']): string[] {
  if (!db.ok || db.bytes === undefined) return [];
  return [
    db.walBytes === undefined
      ? ctx.t('admin-system-database-size', { mb: mb(db.bytes) })
      : ctx.t('admin-system-database-size-wal', { mb: mb(db.bytes), walMb: mb(db.walBytes) }),
  ];
}

/** The embedded database's last backup (nothing on PostgreSQL, whose backup is pg_dump's). */
function backupLines(ctx: Context, b: SystemReport['backup']): string[] {
  if (!b) return [];
  if (!b.last) return [ctx.t(b.overdue ? 'admin-system-backup-missing' : 'admin-system-backup-none')];
  const args = { at: b.last.at, mb: mb(b.last.bytes) };
  return [ctx.t(b.overdue ? 'admin-system-backup-overdue' : 'admin-system-backup-ok', args)];
}

function systemText(ctx: Context, r: SystemReport): string {
  const db = r.database;
  const jobs = r.jobs;
  const hook = r.webhook;
  return [
    ctx.t('admin-system-title', { version: r.version, uptime: { duration: r.uptimeMs } }),
    '',
    db.ok
      ? ctx.t('admin-system-database-ok', { ms: db.ms })
      : ctx.t('admin-system-database-down', { error: db.error }),
    ...databaseSizeLines(ctx, db),
    jobs.ok
      ? ctx.t('admin-system-jobs-ok', { ready: jobs.ready, deferred: jobs.deferred, active: jobs.active })
      : ctx.t('admin-system-jobs-down', { error: jobs.error }),
    hook === null
      ? ctx.t('admin-system-webhook-polling')
      : !hook.ok
        ? ctx.t('admin-system-webhook-down', { error: hook.error })
        : hook.lastError
          ? ctx.t('admin-system-webhook-error', {
              pending: hook.pending,
              error: hook.lastError,
              at: hook.lastErrorAt ?? r.at,
            })
          : ctx.t('admin-system-webhook-ok', { pending: hook.pending }),
    !r.stripeConfigured
      ? ctx.t('admin-system-stripe-off')
      : r.stripe === null
        ? ctx.t('admin-system-stripe-on')
        : r.stripe.ok
          ? ctx.t('admin-system-stripe-ok', { ms: r.stripe.ms })
          : ctx.t('admin-system-stripe-down', {
              error: { html: escapeCut(scrubPatterns(r.stripe.error), 200) },
            }),
    ...backupLines(ctx, r.backup),
    '',
    ...outboxLines(ctx, r.outbox, r.at),
    '',
    updatedLine(ctx, r.at),
  ].join('\n');
}

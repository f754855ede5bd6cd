import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Api } from 'grammy';
import type Stripe from 'stripe';
import type { SystemProbes } from './app/ports/index.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { ExportBusyError, exportToFile } from './db/export.ts';
import { lastBackup } from './db/backup.ts';
import type { Jobs } from './jobs/boss.ts';

/** The version in package.json (read once, at start). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The database's size, and on the embedded engine its write-ahead log's (PostgreSQL's `pg_ls_waldir`
 * needs a monitoring role, and its WAL is the server's business).
 */
async function databaseSize(database: Database): Promise<{ bytes: number; walBytes?: number }> {
  const { rows } = await database.pool.query<{ bytes: string; wal: string | null }>(
    database.engine === 'pglite'
      ? `select pg_database_size(current_database())::text as bytes,
                (select coalesce(sum(size), 0) from pg_ls_waldir())::text as wal`
      : `select pg_database_size(current_database())::text as bytes, null as wal`,
  );
  const row = rows[0]!;
  return { bytes: Number(row.bytes), ...(row.wal !== null ? { walBytes: Number(row.wal) } : {}) };
}

/**
 * What the System screen asks the running process: the database, the job queue, Telegram's view of the
 * webhook. Part of the composition root: it is where the database, pg-boss and the Bot API meet.
 */
export function createSystemProbes(deps: {
  config: Config;
  database: Database;
  jobs: Jobs;
  api: Api;
  startedAt: Date;
  /** The Stripe client when card payments are configured. */
  stripe?: Stripe | null;
  /** How long the Stripe check may take (default 3 s). */
  stripeTimeoutMs?: number;
  /** Where the embedded database's backups are written; null or absent: none (PostgreSQL). */
  backupsDir?: string | null;
}): SystemProbes {
  const backups = deps.backupsDir ?? null;
  let exporting = false;
  const stripe = deps.stripe ?? null;
  return {
    version: packageVersion(),
    startedAt: deps.startedAt,
    stripeConfigured: deps.config.stripe !== null,
    async database() {
      const started = performance.now();
      await deps.database.ping();
      const ms = Math.round(performance.now() - started);
      // The size is a detail: a database that answers but will not say it (privileges) still answers.
      return { ok: true, ms, ...(await databaseSize(deps.database).catch(() => ({}))) };
    },
    async jobs() {
      const queues = await deps.jobs.boss.getQueues();
      const sum = (f: (q: (typeof queues)[number]) => number) => queues.reduce((n, q) => n + f(q), 0);
      return {
        ok: true,
        ready: sum((q) => Math.max(0, q.queuedCount - q.deferredCount)),
        deferred: sum((q) => q.deferredCount),
        active: sum((q) => q.activeCount),
      };
    },
    async exportData() {
      // One at a time in this process: a second press while one runs is told so, not run again.
      if (exporting) throw new ExportBusyError();
      exporting = true;
      try {
        const dir = resolve(deps.config.dataDir ?? 'data', 'exports');
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const fileName = `fanbridge-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;
        const path = join(dir, fileName);
        const summary = await exportToFile(deps.database, path);
        return { path, fileName, bytes: statSync(path).size, tables: summary.tables, rows: summary.rows };
      } finally {
        exporting = false;
      }
    },
    ...(backups
      ? {
          async lastBackup() {
            const last = lastBackup(backups);
            return last ? { at: last.at, bytes: last.bytes } : null;
          },
        }
      : {}),
    async stripe() {
      if (!stripe) return null;
      const started = performance.now();
      // The cheapest authenticated read; no retries, so a Stripe that is away says so within the timeout.
      await stripe.balance.retrieve(undefined, {
        timeout: deps.stripeTimeoutMs ?? 3_000,
        maxNetworkRetries: 0,
      });
      return { ok: true, ms: Math.round(performance.now() - started) };
    },
    async webhook() {
      if (!deps.config.webhook) return null;
      const info = await deps.api.getWebhookInfo();
      return {
        ok: true,
        pending: info.pending_update_count,
        lastError: info.last_error_message ?? null,
        lastErrorAt: info.last_error_date ? new Date(info.last_error_date * 1000) : null,
      };
    },
  };
}

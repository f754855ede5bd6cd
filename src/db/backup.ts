import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client.ts';
import { exportToFile } from './export.ts';

/**
 * Daily backups of the embedded database: the logical export (src/db/export.ts) written under
 * `DATA_DIR/backups`, the newest `BACKUPS_KEPT` kept. The export rather than PGlite's `dumpDataDir`:
 * it is read from one repeatable-read snapshot through a cursor (memory stays flat whatever the size,
 * where a data-dir dump is built as one in-memory tarball of the whole cluster), it is a fraction of the
 * size, and the same file restores into the embedded database or into PostgreSQL (`npm run restore`,
 * `npm run import`). What it leaves out is the job queue (pg-boss's schema), as every export does.
 */
export const BACKUPS_KEPT = 7;
const PREFIX = 'fanbridge-backup-';
const SUFFIX = '.jsonl.gz';
const PARTIAL = '.partial';

export interface BackupFile {
  name: string;
  path: string;
  /** When it was taken (from its name; its mtime if the name was changed). */
  at: Date;
  bytes: number;
}

export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');

/** `2026-12-03T03:30:00.000Z` ⇄ `fanbridge-backup-2026-12-03T03-30-00-000Z.jsonl.gz` (sorts by time). */
export const backupFileName = (at: Date): string =>
  `${PREFIX}${at.toISOString().replace(/[:.]/g, '-')}${SUFFIX}`;
function timeOf(name: string): Date | null {
  const m = /^fanbridge-backup-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.jsonl\.gz$/.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The backups in `dir`, newest first (an unreadable or missing directory has none). */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (st.isFile()) out.push({ name, path, at: timeOf(name) ?? st.mtime, bytes: st.size });
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
}

export const lastBackup = (dir: string): BackupFile | null => listBackups(dir)[0] ?? null;

/**
 * Writes one backup and keeps the newest `keep`. It is written under a `.partial` name and renamed
 * when complete, so a crash midway never leaves a file that looks like a backup (nor removes one);
 * leftovers of such a crash are removed by the next run.
 */
export async function writeBackup(
  database: Database,
  dir: string,
  opts: { now?: Date; keep?: number } = {},
): Promise<BackupFile & { rows: number; tables: number; removed: string[] }> {
  const keep = Math.max(1, opts.keep ?? BACKUPS_KEPT);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = backupFileName(opts.now ?? new Date());
  const path = join(dir, name);
  const partial = `${path}${PARTIAL}`;
  for (const leftover of readdirSync(dir).filter((n) => n.startsWith(PREFIX) && n.endsWith(PARTIAL)))
    rmSync(join(dir, leftover), { force: true });
  let summary: Awaited<ReturnType<typeof exportToFile>>;
  try {
    summary = await exportToFile(database, partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, path);
  const removed: string[] = [];
  for (const old of listBackups(dir).slice(keep)) {
    rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  const bytes = statSync(path).size;
  return { name, path, at: timeOf(name)!, bytes, rows: summary.rows, tables: summary.tables, removed };
}

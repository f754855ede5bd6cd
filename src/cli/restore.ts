import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../config.ts';
import { backupsDir } from '../db/backup.ts';
import { migrateDatabase, openDatabase, sql, type Database } from '../db/client.ts';
import { ExportFormatError, exportToFile, ImportRefusedError, importFromFile } from '../db/export.ts';
import { createJobs } from '../jobs/boss.ts';
import { uuidFromKey } from '../jobs/ids.ts';
import { createLogger } from '../logger.ts';
import { createScrubber, secretValues } from '../logging/redact.ts';

/**
 * `npm run restore -- <file> [--force]`: puts a backup (or any export) back in place of the current
 * data, with the bot stopped. Before anything is replaced, the current data is saved as
 * `DATA_DIR/backups/fanbridge-pre-restore-<time>.jsonl.gz`, so a restore of the wrong file is undone by
 * restoring that one. The load is one transaction (all or nothing, src/db/export.ts).
 *
 * Embedded database: DATA_DIR is locked while the bot runs, so holding it proves no bot writes there.
 * PostgreSQL (whose backup is pg_dump's, see docs/OPERATIONS.md): a database where a bot handled an
 * update in the last 5 minutes is refused unless `--force`.
 *
 * Telegram payments the backup holds as received but not yet applied are queued again (their jobs are
 * not part of a backup); applying one twice changes nothing, its effects are keyed on the charge.
 *
 * Exit codes: 0 done, 1 refused (bad file, other schema version, a bot running), 2 could not run.
 */
let scrub = createScrubber();
const say = (line: string) => process.stderr.write(`${scrub(line)}\n`);

const USAGE = 'usage: npm run restore -- <backup file> [--force]';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    say(USAGE);
    return values.help ? 0 : 2;
  }
  const file = resolve(positionals[0]!);
  const config = loadDatabaseConfig();
  scrub = createScrubber(secretValues(config));
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    say(`fanbridge restore: ${(err as Error).message}`);
    return 2;
  }
  try {
    await migrateDatabase(database);
    const dir = backupsDir(config.dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const safety = join(
      dir,
      `fanbridge-pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`,
    );
    const before = await exportToFile(database, safety);
    say(`saved the current data (${before.rows} rows) to ${safety}`);
    const s = await importFromFile(database, file, {
      replace: true,
      // The DATA_DIR lock already proves that no bot runs on the embedded database.
      force: values.force || database.engine === 'pglite',
    });
    say(`restored ${s.rows} rows of ${s.tables} tables from ${file} into ${database.engine}`);
    const requeued = await requeuePendingPayments(database);
    if (requeued > 0) say(`queued again ${requeued} Telegram payment(s) the backup held as not yet applied`);
    say('start the bot again: it picks up from the restored data');
    return 0;
  } catch (err) {
    say(`fanbridge restore: ${(err as Error).message}`);
    return err instanceof ImportRefusedError || err instanceof ExportFormatError ? 1 : 2;
  } finally {
    await database.close().catch(() => {});
  }
}

/** A job per pending payment update, with an id of its own: the one the bot gave it may be taken. */
async function requeuePendingPayments(database: Database): Promise<number> {
  const res = await database.db.execute(sql`select id from payment_updates where status = 'pending'`);
  const ids = (res as { rows: Array<{ id: string | number }> }).rows.map((r) => Number(r.id));
  if (ids.length === 0) return 0;
  const jobs = createJobs(database, createLogger('error'));
  await jobs.start();
  try {
    const stamp = Date.now();
    for (const inboxId of ids)
      await jobs.send(
        'telegramPayment',
        { inboxId },
        { id: uuidFromKey(`tg-payment:${inboxId}:restore:${stamp}`) },
      );
  } finally {
    await jobs.stop();
  }
  return ids.length;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    say(`fanbridge: ${(err as Error).message}`);
    process.exitCode = 2;
  },
);

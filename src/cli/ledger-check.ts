import { checkLedgerIntegrity, formatLedgerReport } from '../app/system/ledger.ts';
import { loadDatabaseConfig } from '../config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { createUnitOfWork } from '../db/repos/index.ts';
import { createScrubber, secretValues } from '../logging/redact.ts';

/** Exit codes, for cron and CI: 0 clean, 1 violations found, 2 the check could not run. */
const EXIT_OK = 0;
const EXIT_VIOLATIONS = 1;
const EXIT_UNAVAILABLE = 2;

/** Until the config is read, only what looks like a token or a key is scrubbed from what we print. */
let scrub = createScrubber();

const oneLine = (err: unknown) =>
  scrub((err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' '));

/**
 * `npm run ledger:check`: audits every balance against its ledger entries (read-only). Needs only
 * DATABASE_URL / DATA_DIR. With the embedded database it cannot run next to the bot: DATA_DIR is locked.
 */
async function main(): Promise<number> {
  let database: Database;
  try {
    const config = loadDatabaseConfig();
    scrub = createScrubber(secretValues(config));
    database = await openDatabase(config);
  } catch (err) {
    process.stderr.write(`fanbridge ledger:check: ${oneLine(err)}\n`);
    return EXIT_UNAVAILABLE;
  }
  try {
    // An unmigrated database has no ledger to audit; migrating is idempotent and takes the same lock as startup.
    await migrateDatabase(database);
    const report = await checkLedgerIntegrity({ uow: createUnitOfWork(database) });
    process.stdout.write(`${formatLedgerReport(report)}\n`);
    return report.ok ? EXIT_OK : EXIT_VIOLATIONS;
  } catch (err) {
    process.stderr.write(`fanbridge ledger:check: ${oneLine(err)}\n`);
    return EXIT_UNAVAILABLE;
  } finally {
    await database.close().catch(() => {});
  }
}

main().then(
  (code) => {
    // exitCode rather than exit(): lets a piped stdout drain before the process ends.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`fanbridge ledger:check: ${oneLine(err)}\n`);
    process.exitCode = EXIT_UNAVAILABLE;
  },
);

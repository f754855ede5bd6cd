import { DEFAULT_DAYS } from '../app/reconcile/index.ts';
import { loadConfig } from '../config.ts';
import { createDeps, type Deps } from '../deps.ts';
import { createLogger } from '../logger.ts';
import { createScrubber, secretValues } from '../logging/redact.ts';
import { parseReconcileArgs, USAGE } from './reconcile-args.ts';
import { formatFixResult, formatReconcileReport } from './reconcile-report.ts';

/** Exit codes: 0 books match (or the fix was applied), 1 mismatches found (or the fix refused), 2 could not run. */
const EXIT_OK = 0;
const EXIT_MISMATCHES = 1;
const EXIT_UNAVAILABLE = 2;

let scrub = createScrubber();
const oneLine = (err: unknown) =>
  scrub((err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' '));

/**
 * `npm run reconcile`: compares Stripe's and Telegram's statements for a period with the books and prints
 * every mismatch (read-only); `--apply <id>` applies one fix through the keyed path. With the embedded
 * database it cannot run next to the bot (DATA_DIR is locked): stop the bot first, or use PostgreSQL.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseReconcileArgs(process.argv.slice(2), new Date(), DEFAULT_DAYS);
  } catch (err) {
    process.stderr.write(`fanbridge reconcile: ${oneLine(err)}\n${USAGE}\n`);
    return EXIT_UNAVAILABLE;
  }
  let deps: Deps;
  try {
    const config = loadConfig();
    scrub = createScrubber(secretValues(config));
    const logger = createLogger({
      level: 'warn',
      secrets: secretValues(config),
      destination: process.stderr,
    });
    deps = await createDeps(config, logger);
  } catch (err) {
    process.stderr.write(`fanbridge reconcile: ${oneLine(err)}\n`);
    return EXIT_UNAVAILABLE;
  }
  try {
    // A fix may queue jobs (a disputed card is detached in Stripe by one): the queue must be up.
    await deps.jobs.start();
    const { reconcile } = deps.services;
    const period = { since: args.since, until: args.until };
    if (args.apply) {
      const res = await reconcile.apply({ id: args.apply, period, actor: { kind: 'cli' } });
      process.stdout.write(`${formatFixResult(args.apply, res)}\n`);
      return res.ok ? EXIT_OK : EXIT_MISMATCHES;
    }
    const report = await reconcile.run(period);
    process.stdout.write(
      `${args.json ? JSON.stringify(report, null, 2) : scrub(formatReconcileReport(report))}\n`,
    );
    if (report.rails.some((r) => r.status === 'failed')) return EXIT_UNAVAILABLE;
    return report.mismatches.length === 0 ? EXIT_OK : EXIT_MISMATCHES;
  } catch (err) {
    process.stderr.write(`fanbridge reconcile: ${oneLine(err)}\n`);
    return EXIT_UNAVAILABLE;
  } finally {
    await deps.jobs.stop().catch(() => {});
    await deps.database.close().catch(() => {});
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`fanbridge reconcile: ${oneLine(err)}\n`);
    process.exitCode = EXIT_UNAVAILABLE;
  },
);

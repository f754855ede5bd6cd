import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { ExportFormatError, exportToFile, ImportRefusedError, importFromFile } from '../db/export.ts';
import { createScrubber, secretValues } from '../logging/redact.ts';

/**
 * `npm run export -- [file]` and `npm run import -- <file> [--replace]`: one logical export of everything
 * fanbridge keeps, the same format on both engines (src/db/export.ts). Reads DATABASE_URL / DATA_DIR like
 * the bot. With the embedded database neither can run next to the bot (DATA_DIR is locked): stop it first,
 * or take the export from the control center (/system). To move from the embedded database to
 * PostgreSQL: export with DATA_DIR, then import with DATABASE_URL set.
 *
 * Exit codes: 0 done, 1 refused (bad file, non-empty target, other schema version), 2 could not run.
 */
let scrub = createScrubber();
const say = (line: string) => process.stderr.write(`${scrub(line)}\n`);

const USAGE = `usage: npm run export -- [file]        (default: DATA_DIR/exports/fanbridge-<time>.jsonl.gz)
       npm run import -- <file> [--replace [--force]]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      replace: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || (command !== 'export' && command !== 'import') || positionals.length > 1) {
    say(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'import' && positionals.length !== 1) {
    say(USAGE);
    return 2;
  }
  const config = loadDatabaseConfig();
  scrub = createScrubber(secretValues(config));
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    say(`fanbridge ${command}: ${(err as Error).message}`);
    return 2;
  }
  try {
    await migrateDatabase(database);
    if (command === 'export') {
      const path = resolve(
        positionals[0] ??
          join(
            config.dataDir ?? '.',
            'exports',
            `fanbridge-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`,
          ),
      );
      mkdirSync(dirname(path), { recursive: true });
      const s = await exportToFile(database, path);
      say(`exported ${s.rows} rows of ${s.tables} tables (${database.engine}) to ${path}`);
      return 0;
    }
    const path = resolve(positionals[0]!);
    const s = await importFromFile(database, path, { replace: values.replace, force: values.force });
    say(`imported ${s.rows} rows of ${s.tables} tables from ${path} into ${database.engine}`);
    return 0;
  } catch (err) {
    say(`fanbridge ${command}: ${(err as Error).message}`);
    return err instanceof ImportRefusedError || err instanceof ExportFormatError ? 1 : 2;
  } finally {
    await database.close().catch(() => {});
  }
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

import { loadDatabaseConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { createScrubber, secretValues } from '../logging/redact.ts';

/** Until the config is read, only what looks like a token or a key is scrubbed from what we print. */
let scrub = createScrubber();

/** `npm run db:migrate`: applies migrations without starting the bot (only DATABASE_URL / DATA_DIR needed). */
async function main(): Promise<void> {
  const config = loadDatabaseConfig();
  scrub = createScrubber(secretValues(config));
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    process.stdout.write(`migrations applied (${database.engine})\n`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(scrub(`fanbridge db:migrate: ${err instanceof Error ? err.message : String(err)}\n`));
  process.exit(1);
});

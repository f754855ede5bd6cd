import { loadDatabaseConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';

/** `npm run db:migrate`: applies migrations without starting the bot (only DATABASE_URL / DATA_DIR needed). */
async function main(): Promise<void> {
  const database = await openDatabase(loadDatabaseConfig());
  try {
    await migrateDatabase(database);
    process.stdout.write(`migrations applied (${database.engine})\n`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`fanbridge db:migrate: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

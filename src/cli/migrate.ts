import { ConfigError } from '../config.ts';
import { z } from 'zod';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { migrateDatabase, openDatabase } from '../db/client.ts';

/** `npm run db:migrate`: applies migrations without starting the bot (only DATABASE_URL / DATA_DIR needed). */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = z
    .object({ DATABASE_URL: z.string().optional(), DATA_DIR: z.string().default('./data') })
    .parse({
      DATABASE_URL: process.env.DATABASE_URL || undefined,
      DATA_DIR: process.env.DATA_DIR || undefined,
    });
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL ?? null,
    dataDir: resolve(env.DATA_DIR),
  });
  try {
    await migrateDatabase(database);
    process.stdout.write(`migrations applied (${database.engine})\n`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `fanbridge db:migrate: ${err instanceof Error && !(err instanceof ConfigError) ? err.message : String(err)}\n`,
  );
  process.exit(1);
});

import { createServices, type Services } from './app/services.ts';
import type { Config } from './config.ts';
import { openDatabase, migrateDatabase, type Database } from './db/client.ts';
import { createUnitOfWork } from './db/repos/index.ts';
import { systemClock, type Clock } from './domain/shared/index.ts';
import { createJobs, type Jobs } from './jobs/boss.ts';
import type { Logger } from './logger.ts';

export interface Deps {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  jobs: Jobs;
  services: Services;
}

export interface DepsOverrides {
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  clock?: Clock;
}

/** Opens the database, applies migrations, and wires repositories, jobs and use cases. */
export async function createDeps(
  config: Config,
  logger: Logger,
  overrides: DepsOverrides = {},
): Promise<Deps> {
  const database =
    overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateDatabase(database);
    const clock = overrides.clock ?? systemClock;
    const uow = createUnitOfWork(database);
    const jobs = createJobs(database, logger.child({ component: 'jobs' }));
    const services = createServices({ uow, clock });
    return { config, logger, clock, database, jobs, services };
  } catch (err) {
    if (!overrides.database) await database.close().catch(() => {});
    throw err;
  }
}

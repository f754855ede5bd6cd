import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../../src/db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated in-memory PGlite, dumped once per run (see test/support/db.ts); null on PostgreSQL. */
    pgliteTemplate: string | null;
  }
}

/**
 * Once per run: on PGlite, create and migrate one database and dump it to a file, so each test file
 * loads a copy (~1 s) instead of creating and migrating its own cluster (~7 s).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplate', null);
    return () => {};
  }
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  try {
    await migrateDatabase(database);
    if (database.engine !== 'pglite') throw new Error('expected PGlite');
    const dump = await database.pglite.dumpDataDir('none');
    const path = join(tmpdir(), `fanbridge-test-template-${process.pid}.tar`);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', path);
    return () => {};
  } finally {
    await database.close();
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, migrateDatabase, openDatabase, sql } from '../../../src/db/client.ts';
import { hasCluster } from '../../../src/db/embedded-init.ts';
import { lockDataDir } from '../../../src/db/lock.ts';

/** A fresh DATA_DIR is created by a child process (the serving process only ever reopens a cluster). */
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fb-init-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(process.env.TEST_DATABASE_URL)('the embedded database on first start', () => {
  it('is created out of process, migrated, and keeps its data when reopened', async () => {
    const dir = tempDir();
    expect(hasCluster(join(dir, 'pgdata'))).toBe(false);
    const first = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      expect(hasCluster(join(dir, 'pgdata'))).toBe(true);
      await migrateDatabase(first);
      await first.db.execute(sql`insert into users (id, first_name) values (1, 'Ana')`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      const r = (await again.db.execute(sql`select first_name from users where id = 1`)) as {
        rows: { first_name: string }[];
      };
      expect(r.rows).toEqual([{ first_name: 'Ana' }]);
    } finally {
      await again.close();
    }
  });

  it('a directory it cannot create in gives a clear error and releases the lock', async () => {
    const dir = tempDir();
    // A file where the cluster's directory should be: creating it must fail.
    writeFileSync(join(dir, 'pgdata'), 'not a directory');
    const err = await openDatabase({ databaseUrl: null, dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toMatch(/cannot open the embedded database/);
    const release = await lockDataDir(dir, { onCompromised: () => {} });
    await release();
  });
});

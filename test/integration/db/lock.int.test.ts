import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.ts';
import { DataDirLockedError, lockDataDir } from '../../../src/db/lock.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fanbridge-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('DATA_DIR lock', () => {
  it('refuses a second opener while the first holds the directory', async () => {
    const dir = tempDir();
    const first = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      // A second process (here: a child running the migrate CLI) must exit with a clear message.
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(/is in use by another fanbridge process \(pid \d+\)/);
    } finally {
      await first.close();
    }
    // Released on close: the directory can be opened again and keeps its data.
    const again = await openDatabase({ databaseUrl: null, dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a dead process', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fanbridge.lock'), '999999999');
    const release = lockDataDir(dir);
    // Even the same process may not open it twice: two PGlite instances on one directory lose writes.
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    release();
    lockDataDir(dir)();
  });

  it('names the holder in the error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fanbridge.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });
});

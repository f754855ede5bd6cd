import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src/db/client.ts';
import { DataDirLockedError, lockDataDir } from '../../../src/db/lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fanbridge-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const IN_USE = /DATA_DIR .* is in use by another fanbridge process; stop it first, or set DATABASE_URL/;
const noop = () => {};
const lockPath = (dir: string) => join(dir, 'fanbridge.lock');

/** Another process that takes the lock (with these heartbeat timings) and waits to be killed. */
async function holder(dir: string, timings: [stale: number, update: number] | [] = []) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/lock-holder.ts', dir, ...timings.map(String)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)));
  });
  return { child, exited };
}

describe('DATA_DIR lock', () => {
  it('refuses a second opener while the first holds the directory', async () => {
    const dir = tempDir();
    const first = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      // A second process (here: a child running the migrate CLI) must exit with a clear message. Not
      // spawnSync: this process must keep its heartbeat going meanwhile, as a running bot does.
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(status).toBe(1);
      expect(stderr).toMatch(IN_USE);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await first.close();
    }
    // Released on close: the directory can be opened again and keeps its data.
    const again = await openDatabase({ databaseUrl: null, dataDir: dir });
    await again.close();
  });

  it('refuses while another process holds it, and is free once that process exits', async () => {
    const dir = tempDir();
    const { child, exited } = await holder(dir);
    await expect(lockDataDir(dir, { onCompromised: noop })).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir, { onCompromised: noop })).rejects.toThrow(IN_USE);
    child.kill('SIGTERM'); // a normal stop: the lock goes with the process
    await exited;
    expect(existsSync(lockPath(dir))).toBe(false);
    const release = await lockDataDir(dir, { onCompromised: noop });
    await release();
  });

  it('takes over the lock of a process killed with SIGKILL once its heartbeat is stale', async () => {
    const dir = tempDir();
    const { child, exited } = await holder(dir, [2000, 1000]);
    child.kill('SIGKILL'); // no exit handler runs: the lock directory stays behind
    await exited;
    expect(existsSync(lockPath(dir))).toBe(true);
    const started = Date.now();
    const release = await lockDataDir(dir, { staleMs: 2000, updateMs: 1000, onCompromised: noop });
    expect(Date.now() - started).toBeLessThan(6000);
    await release();
  });

  it('takes over at once a lock whose heartbeat is older than the stale limit', async () => {
    const dir = tempDir();
    mkdirSync(lockPath(dir));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dir), old, old);
    const started = Date.now();
    const release = await lockDataDir(dir, { onCompromised: noop });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(statSync(lockPath(dir)).mtimeMs).toBeGreaterThan(old.getTime());
    await release();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('is not blocked by a pid file of an earlier version, even when that pid is alive again', async () => {
    // After a container restart the new process has the old one's pid (pid 1): a pid proves nothing.
    for (const pid of [process.pid, process.ppid, 999_999_999]) {
      const dir = tempDir();
      writeFileSync(lockPath(dir), String(pid));
      const release = await lockDataDir(dir, { onCompromised: noop });
      await release();
    }
  });

  it('refuses a second lock in the same process until the first is released', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir, { onCompromised: noop });
    // Two PGlite instances on one directory lose writes as two processes would.
    await expect(lockDataDir(dir, { onCompromised: noop })).rejects.toThrow(/already open in this process/);
    await release();
    await (
      await lockDataDir(dir, { onCompromised: noop })
    )();
  });

  it('stops writing when the lock is lost while open', async () => {
    const dir = tempDir();
    const onLockCompromised = vi.fn();
    const database = await openDatabase({
      databaseUrl: null,
      dataDir: dir,
      onLockCompromised,
      lockTimings: { staleMs: 2000, updateMs: 1000 },
    });
    await database.ping();
    rmSync(lockPath(dir), { recursive: true }); // removed by hand, or taken by someone else
    await vi.waitFor(() => expect(onLockCompromised).toHaveBeenCalledOnce(), { timeout: 5000 });
    await vi.waitFor(() => expect(database.ping()).rejects.toThrow(), { timeout: 2000 });
    await database.close();
  });
});

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether `dir` already holds an embedded database cluster. */
export const hasCluster = (dir: string): boolean => existsSync(join(dir, 'PG_VERSION'));

/**
 * Creates the embedded database's cluster in a short-lived child process. PGlite's first start (its
 * initdb) grows the WASM heap to ~850 MB and never gives it back, while reopening an existing cluster
 * peaks near 300 MB (measured on this machine: docs/BENCHMARKS.md): doing the first start elsewhere keeps
 * the serving process small. The child only creates the cluster; migrations run in the caller.
 */
export async function createClusterOutOfProcess(dir: string): Promise<void> {
  const entry = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(process.argv[1]);
const db = await PGlite.create(process.argv[2]);
await db.query('select 1');
await db.close();`;
  try {
    await run(process.execPath, ['--input-type=module', '-e', script, entry, dir], {
      timeout: 120_000,
      maxBuffer: 1 << 20,
    });
  } catch (err) {
    const e = err as Error & { stderr?: string };
    const detail = e.stderr?.trim().split('\n').slice(-3).join(' ') || e.message;
    throw new Error(`creating the embedded database failed: ${detail}`);
  }
  if (!hasCluster(dir)) throw new Error('creating the embedded database left no cluster behind');
}

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';

const run = promisify(execFile);

/**
 * V8 flag for PGlite's engine (a WebAssembly build of PostgreSQL): compile it with Liftoff, V8's
 * baseline compiler, only. By default V8 also recompiles every hot function with TurboFan in background
 * threads; for this module that cost 60–80 MB of resident memory and a quarter more CPU in a spike of
 * 6,000 transactions on a reopened cluster, and the engine's statements did not get faster. In the relay
 * bench the app's CPU was 6–12 % higher with it (two runs each, within the spread of runs)
 * (docs/BENCHMARKS.md, "A leaner process"). The flag touches WebAssembly only: JavaScript is compiled
 * as before, and with PostgreSQL nothing in the process is WebAssembly.
 */
export const ENGINE_WASM_FLAG = '--liftoff-only';

/** Sets ENGINE_WASM_FLAG in this process (again is harmless); it counts for modules compiled afterwards (PGlite compiles on create). */
export function useEngineWasmCompiler(): void {
  setFlagsFromString(ENGINE_WASM_FLAG);
}

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
    await run(process.execPath, [ENGINE_WASM_FLAG, '--input-type=module', '-e', script, entry, dir], {
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

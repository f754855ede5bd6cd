import { setFlagsFromString } from 'node:v8';

/**
 * How the app's Node process is tuned for a small footprint (docs/BENCHMARKS.md, "A leaner process").
 * Under a burst V8 lets its heap grow to several times what is alive before collecting: in the relay
 * bench on PGlite the heap held 159–275 MB at the process's peak with ~55 MB alive after each full
 * collection. Two settings keep it near what the app uses, for some more collector work:
 *
 * - `--max-semi-space-size=8` (MB; below Node's default): the young generation, where
 *   every update's short-lived objects go. V8 sizes it when the process starts, so it must be on the
 *   command line: every start command carries START_NODE_FLAGS (package.json, Dockerfile, railway.json;
 *   test/deploy/deploy-files.test.ts checks they agree).
 * - `--heap-growing-percent=50`: the old generation may grow to 1.5× what survived the last full
 *   collection (left to itself, V8 let it reach 3–5× that in the bench). V8 reads it at each collection, so
 *   tuneHeap sets it at start in any way the app is run.
 *
 * An operator's own flag wins: tuneHeap leaves the heap alone when the process was started with one.
 */
export const START_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=8'] as const;
export const HEAP_GROWING_FLAG = '--heap-growing-percent=50';

/** Sets HEAP_GROWING_FLAG unless the process was started with its own; says whether it did. */
export function tuneHeap(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(HEAP_GROWING_FLAG);
  return true;
}

/**
 * Opt-in query profiler for the app child: which statements the app runs, how often, and for how long.
 *
 *   BENCH_CHILD_ARGS="--import ./bench/query-profile.ts" BENCH_QUERY_PROFILE_DIR=/tmp/qp npm run bench:relay
 *
 * writes `<dir>/queries-<engine>-<pid>.txt` when the child exits, sorted by total time. Times differ by
 * engine: PGlite counts the time the embedded engine spends executing (synchronous WASM, no waiting);
 * PostgreSQL counts each query's wall time as node-postgres sees it (network and server, queueing
 * behind other sessions included, pool waits excluded). Statements differing only in their number of
 * `($…)` placeholder groups are kept apart (a multi-row insert shows once per row count).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

interface Stat {
  count: number;
  ms: number;
  maxMs: number;
}

const stats = { pglite: new Map<string, Stat>(), postgres: new Map<string, Stat>() };

const normalise = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$')
    .replace(/\(\$(, \$)+\)/g, '($…)')
    .trim()
    .slice(0, 160);

function add(engine: keyof typeof stats, text: string, ms: number, count: boolean): void {
  const key = normalise(text);
  const s = stats[engine].get(key) ?? { count: 0, ms: 0, maxMs: 0 };
  if (count) s.count++;
  s.ms += ms;
  s.maxMs = Math.max(s.maxMs, ms);
  stats[engine].set(key, s);
}

// PGlite: every protocol message goes through execProtocolRawSync, one at a time. A Parse ('P') or
// simple Query ('Q') message names the statement that the following Bind/Execute/Sync belong to.
type RawSync = (message: Uint8Array) => Uint8Array;
const proto = PGlite.prototype as unknown as { execProtocolRawSync: RawSync };
const original = proto.execProtocolRawSync;
const decoder = new TextDecoder();
let current = '(unknown)';
proto.execProtocolRawSync = function (this: PGlite, message: Uint8Array): Uint8Array {
  const fresh = message[0] === 0x50 || message[0] === 0x51;
  if (fresh) {
    let i = 5; // type byte + int32 length
    if (message[0] === 0x50) {
      while (i < message.length && message[i] !== 0) i++; // statement name
      i++;
    }
    let j = i;
    while (j < message.length && message[j] !== 0) j++;
    current = decoder.decode(message.subarray(i, j));
  }
  const started = performance.now();
  try {
    return original.call(this, message);
  } finally {
    add('pglite', current, performance.now() - started, fresh);
  }
};

// node-postgres: wall time of each promise-returning Client#query.
type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: Query };
const originalQuery = clientProto.query;
clientProto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  const text =
    typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '(query object)');
  const started = performance.now();
  const result = originalQuery.call(this, config, values, callback);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    const done = () => add('postgres', text, performance.now() - started, true);
    (result as Promise<unknown>).then(done, done);
  }
  return result;
};

process.on('exit', () => {
  const dir = process.env.BENCH_QUERY_PROFILE_DIR;
  if (!dir) return;
  for (const [engine, map] of Object.entries(stats)) {
    if (map.size === 0) continue;
    const rows = [...map.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((n, [, s]) => n + s.ms, 0);
    const lines = [
      `# ${engine}: ${total.toFixed(0)} ms in total over ${rows.length} statements`,
      '#   total ms   count    avg ms    max ms  statement',
      ...rows.map(
        ([text, s]) =>
          `${s.ms.toFixed(0).padStart(12)} ${String(s.count).padStart(7)} ${(s.ms / Math.max(1, s.count))
            .toFixed(2)
            .padStart(9)} ${s.maxMs.toFixed(1).padStart(9)}  ${text}`,
      ),
    ];
    writeFileSync(join(dir, `queries-${engine}-${process.pid}.txt`), `${lines.join('\n')}\n`);
  }
});

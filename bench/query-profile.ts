/**
 * Opt-in query profiler for the app child: which statements the app runs, how often, and for how long.
 *
 *   BENCH_CHILD_ARGS="--import ./bench/query-profile.ts" BENCH_QUERY_PROFILE_DIR=/tmp/qp npm run bench:relay
 *
 * writes `<dir>/queries-<engine>-<pid>.txt` when the child exits, sorted by total time. Times differ by
 * engine: PGlite counts the time the embedded engine spends executing (synchronous WASM, no waiting;
 * parsing a statement counts for its first run);
 * PostgreSQL counts each query's wall time as node-postgres sees it (network and server, queueing
 * behind other sessions included, pool waits excluded). Statements differing only in their number of
 * `($…)` placeholder groups are kept apart (a multi-row insert shows once per row count).
 *
 * Each statement is counted under the path that asked for it (the async context of its `Client#query`
 * call): `webhook` for what a webhook request to /telegram-webhook starts (storing the update, and the
 * claims of the stored-update drainer it wakes), `handler` for what grammY's `Bot#handleUpdate` runs (the
 * update's handling, wherever it was started from), `background` for the rest (the outbox sender, jobs,
 * the drainer's claims woken by a finished update or a timer, start-up). On PGlite a statement's engine
 * time is measured per statement text, and each path's share is its count of that text times the text's
 * average (the engine runs a batch after the call that queued it, in another context). An IPC message
 * `{ type: 'profile-reset' }` (bench/relay.ts sends it just before the load) zeroes every counter.
 * `<dir>/queries-<engine>-<pid>.json` holds the same figures for the bench.
 */
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { Bot } from 'grammy';
import pg from 'pg';

interface Stat {
  count: number;
  ms: number;
  maxMs: number;
}

const PATHS = ['webhook', 'handler', 'background'] as const;
type Path = (typeof PATHS)[number];
type ByPath = Record<Path, Map<string, Stat>>;
const byPath = (): ByPath => ({ webhook: new Map(), handler: new Map(), background: new Map() });
/** PostgreSQL: each statement's wall time, by path. PGlite: the engine's time by text, counts by path. */
let postgres = byPath();
let engine = new Map<string, Stat>();
let pgliteCounts = byPath();
const path = new AsyncLocalStorage<Path>();

// Every request to the webhook runs in the `webhook` context.
type Emit = (this: http.Server, event: string, ...args: unknown[]) => boolean;
const serverProto = http.Server.prototype as unknown as { emit: Emit };
const emit = serverProto.emit;
serverProto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
  if (event === 'request' && (args[0] as http.IncomingMessage).url?.startsWith('/telegram-webhook'))
    return path.run('webhook', () => emit.call(this, event, ...args));
  return emit.call(this, event, ...args);
};

// Every update's handling runs in the `handler` context, whoever started it.
type HandleUpdate = (this: Bot, ...args: unknown[]) => Promise<unknown>;
const botProto = Bot.prototype as unknown as { handleUpdate: HandleUpdate };
const handleUpdate = botProto.handleUpdate;
botProto.handleUpdate = function (this: Bot, ...args: unknown[]) {
  return path.run('handler', () => handleUpdate.apply(this, args));
};

process.on('message', (m: { type?: string }) => {
  if (m?.type !== 'profile-reset') return;
  postgres = byPath();
  engine = new Map();
  pgliteCounts = byPath();
});

const normalise = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$')
    .replace(/\(\$(, \$)+\)/g, '($…)')
    .trim()
    .slice(0, 160);

function add(map: Map<string, Stat>, text: string, ms: number, count: boolean): void {
  const key = normalise(text);
  const s = map.get(key) ?? { count: 0, ms: 0, maxMs: 0 };
  if (count) s.count++;
  s.ms += ms;
  s.maxMs = Math.max(s.maxMs, ms);
  map.set(key, s);
}

// PGlite: the app's connection (src/db/embedded-connection.ts) hands the engine one batch per statement
// (Parse, Bind, Describe, Execute, Sync), through execProtocolRawSync. A batch that starts with a Parse
// ('P') names the statement's text (kept by its name: the app's statements are named and parsed once per
// session); one that starts with a Bind ('B') runs a statement parsed before; a simple Query ('Q') carries
// its text.
type RawSync = (message: Uint8Array) => Uint8Array;
const proto = PGlite.prototype as unknown as { execProtocolRawSync: RawSync };
const original = proto.execProtocolRawSync;
const decoder = new TextDecoder();
const texts = new Map<string, string>();
let current = '(unknown)';
/** The NUL-terminated string at `at`, and where the next field starts. */
const cstring = (message: Uint8Array, at: number): [string, number] => {
  let end = at;
  while (end < message.length && message[end] !== 0) end++;
  return [decoder.decode(message.subarray(at, end)), end + 1];
};
proto.execProtocolRawSync = function (this: PGlite, message: Uint8Array): Uint8Array {
  const type = message[0];
  let fresh = false;
  if (type === 0x50) {
    const [name, next] = cstring(message, 5); // type byte + int32 length
    const [text] = cstring(message, next);
    texts.set(name, text);
    current = text;
    fresh = true;
  } else if (type === 0x42) {
    const [, next] = cstring(message, 5); // the portal
    const [name] = cstring(message, next);
    current = texts.get(name) ?? `(statement ${name})`;
    fresh = true;
  } else if (type === 0x51) {
    current = cstring(message, 5)[0];
    fresh = true;
  }
  const started = performance.now();
  try {
    return original.call(this, message);
  } finally {
    add(engine, current, performance.now() - started, fresh);
  }
};

// node-postgres: a pool hands a freed client to a waiting caller from the releasing caller's context;
// bind the callback so the statements run on it count for the caller that asked.
type Connect = (this: pg.Pool, callback?: unknown) => unknown;
const poolProto = pg.Pool.prototype as unknown as { connect: Connect };
const originalConnect = poolProto.connect;
poolProto.connect = function (this: pg.Pool, callback?: unknown) {
  return originalConnect.call(
    this,
    typeof callback === 'function' ? AsyncResource.bind(callback as (...a: unknown[]) => unknown) : callback,
  );
};

// node-postgres: every Client#query, under the path of the context that called it; on PostgreSQL with
// its wall time, promise-returning (transactions) or with a callback (`Pool#query`, i.e. every statement
// outside a transaction, calls it with one).
type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;
type Callback = (...a: unknown[]) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: Query };
const originalQuery = clientProto.query;
clientProto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  const text =
    typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '(query object)');
  const at = path.getStore() ?? 'background';
  const embedded =
    (this as unknown as { connection?: object }).connection?.constructor.name === 'EmbeddedConnection';
  if (embedded) {
    add(pgliteCounts[at], text, 0, true);
    return originalQuery.call(this, config, values, callback);
  }
  const started = performance.now();
  const done = () => add(postgres[at], text, performance.now() - started, true);
  const timed = (cb: Callback): Callback =>
    function (this: unknown, ...a: unknown[]) {
      done();
      return cb.apply(this, a);
    };
  if (typeof callback === 'function') callback = timed(callback as Callback);
  else if (typeof values === 'function') values = timed(values as Callback);
  const result = originalQuery.call(this, config, values, callback);
  if (result && typeof (result as Promise<unknown>).then === 'function')
    (result as Promise<unknown>).then(done, done);
  return result;
};

/** PGlite's figures by path: each path's count of a statement, at the engine's average for it. */
function pgliteByPath(): ByPath {
  const out = byPath();
  for (const p of PATHS)
    for (const [text, { count }] of pgliteCounts[p]) {
      const e = engine.get(text);
      const avg = e && e.count > 0 ? e.ms / e.count : 0;
      out[p].set(text, { count, ms: count * avg, maxMs: e?.maxMs ?? 0 });
    }
  return out;
}

process.on('exit', () => {
  const dir = process.env.BENCH_QUERY_PROFILE_DIR;
  if (!dir) return;
  for (const [engine, paths] of Object.entries({ pglite: pgliteByPath(), postgres })) {
    if (PATHS.every((p) => paths[p].size === 0)) continue;
    const lines: string[] = [];
    for (const [name, map] of Object.entries(paths)) {
      const rows = [...map.entries()].sort((a, b) => b[1].ms - a[1].ms);
      const total = rows.reduce((n, [, s]) => n + s.ms, 0);
      const count = rows.reduce((n, [, s]) => n + s.count, 0);
      lines.push(
        `# ${engine}, ${name}: ${count} statements, ${total.toFixed(0)} ms in total over ${rows.length} distinct`,
        '#   total ms   count    avg ms    max ms  statement',
        ...rows.map(
          ([text, s]) =>
            `${s.ms.toFixed(0).padStart(12)} ${String(s.count).padStart(7)} ${(s.ms / Math.max(1, s.count))
              .toFixed(2)
              .padStart(9)} ${s.maxMs.toFixed(1).padStart(9)}  ${text}`,
        ),
        '',
      );
    }
    writeFileSync(join(dir, `queries-${engine}-${process.pid}.txt`), `${lines.join('\n')}\n`);
    const json = Object.fromEntries(
      Object.entries(paths).map(([name, map]) => [name, Object.fromEntries(map.entries())]),
    );
    writeFileSync(join(dir, `queries-${engine}-${process.pid}.json`), JSON.stringify(json));
  }
});

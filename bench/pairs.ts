/**
 * Before and after, alternating: `npm run bench:pairs -- --base <commit> [--pairs 3] [--engines pglite]`.
 *
 * A change to the relay's cost is smaller than one run's spread on this machine (±10 % and more between
 * runs minutes apart), so it is judged the way docs/BENCHMARKS.md's sections do: the base commit checked
 * out in a temporary git worktree (sharing this checkout's node_modules), then `npm run bench:relay --
 * --phases own-cost --from-dist` (or `--phase ingest`) run in the base and in this checkout (with its uncommitted changes) by
 * turns (base first in odd pairs, the change first in even ones, so that a drift of the machine over the
 * run does not fall on one side), `--pairs` times, and each figure compared as a ratio to the bare grammY relay of its own run
 * (which moves with the machine). Prints every pair, the means, and in how many pairs the change was
 * lower; then one JSON line with every run. Exits 1 when a run failed or lost, duplicated or reordered a
 * message. Run nothing else meanwhile: a test run beside it shows in the figures. Each side runs its own
 * harness, warmed up (`--warmup`) when the base's has it, else both cold.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    pairs: { type: 'string', default: '3' },
    engines: { type: 'string', default: 'pglite' },
    phase: { type: 'string', default: 'own-cost' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

if (args.help || !args.base) {
  process.stdout.write(
    [
      'npm run bench:pairs -- --base <commit> [options]',
      '  --base C        the commit to compare this checkout with (required)',
      '  --pairs N       runs of each, alternating; base first in odd pairs, the change in even (default 3)',
      '  --engines LIST  pglite,postgres (default pglite)',
      "  --phase P       own-cost (until all sent) or ingest (until all handled, the issue's pacing on)",
      'env BENCH_DATABASE_URL  as for bench:relay',
      '',
    ].join('\n'),
  );
  process.exit(args.help ? 0 : 2);
}

const PAIRS = Number(args.pairs);
if (!Number.isInteger(PAIRS) || PAIRS <= 0) {
  process.stderr.write(`bench: --pairs must be a positive integer (got "${args.pairs}")\n`);
  process.exit(2);
}
const ENGINES = (args.engines ?? '').split(',').filter(Boolean);
const PHASE = args.phase ?? 'own-cost';
if (PHASE !== 'own-cost' && PHASE !== 'ingest') {
  process.stderr.write(`bench: --phase must be own-cost or ingest (got "${PHASE}")\n`);
  process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '..');

interface Run {
  side: 'base' | 'change';
  pair: number;
  engine: string;
  appCpu: number;
  bareCpu: number;
  ratio: number;
  databaseCpu: number | null;
  allRelayedMs: number;
  ackP99Ms: number;
  receiptsSent: number;
  faults: number;
}

/**
 * Each side runs its own bench:relay. One from before the warm-up (`--warmup`, docs/BENCHMARKS.md "A
 * warm-up before the clock") measures cold: this checkout's side then runs cold too, or the two would
 * not be measured alike.
 */
let extraArgs: string[] = [];

/** One bench:relay run in `dir`, its final JSON line read into a run per engine. */
function relayRun(dir: string, side: Run['side'], pair: number): Run[] {
  const res = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'bench:relay',
      '--',
      '--phases',
      PHASE,
      '--engines',
      ENGINES.join(','),
      '--from-dist',
      ...(side === 'change' ? extraArgs : []),
    ],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = res.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"bench"'));
  if (!line) throw new Error(`bench:relay in ${dir} printed no result (exit ${res.status})`);
  const out = JSON.parse(line) as { runs: Array<Record<string, number | string | null>> };
  const bare = out.runs.find((r) => r.engine === 'bare');
  if (!bare) throw new Error('bench:relay ran no bare relay');
  return out.runs
    .filter((r) => r.engine !== 'bare')
    .map((r) => {
      const appCpu = Number(r.childCpuSecPer1000);
      const bareCpu = Number(bare.childCpuSecPer1000);
      return {
        side,
        pair,
        engine: String(r.engine),
        appCpu,
        bareCpu,
        ratio: appCpu / bareCpu,
        databaseCpu: r.backendCpuSecPer1000 === null ? null : Number(r.backendCpuSecPer1000),
        // The ingest phase ends when all is handled (its relays wait for the group's budget).
        allRelayedMs: Number(PHASE === 'ingest' ? r.allHandledMs : r.allRelayedMs),
        ackP99Ms: Number(r.ackP99Ms),
        receiptsSent: Number(r.receiptsSent),
        faults: Number(r.lost) + Number(r.duplicated) + Number(r.outOfOrder) + Number(r.webhookFailures ?? 0),
      };
    });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f = (n: number, d = 2) => n.toFixed(d);

const worktree = mkdtempSync(join(tmpdir(), 'fanbridge-base-'));
rmSync(worktree, { recursive: true });
try {
  execFileSync('git', ['worktree', 'add', '--detach', worktree, args.base], { cwd: ROOT, stdio: 'ignore' });
} catch {
  process.stderr.write(`bench: cannot check out "${args.base}" in a worktree (not a commit here?)\n`);
  process.exit(2);
}
symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
if (!/\bwarmup: \{/.test(readFileSync(join(worktree, 'bench', 'relay.ts'), 'utf8'))) {
  extraArgs = ['--warmup', '0'];
  process.stdout.write(`the base's bench:relay has no warm-up: both sides run cold (--warmup 0)\n`);
}
const runs: Run[] = [];
let failed = false;
try {
  for (let pair = 1; pair <= PAIRS; pair++) {
    // The order turns every pair (base first in odd pairs, the change first in even ones): the machine
    // drifts over a run, and a side always run first or always second takes the drift as its own.
    const sides = [
      ['base', worktree],
      ['change', ROOT],
    ] as const;
    for (const [side, dir] of pair % 2 === 1 ? sides : [...sides].reverse()) {
      const got = relayRun(dir, side, pair);
      for (const r of got) {
        runs.push(r);
        process.stdout.write(
          `pair ${pair} ${side.padEnd(6)} ${r.engine.padEnd(8)} app ${f(r.appCpu)} s/1000  bare ${f(r.bareCpu)}  ` +
            `ratio ${f(r.ratio)}×  db ${r.databaseCpu === null ? '—' : f(r.databaseCpu)}  ` +
            `relayed ${f(r.allRelayedMs / 1000, 1)} s  ack p99 ${f(r.ackP99Ms, 0)} ms  receipts ${r.receiptsSent}\n`,
        );
        if (r.faults > 0) failed = true;
      }
    }
  }
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  failed = true;
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
  if (existsSync(worktree)) rmSync(worktree, { recursive: true, force: true });
}

const summary = ENGINES.map((engine) => {
  const of = (side: Run['side']) => runs.filter((r) => r.engine === engine && r.side === side);
  const base = of('base');
  const change = of('change');
  const pairs = Math.min(base.length, change.length);
  if (pairs === 0) return { engine, pairs };
  const lowerIn = (figure: (r: Run) => number) =>
    Array.from({ length: pairs }, (_, i) => figure(change[i]!) < figure(base[i]!)).filter(Boolean).length;
  const means = (figure: (r: Run) => number) => ({
    base: mean(base.map(figure)),
    change: mean(change.map(figure)),
  });
  const s = {
    engine,
    pairs,
    ratio: means((r) => r.ratio),
    appCpu: means((r) => r.appCpu),
    allRelayedMs: means((r) => r.allRelayedMs),
    // Each receipt sent is work of its own (queued, merged, sent, completed: ~10 % of the CPU at ~1,550
    // for 2,000 messages, docs/BENCHMARKS.md), and how many coalesce varies with timing: a change that
    // moves the count moves the CPU by it.
    receiptsSent: means((r) => r.receiptsSent),
    lowerInPairs: lowerIn((r) => r.ratio),
    appCpuLowerInPairs: lowerIn((r) => r.appCpu),
  };
  process.stdout.write(
    `${engine}: ratio to the bare relay ${f(s.ratio.base)}× → ${f(s.ratio.change)}× ` +
      `(${f((100 * (s.ratio.change - s.ratio.base)) / s.ratio.base, 1)} %, lower in ${s.lowerInPairs} of ${pairs} pairs); ` +
      `app CPU ${f(s.appCpu.base)} → ${f(s.appCpu.change)} s per 1,000 (lower in ${s.appCpuLowerInPairs}); ` +
      `receipts sent ${f(s.receiptsSent.base, 0)} → ${f(s.receiptsSent.change, 0)}; ` +
      `all relayed ${f(s.allRelayedMs.base / 1000, 1)} → ${f(s.allRelayedMs.change / 1000, 1)} s\n`,
  );
  return s;
});
process.stdout.write(`${JSON.stringify({ bench: 'pairs', base: args.base, runs, summary })}\n`);
process.exit(failed ? 1 : 0);

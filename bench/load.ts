/**
 * The load generator: POSTs updates to the app's webhook with a fixed concurrency. Each fan's updates go
 * in order (the next one only after the previous was acknowledged); fans are interleaved round-robin.
 */
import { performance } from 'node:perf_hooks';
import type { Update } from 'grammy/types';

export interface LoadResult {
  /** Acknowledgement latency of every POST, in ms, in completion order. */
  latenciesMs: number[];
  /** Date.now() at the first POST and at the last acknowledgement. */
  firstPostAt: number;
  lastAckAt: number;
  /** Responses other than 200 (each with its status), and transport errors. */
  failures: Array<{ status: number | string; body: string }>;
}

export async function postAll(opts: {
  webhookUrl: string;
  secret: string;
  /** updates[fan] = that fan's updates, in the order they must arrive. */
  perFan: Update[][];
  concurrency: number;
}): Promise<LoadResult> {
  const next = opts.perFan.map(() => 0);
  const ready: number[] = opts.perFan.map((_, i) => i).filter((i) => opts.perFan[i]!.length > 0);
  let remaining = opts.perFan.reduce((n, u) => n + u.length, 0);
  const latenciesMs: number[] = [];
  const failures: LoadResult['failures'] = [];
  let firstPostAt = 0;
  let lastAckAt = 0;
  let wakeIdle: Array<() => void> = [];
  const wakeAll = () => {
    for (const w of wakeIdle.splice(0)) w();
  };

  async function post(update: Update): Promise<void> {
    const started = performance.now();
    if (!firstPostAt) firstPostAt = Date.now();
    try {
      const res = await fetch(opts.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': opts.secret },
        body: JSON.stringify(update),
      });
      const body = await res.text();
      if (res.status !== 200) failures.push({ status: res.status, body: body.slice(0, 200) });
    } catch (err) {
      // fetch's TypeError says only "fetch failed"; the cause says why (a reset socket, a timeout…).
      const cause = (err as { cause?: Error }).cause;
      failures.push({
        status: 'error',
        body: `${String(err)}${cause ? ` (${String(cause)})` : ''}`.slice(0, 200),
      });
    }
    latenciesMs.push(performance.now() - started);
    lastAckAt = Date.now();
  }

  async function worker(): Promise<void> {
    for (;;) {
      if (remaining === 0) return;
      const fan = ready.shift();
      if (fan === undefined) {
        // Every fan with updates left has one in flight: wait for an acknowledgement.
        await new Promise<void>((resolve) => wakeIdle.push(resolve));
        continue;
      }
      const update = opts.perFan[fan]![next[fan]!++]!;
      await post(update);
      remaining--;
      if (next[fan]! < opts.perFan[fan]!.length) ready.push(fan);
      wakeAll();
    }
  }

  await Promise.all(Array.from({ length: opts.concurrency }, () => worker()));
  wakeIdle = [];
  return { latenciesMs, firstPostAt, lastAckAt, failures };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Messages between bench/relay.ts (parent) and the process under test (bench/app-child.ts, bench/bare-child.ts). */

export interface ChildStats {
  /** process.cpuUsage() of the child, cumulative since it started. */
  userMicros: number;
  systemMicros: number;
  /** process.resourceUsage().maxRSS: peak resident set size so far, in KiB. */
  maxRssKb: number;
  /** process.memoryUsage().rss now, in bytes. */
  rssBytes: number;
  /** The app child's memory when its sampled RSS was highest (every 250 ms), in MB. */
  peakMemory?: PeakMemory;
}

/** Where the resident set went at its sampled peak: V8's heap, memory outside it, PGlite's engine. */
export interface PeakMemory {
  rssMb: number;
  heapTotalMb: number;
  heapUsedMb: number;
  /** process.memoryUsage().external: C++ objects bound to JS, buffers and PGlite's WebAssembly memory included. */
  externalMb: number;
  /** The embedded engine's WebAssembly memory, part of `externalMb` (0 on PostgreSQL). */
  wasmMb: number;
}

/** 'none': the bare grammY relay (bench/bare-child.ts), which has no database. */
export type ChildEngine = 'pglite' | 'postgres' | 'none';

/** `profile-reset` is heard by bench/query-profile.ts when the child was started with it (else ignored). */
export type ToChild =
  | { type: 'stats' }
  | { type: 'stop' }
  | { type: 'profile-reset' }
  /** The app child only: how far the handling of the stored updates got (bench/relay.ts's ingest phase). */
  | { type: 'handled' };

/** Stored updates not handled yet, and the charges taken so far (fans' messages charged), with the stats. */
export interface Handled {
  unhandled: number;
  /** Counted only when nothing is left to handle (-1 otherwise). */
  charges: number;
  stats: ChildStats;
}

export type FromChild =
  | { type: 'ready'; port: number; engine: ChildEngine; stats: ChildStats; adminGroupIds?: number[] }
  | { type: 'stats'; stats: ChildStats }
  | ({ type: 'handled' } & Handled)
  | { type: 'stopped'; stats: ChildStats }
  | { type: 'error'; message: string };

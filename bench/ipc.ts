/** Messages between bench/relay.ts (parent) and bench/app-child.ts (the app under test). */

export interface ChildStats {
  /** process.cpuUsage() of the child, cumulative since it started. */
  userMicros: number;
  systemMicros: number;
  /** process.resourceUsage().maxRSS: peak resident set size so far, in KiB. */
  maxRssKb: number;
  /** process.memoryUsage().rss now, in bytes. */
  rssBytes: number;
}

export type ToChild = { type: 'stats' } | { type: 'stop' };

export type FromChild =
  | { type: 'ready'; port: number; engine: 'pglite' | 'postgres'; stats: ChildStats }
  | { type: 'stats'; stats: ChildStats }
  | { type: 'stopped'; stats: ChildStats }
  | { type: 'error'; message: string };

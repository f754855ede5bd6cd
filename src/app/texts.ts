import type { TextArg, TextRef } from './ports/index.ts';

/** A text reference; `Date` arguments are stored as `{ date }`. */
export function text(key: string, args?: Record<string, TextArg | Date>): TextRef {
  if (!args) return { key };
  const out: Record<string, TextArg> = {};
  for (const [k, v] of Object.entries(args)) out[k] = v instanceof Date ? { date: v.toISOString() } : v;
  return { key, args: out };
}

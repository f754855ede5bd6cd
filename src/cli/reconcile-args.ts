import { isMismatchId } from '../domain/reconcile/index.ts';

export interface ReconcileArgs {
  since: Date;
  until: Date;
  /** The mismatch to fix; absent: report only. */
  apply: string | null;
  json: boolean;
}

export const USAGE =
  'usage: npm run reconcile -- [--days N | --since YYYY-MM-DD[THH:MM[:SS]Z]] [--apply <mismatch id>] [--json]';

const DAY_MS = 24 * 3600_000;
/** Stripe keeps list results for as long as the account exists; a year and a bit is plenty to ask for. */
const MAX_DAYS = 400;

/** Parses `npm run reconcile` arguments; throws an Error whose message is what to tell the operator. */
export function parseReconcileArgs(argv: readonly string[], now: Date, defaultDays: number): ReconcileArgs {
  let days: number | null = null;
  let since: Date | null = null;
  let apply: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--days') {
      const v = value();
      if (!/^\d{1,4}$/.test(v) || Number(v) < 1 || Number(v) > MAX_DAYS)
        throw new Error(`--days must be a whole number from 1 to ${MAX_DAYS}, not "${v}"`);
      days = Number(v);
    } else if (flag === '--since') {
      const v = value();
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? new Date(`${v}T00:00:00Z`)
        : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)
          ? new Date(v)
          : null;
      if (!parsed || Number.isNaN(parsed.getTime()))
        throw new Error(`--since must be a date (2026-11-01) or a UTC time (2026-11-01T08:00Z), not "${v}"`);
      if (parsed.getTime() >= now.getTime()) throw new Error('--since must be in the past');
      if (now.getTime() - parsed.getTime() > MAX_DAYS * DAY_MS)
        throw new Error(`--since may go back at most ${MAX_DAYS} days`);
      since = parsed;
    } else if (flag === '--apply') {
      const v = value();
      if (!isMismatchId(v)) throw new Error(`"${v}" is not a mismatch id (they look like png-0k3x9a1b2c4)`);
      apply = v;
    } else if (flag === '--json' && inline === undefined) {
      json = true;
    } else {
      throw new Error(`unknown argument "${arg}"`);
    }
  }
  if (days !== null && since !== null) throw new Error('give --days or --since, not both');
  return {
    since: since ?? new Date(now.getTime() - (days ?? defaultDays) * DAY_MS),
    until: now,
    apply,
    json,
  };
}

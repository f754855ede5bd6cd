import { checkLedger, type LedgerReport } from '../../domain/ledger/index.ts';
import type { UnitOfWork } from '../ports/index.ts';

/** The domain report plus what was audited, so "OK" can say how much it covered. */
export interface LedgerIntegrityReport extends LedgerReport<number> {
  users: number;
  entries: number;
}

/**
 * Audits every account: the stored balance equals the sum of its entries, each entry's `balanceAfter`
 * continues the chain, and nothing is negative. Read-only; safe to run against the live database.
 */
export async function checkLedgerIntegrity(deps: { uow: UnitOfWork }): Promise<LedgerIntegrityReport> {
  const accounts = await deps.uow.repos.ledger.snapshot();
  const entries = accounts.reduce((n, a) => n + a.entries.length, 0);
  return { ...checkLedger(accounts), users: accounts.length, entries };
}

/** One summary line, then one line per violation. Counts appear when the report carries them. */
export function formatLedgerReport(report: LedgerReport<number> & Partial<LedgerIntegrityReport>): string {
  const scope =
    report.users !== undefined && report.entries !== undefined
      ? `${report.users} users, ${report.entries} entries`
      : null;
  if (report.ok) return `ledger OK${scope ? `: ${scope}` : ''}`;
  const n = report.violations.length;
  const affected = new Set(report.violations.map((v) => v.userId)).size;
  const header = `ledger FAILED: ${n} violation${n === 1 ? '' : 's'} in ${affected} user${affected === 1 ? '' : 's'}${scope ? ` (checked ${scope})` : ''}`;
  // The domain's detail already names the entry (`entry #2 has …`) where there is one.
  const lines = report.violations.map((v) => `  user ${v.userId}: ${v.kind}: ${v.detail}`);
  return [header, ...lines].join('\n');
}

import type { Clock } from '../../domain/shared/index.ts';
import type { TelegramProfile, UnitOfWork } from '../ports/index.ts';
import { beginUpdate } from '../accounts/accounts.ts';
import { runHousekeeping } from './housekeeping.ts';
import { checkLedgerIntegrity } from './ledger.ts';
import { claimAlertSlot, claimOnce } from './once.ts';
import { hitRateLimit, type RateLimitBucket } from './rate-limits.ts';
import { resolveSettings } from './settings.ts';
import * as updates from './updates.ts';

export interface SystemDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminUserIds: number[];
}

/** The update lifecycle, settings, once-marks, limits and housekeeping. */
export function createSystemServices(deps: SystemDeps) {
  return {
    /** The update lifecycle (bot/middlewares/update-lifecycle.ts). */
    updates: {
      begin: (updateId: number, profile: TelegramProfile | null, opts?: { privateMessage?: boolean }) =>
        beginUpdate(deps, updateId, profile, opts),
      claim: (updateId: number) => updates.claimUpdate(deps, updateId),
      noteFailure: (a: Parameters<typeof updates.noteUpdateFailure>[1]) => updates.noteUpdateFailure(deps, a),
    },
    getSettings: async () => resolveSettings(await deps.uow.repos.settings.all()),
    claimOnce: (key: string) => claimOnce(deps, key),
    claimAlertSlot: (kind: string) => claimAlertSlot(deps, kind),
    /** Free commands and buttons, counted per user across replicas (see rate-limits.ts). */
    limits: {
      hit: (userId: number, bucket: RateLimitBucket) => hitRateLimit(deps, userId, bucket),
    },
    runHousekeeping: () => runHousekeeping(deps),
    checkLedger: () => checkLedgerIntegrity(deps),
  };
}

import type { Clock } from '../domain/shared/index.ts';
import { getBalance, trackUpdate } from './accounts.ts';
import { listCatalog, seedDefaultCatalog } from './catalog.ts';
import { runHousekeeping } from './housekeeping.ts';
import { checkLedgerIntegrity } from './ledger.ts';
import { acceptAdminMessage, acceptFanMessage, type AdminMessage, type FanMessage } from './relay.ts';
import { claimAlertSlot, claimOnce } from './once.ts';
import type { TelegramProfile, UnitOfWork } from './ports.ts';
import { resolveSettings } from './settings.ts';

export interface ServiceDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminGroupId: number | null;
  outboxSignal: { notify(): void };
}

/** The use cases with their dependencies bound: what adapters (bot, HTTP, workers) call. */
export function createServices(deps: ServiceDeps) {
  return {
    trackUpdate: (updateId: number, profile: TelegramProfile | null, opts?: { privateMessage?: boolean }) =>
      trackUpdate(deps, updateId, profile, opts),
    getBalance: (userId: number) => getBalance(deps, userId),
    listCatalog: () => listCatalog(deps),
    seedDefaultCatalog: () => seedDefaultCatalog(deps),
    getSettings: async () => resolveSettings(await deps.uow.repos.settings.all()),
    claimOnce: (key: string) => claimOnce(deps, key),
    claimAlertSlot: (kind: string) => claimAlertSlot(deps, kind),
    runHousekeeping: () => runHousekeeping(deps),
    acceptFanMessage: (msg: FanMessage) => acceptFanMessage(deps, msg),
    acceptAdminMessage: (msg: AdminMessage) => acceptAdminMessage(deps, msg),
    checkLedger: () => checkLedgerIntegrity(deps),
  };
}

export type Services = ReturnType<typeof createServices>;

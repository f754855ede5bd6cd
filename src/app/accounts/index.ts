import type { Clock } from '../../domain/shared/index.ts';
import type { UnitOfWork } from '../ports/index.ts';
import { getBalance } from './accounts.ts';
import { setFanBlocked, type FanBlockChange } from './fan-state.ts';
import { historyCsv, historyPage } from './history.ts';

export interface AccountDeps {
  uow: UnitOfWork;
  clock: Clock;
  outboxSignal: { notify(): void };
}

/** A fan's own account: balance, history, whether they blocked the bot. */
export function createAccountServices(deps: AccountDeps) {
  return {
    getBalance: (userId: number) => getBalance(deps, userId),
    history: {
      page: (userId: number, page: number) => historyPage(deps, { userId, page }),
      csv: (userId: number) => historyCsv(deps, userId),
    },
    setFanBlocked: (change: FanBlockChange) => setFanBlocked(deps, change),
  };
}

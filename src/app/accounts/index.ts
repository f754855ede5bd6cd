import { isLocale, negotiateLocale, type Clock, type Locale } from '../../domain/shared/index.ts';
import type { Access, UnitOfWork } from '../ports/index.ts';
import type { RenderTimings } from '../relay/refresh.ts';
import { finishTutorial, startView, tutorialFacts } from './onboarding.ts';
import { forgetFan } from './privacy.ts';
import { getBalance } from './accounts.ts';
import { setFanBlocked, type FanBlockChange } from './fan-state.ts';
import { historyCsv, historyPage, type HistoryCsvWords } from './history.ts';

export interface AccountDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  renderTimings?: RenderTimings;
}

/** A fan's own account: balance, history, whether they blocked the bot. */
export function createAccountServices(deps: AccountDeps) {
  return {
    getBalance: (userId: number) => getBalance(deps, userId),
    history: {
      page: (userId: number, page: number) => historyPage(deps, { userId, page }),
      csv: (userId: number, words: HistoryCsvWords) => historyCsv(deps, userId, words),
    },
    setFanBlocked: (change: FanBlockChange) => setFanBlocked(deps, change),
    /** `/start` for a new or a returning fan, and the quick tour that pays a bonus once. */
    onboarding: {
      startView: (userId: number) => startView(deps, userId),
      tutorialFacts: () => tutorialFacts(deps),
      finishTutorial: (userId: number) => finishTutorial(deps, userId),
    },
    /** `/privacy`: "Delete my data" (`key` names the confirmation, so a double tap erases once). */
    forgetMe: (a: { userId: number; key: string }) => forgetFan(deps, a),
    /** `/language`: the language the bot speaks to this person from now on. */
    setLanguage: (userId: number, locale: Locale) => deps.uow.repos.users.setLocale(userId, locale),
    /** The languages of these people (the owners' command menus), theirs or from their Telegram setting. */
    localesOf: async (userIds: number[]): Promise<Array<{ id: number; locale: Locale }>> =>
      Promise.all(
        userIds.map(async (id) => {
          const u = await deps.uow.repos.users.get(id);
          return { id, locale: isLocale(u?.locale) ? u.locale : negotiateLocale(u?.languageCode) };
        }),
      ),
  };
}

import * as actions from './actions.ts';
import * as groups from './groups.ts';
import * as memberships from './memberships.ts';
import { resetAccount } from './reset.ts';

export type { FanInfo } from './actions.ts';
export type { MembershipProbe, MissingMembership } from './memberships.ts';
export { missingForSetup, type GroupRights, type SetupNeed, type SetupResult } from './groups.ts';

/** What admins do to a fan (gifts, bans, notes, topics, the Info view) and groups the bot is added to. */
export function createAdminServices(
  deps: actions.AdminDeps & groups.GroupsDeps & memberships.MembershipDeps,
) {
  return {
    /** Groups and channels the bot is added to: the admin group, one waiting for setup, or leave. */
    groups: {
      botJoined: (a: Parameters<typeof groups.botJoinedGroup>[1]) => groups.botJoinedGroup(deps, a),
      botLeft: (chatId: number) => groups.botLeftGroup(deps, chatId),
      check: (chatId: number) => groups.checkGroup(deps, chatId),
      /** Whether `chatId` is one of the admin groups (configured or set up). */
      isAdminGroup: async (chatId: number) => (await deps.adminGroups()).includes(chatId),
      /** Every admin group now: the configured ones first, then those set up with /setup. */
      ids: () => deps.adminGroups(),
      /** Whether the group waits for setup (read only: unlike `check`, it never decides to leave). */
      isWaiting: (chatId: number) => groups.isWaitingGroup(deps, chatId),
      /** `/setup` in a group: checks what the bot has there and stores the group. */
      setup: (a: Parameters<typeof groups.setupGroup>[1]) => groups.setupGroup(deps, a),
      /** The bot's rights changed in an admin group: the owners to tell, once per change. */
      rightsChanged: (a: Parameters<typeof groups.botRightsChanged>[1]) => groups.botRightsChanged(deps, a),
      /** Tells the owners (once each) who on the team is missing from which admin group. */
      checkMemberships: (probe: memberships.MembershipProbe) =>
        memberships.checkAdminMemberships(deps, probe),
    },
    admin: {
      giftCredits: (a: Parameters<typeof actions.giftCredits>[1]) => actions.giftCredits(deps, a),
      giftPass: (a: Parameters<typeof actions.giftPass>[1]) => actions.giftPass(deps, a),
      setBan: (a: Parameters<typeof actions.setBan>[1]) => actions.setBan(deps, a),
      addNote: (a: Parameters<typeof actions.addNote>[1]) => actions.addNote(deps, a),
      setTopicOpen: (a: Parameters<typeof actions.setTopicOpen>[1]) => actions.setTopicOpen(deps, a),
      fanInfo: (a: Parameters<typeof actions.fanInfo>[1]) => actions.fanInfo(deps, a),
      /** `/reset`: a test account's balance and pass to zero (owners; refused after real payments). */
      resetAccount: (a: Parameters<typeof resetAccount>[1]) => resetAccount(deps, a),
      /** The fan whose topic this is, if any. */
      fanOfTopic: async (groupId: number, threadId: number) =>
        (await deps.uow.repos.topics.findByThread(groupId, threadId))?.userId ?? null,
    },
  };
}

import { mintNonceText } from './nonce.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import type { Access, Role, SystemProbes, UnitOfWork } from '../../ports/index.ts';
import { claimOwnership, prepareClaimCode } from './claim.ts';
import { dashboard } from './dashboard.ts';
import { exportData, recentErrors, systemReport } from './system.ts';

export type { ClaimResult } from './claim.ts';
export type { ErrorsResult, ExportResult, SystemReport, SystemResult } from './system.ts';
export type { DashboardResult } from './dashboard.ts';

/** The flow name of the control center's questions (see `ask`). */
const HUB_FLOW = 'hub';
/** A question left unanswered this long is forgotten: the next message is an ordinary one again. */
const ASK_TTL_MS = 60 * 60_000;

export interface HubDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  adminUserIds: number[];
  probes?: SystemProbes | undefined;
}

/** The control center (`/admin`): its menus, `/claim`, and the figures behind its screens. */
export function createHubServices(deps: HubDeps) {
  const probes = deps.probes ?? null;
  return {
    /** A code to print at start while the bot has no owner (null when it has one). */
    prepareClaimCode: () => prepareClaimCode(deps),
    claim: (a: { userId: number; code: string }) => claimOwnership(deps, a),
    /**
     * Opens a menu for a team member: a fresh nonce for its buttons (an older menu's buttons go stale).
     * Null for anyone not on the team.
     */
    async openMenu(actorId: number): Promise<{ nonce: string; role: Role } | null> {
      const role = await deps.access.roleOf(actorId);
      if (role === null) return null;
      const nonce = mintNonceText();
      await deps.uow.repos.adminMenus.open(actorId, nonce, deps.clock.now());
      return { nonce, role };
    },
    /** Whether `nonce` names the member's live menu. */
    isLiveMenu: async (actorId: number, nonce: string) =>
      (await deps.uow.repos.adminMenus.current(actorId)) === nonce,
    /** Everyone on the team with their role (`ADMIN_USER_IDS` and stored members). */
    async team(): Promise<Array<{ id: number; role: Role }>> {
      const ids = await deps.access.holders('relay.reply');
      const roles = await Promise.all(ids.map((id) => deps.access.roleOf(id)));
      return ids.flatMap((id, i) => (roles[i] ? [{ id, role: roles[i] }] : []));
    },
    /**
     * The member's next message answers `act` of category `cat` (a screen that asked for typed input),
     * until they answer, move elsewhere or cancel. One open flow per person: this replaces any other.
     */
    ask: (actorId: number, a: { cat: string; act: string; arg: string; nonce: string }) =>
      deps.uow.repos.flows.save(
        { actorId, flow: HUB_FLOW, step: `${a.cat}:${a.act}`, data: { arg: a.arg, nonce: a.nonce } },
        deps.clock.now(),
      ),
    /** The member's open question, if any (one older than an hour is dropped). */
    async pendingAsk(
      actorId: number,
    ): Promise<{ cat: string; act: string; arg: string; nonce: string } | null> {
      const flow = await deps.uow.repos.flows.get(actorId, HUB_FLOW);
      if (!flow) return null;
      const [cat, act] = flow.step.split(':');
      const { arg, nonce } = flow.data;
      if (
        deps.clock.now().getTime() - flow.updatedAt.getTime() > ASK_TTL_MS ||
        !cat ||
        !act ||
        typeof arg !== 'string' ||
        typeof nonce !== 'string'
      ) {
        await deps.uow.repos.flows.end(actorId, HUB_FLOW);
        return null;
      }
      return { cat, act, arg, nonce };
    },
    /** Drops the member's open question; true when there was one. */
    endAsk: (actorId: number) => deps.uow.repos.flows.end(actorId, HUB_FLOW),
    system: (actorId: number) => systemReport({ ...deps, probes }, actorId),
    exportData: (actorId: number) => exportData({ ...deps, probes }, actorId),
    /** System's last errors (the update lifecycle's, scrubbed), newest first. */
    errors: (actorId: number) => recentErrors(deps, actorId),
    dashboard: (actorId: number) => dashboard(deps, actorId),
  };
}

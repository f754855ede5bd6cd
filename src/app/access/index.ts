import { roleCan } from '../../domain/access/index.ts';
import type { Access, UnitOfWork } from '../ports/index.ts';

/**
 * The Access port on the team table: owners from `ADMIN_USER_IDS` always, and stored members by role.
 * Read per question (roles change, and a replica must see another's change at once).
 */
export function createAccess(deps: { uow: UnitOfWork; ownerIds: readonly number[] }): Access {
  const roleOf: Access['roleOf'] = async (actorId) => {
    if (deps.ownerIds.includes(actorId)) return 'owner';
    return (await deps.uow.repos.team.get(actorId))?.role ?? null;
  };
  return {
    roleOf,
    can: async (actorId, permission) => roleCan(await roleOf(actorId), permission),
    async holders(permission, within) {
      const stored = (await (within ?? deps.uow.repos).team.list()).filter((m) =>
        roleCan(m.role, permission),
      );
      return [...new Set([...deps.ownerIds, ...stored.map((m) => m.userId)])];
    },
  };
}

import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AdminMenusRepo, ClaimCodesRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { adminMenus, claimCodes } from '../schema/index.ts';

/** Any fixed number: the advisory lock that serialises `/claim` across replicas (released at commit). */
const CLAIM_LOCK = 4_711_014;

export function claimCodesRepo(db: DbOrTx): ClaimCodesRepo {
  return {
    async add(codeHash, createdAt, expiresAt) {
      await db.insert(claimCodes).values({ codeHash, createdAt, expiresAt }).onConflictDoNothing();
    },
    async isValid(codeHash, now) {
      const [row] = await db
        .select({ hash: claimCodes.codeHash })
        .from(claimCodes)
        .where(
          and(eq(claimCodes.codeHash, codeHash), isNull(claimCodes.usedAt), gt(claimCodes.expiresAt, now)),
        );
      return row !== undefined;
    },
    async voidAll(usedBy, codeHash, at) {
      await db
        .update(claimCodes)
        .set({
          usedAt: at,
          usedBy: sql`case when ${claimCodes.codeHash} = ${codeHash} then ${usedBy}::bigint end`,
        })
        .where(isNull(claimCodes.usedAt));
    },
    async lock() {
      await db.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
    },
  };
}

export function adminMenusRepo(db: DbOrTx): AdminMenusRepo {
  return {
    async open(actorId, nonce, at) {
      await db
        .insert(adminMenus)
        .values({ actorId, nonce, openedAt: at })
        .onConflictDoUpdate({ target: adminMenus.actorId, set: { nonce, openedAt: at } });
    },
    async current(actorId) {
      const [row] = await db
        .select({ nonce: adminMenus.nonce })
        .from(adminMenus)
        .where(eq(adminMenus.actorId, actorId));
      return row?.nonce ?? null;
    },
  };
}

import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { TelegramProfile, UsersRepo } from '../../app/ports/index.ts';
import { negotiateLocale } from '../../domain/shared/index.ts';
import type { DbOrTx } from '../client.ts';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { grouped } from '../grouped.ts';
import { prepared } from '../prepared.ts';
import { flows, processedUpdates, users } from '../schema/index.ts';

// The sender of every update, whether the update was handled already and the sender's open flow, in one
// read (db/prepared.ts: built once).
const lookupUser = prepared('fb_user_lookup', (db) =>
  db
    .select({
      ...getTableColumns(users),
      processed: sql<boolean>`exists (select 1 from ${processedUpdates} where ${processedUpdates.updateId} = ${sql.placeholder('updateId')})`,
      openFlow: sql<string | null>`(select ${flows.flow} from ${flows} where ${flows.actorId} = ${users.id})`,
      // The row's version (PostgreSQL's xmin: every write of the row changes it), for `ledger.applyAsRead`.
      version: sql<string>`${users}.xmin::text`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id'))),
);

// The same for the senders of several updates at once (db/grouped.ts: lookups made while one runs).
const lookupUsers = prepared('fb_user_lookup_many', (db) =>
  db
    .select({
      ...getTableColumns(users),
      ord: sql<number | string>`q.ord`,
      processed: sql<boolean>`exists (select 1 from ${processedUpdates} where ${processedUpdates.updateId} = q.upd)`,
      openFlow: sql<string | null>`(select ${flows.flow} from ${flows} where ${flows.actorId} = ${users.id})`,
      version: sql<string>`${users}.xmin::text`,
    })
    .from(users)
    .innerJoin(
      sql`unnest(${sql.placeholder('ids')}::bigint[], ${sql.placeholder('updateIds')}::bigint[]) with ordinality as q(id, upd, ord)`,
      sql`q.id = ${users.id}`,
    ),
);

const userById = prepared('fb_user_get', (db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id'))),
);
const userForUpdate = prepared('fb_user_get_for_update', (db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .for('no key update'),
);

type Lookup = Awaited<ReturnType<UsersRepo['lookup']>>;
type LookupRow = Awaited<ReturnType<typeof lookupUser>>[number];
const lookedUp = (row: LookupRow | undefined): Lookup => {
  if (!row) return null;
  const { processed, openFlow, version, ...user } = row;
  return { user, processed: Boolean(processed), openFlow: openFlow ?? null, version };
};

export function usersRepo(db: DbOrTx): UsersRepo {
  const lookupOne = async (q: { id: number; updateId: number }) => lookedUp((await lookupUser(db, q))[0]);
  // Outside a transaction, the lookups of updates handled side by side go together (one statement).
  const lookup =
    db instanceof PgTransaction
      ? lookupOne
      : grouped(lookupOne, async (qs: { id: number; updateId: number }[]) => {
          const rows = await lookupUsers(db, {
            ids: qs.map((q) => q.id),
            updateIds: qs.map((q) => q.updateId),
          });
          const byOrd = new Map(rows.map(({ ord, ...row }) => [Number(ord), row]));
          return qs.map((_, k) => lookedUp(byOrd.get(k + 1)));
        });
  return {
    async upsert(p: TelegramProfile, now: Date) {
      const [row] = await db
        .insert(users)
        .values({
          id: p.id,
          firstName: p.firstName,
          lastName: p.lastName ?? null,
          username: p.username ?? null,
          languageCode: p.languageCode ?? null,
          // The first contact decides the language; later profile refreshes never change it (see /language).
          locale: negotiateLocale(p.languageCode),
          createdAt: now,
          lastSeenAt: now,
        })
        .onConflictDoUpdate({
          target: users.id,
          // A fan who had their data deleted (/privacy) is not named again by their later updates.
          set: {
            firstName: sql`case when ${users.forgottenAt} is null then ${p.firstName} else '' end`,
            lastName: sql`case when ${users.forgottenAt} is null then ${p.lastName ?? null}::text end`,
            username: sql`case when ${users.forgottenAt} is null then ${p.username ?? null}::text end`,
            languageCode: sql`coalesce(${p.languageCode ?? null}, ${users.languageCode})`,
            lastSeenAt: now,
          },
        })
        // xmax = 0 only for a freshly inserted row: tells a first contact without a second query.
        .returning({ ...getTableColumns(users), created: sql<boolean>`(xmax = 0)` });
      const { created, ...user } = row!;
      return { user, created: Boolean(created) };
    },
    lookup: (id, updateId) => lookup({ id, updateId }),
    async getForUpdate(id) {
      const [row] = await userForUpdate(db, { id });
      return row ?? null;
    },
    async setLocale(id, locale) {
      await db.update(users).set({ locale }).where(eq(users.id, id));
    },
    async setSupportRequested(id, at) {
      await db.update(users).set({ supportRequestedAt: at }).where(eq(users.id, id));
    },
    async setBlockedBot(id, blocked) {
      await db.update(users).set({ blockedBot: blocked }).where(eq(users.id, id));
    },
    async setPassUntil(id, until) {
      await db.update(users).set({ timePassUntil: until }).where(eq(users.id, id));
    },
    async setBanned(id, banned) {
      await db.update(users).set({ isBanned: banned }).where(eq(users.id, id));
    },
    async setStripeCustomer(id, customerId) {
      await db
        .update(users)
        .set({ stripeCustomerId: customerId })
        .where(and(eq(users.id, id), isNull(users.stripeCustomerId)));
      const [row] = await db.select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, id));
      return row?.c ?? customerId;
    },
    async findByStripeCustomer(customerId) {
      const [row] = await db.select().from(users).where(eq(users.stripeCustomerId, customerId));
      return row ?? null;
    },
    async findBySavedCard(paymentMethodId) {
      const [row] = await db.select().from(users).where(eq(users.stripePaymentMethodId, paymentMethodId));
      return row ?? null;
    },
    async setSavedCard(id, card) {
      await db
        .update(users)
        .set({ stripePaymentMethodId: card?.paymentMethodId ?? null, stripeCardLabel: card?.label ?? null })
        .where(eq(users.id, id));
    },
    async setAutoRecharge(id, a) {
      await db
        .update(users)
        .set({
          autoRechargeEnabled: a.enabled,
          ...(a.productId !== undefined ? { autoRechargeProductId: a.productId } : {}),
          ...(a.threshold !== undefined ? { autoRechargeThreshold: a.threshold } : {}),
          ...(a.enabled ? { autoRechargeFailures: 0 } : {}),
        })
        .where(eq(users.id, id));
    },
    async noteAutoRechargeFailure(id) {
      const [row] = await db
        .update(users)
        .set({ autoRechargeFailures: sql`${users.autoRechargeFailures} + 1` })
        .where(eq(users.id, id))
        .returning({ n: users.autoRechargeFailures });
      return row?.n ?? 0;
    },
    async resetAutoRechargeFailures(id) {
      await db.update(users).set({ autoRechargeFailures: 0 }).where(eq(users.id, id));
    },
    async get(id) {
      const [row] = await userById(db, { id });
      return row ?? null;
    },
  };
}

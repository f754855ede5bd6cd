import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { TelegramProfile, UsersRepo } from '../../app/ports/index.ts';
import { negotiateLocale } from '../../domain/shared/index.ts';
import type { DbOrTx } from '../client.ts';
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

export function usersRepo(db: DbOrTx): UsersRepo {
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
    async lookup(id, updateId) {
      const [row] = await lookupUser(db, { id, updateId });
      if (!row) return null;
      const { processed, openFlow, version, ...user } = row;
      return { user, processed: Boolean(processed), openFlow: openFlow ?? null, version };
    },
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

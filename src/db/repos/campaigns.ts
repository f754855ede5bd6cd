import { and, asc, desc, eq, gt, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type {
  AudienceFilters,
  Campaign,
  CampaignContent,
  CampaignGift,
  CampaignsRepo,
  Audience,
} from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { campaignSegments, campaignTemplates, campaigns, outbox, payments, users } from '../schema/index.ts';

/** A pause holds a campaign's queued sends until it is resumed: this far away, never reached. */
const HELD = new Date('2999-01-01T00:00:00Z');

type Row = typeof campaigns.$inferSelect;

const toCampaign = (r: Row): Campaign => ({
  ...r,
  id: Number(r.id),
  createdBy: Number(r.createdBy),
  content: (r.content as unknown as CampaignContent | null) ?? null,
  // A new draft's audience is `{}`: every fan.
  audience: { filters: {}, ...(r.audience as unknown as Partial<Audience>) },
  gift: (r.gift as unknown as CampaignGift | null) ?? null,
  progressChatId: r.progressChatId === null ? null : Number(r.progressChatId),
  cursor: Number(r.cursor),
});

/**
 * The audience's conditions: never a banned fan or one who blocked the bot. The filters have indexes
 * (`users_tier_seen_idx`, `users_last_seen_idx`); batches walk the primary key in id order.
 */
function audienceWhere(f: AudienceFilters, now = sql`now()`): SQL[] {
  const where: SQL[] = [eq(users.isBanned, false), eq(users.blockedBot, false)];
  if (f.tier) where.push(eq(users.tier, f.tier));
  if (f.activeDays)
    where.push(sql`${users.lastSeenAt} >= ${now} - make_interval(days => ${f.activeDays}::int)`);
  if (f.spentMin) where.push(gte(users.lifetimeSpent, f.spentMin));
  if (f.neverPaid)
    where.push(
      sql`not exists (select 1 from ${payments} where ${payments.userId} = ${users.id} and ${payments.status} in ('paid', 'refunded'))`,
    );
  return where;
}

export function campaignsRepo(db: DbOrTx): CampaignsRepo {
  const byId = async (id: number, lock: boolean) => {
    const q = db.select().from(campaigns).where(eq(campaigns.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row ? toCampaign(row) : null;
  };
  return {
    async create(c) {
      const [row] = await db
        .insert(campaigns)
        .values({
          kind: c.kind,
          createdBy: c.createdBy,
          createdAt: c.at,
          ...(c.gift ? { gift: c.gift } : {}),
        })
        .returning({ id: campaigns.id });
      return Number(row!.id);
    },
    get: (id) => byId(id, false),
    getForUpdate: (id) => byId(id, true),
    async draftOf(createdBy, kind) {
      const [row] = await db
        .select()
        .from(campaigns)
        .where(
          and(eq(campaigns.createdBy, createdBy), eq(campaigns.status, 'draft'), eq(campaigns.kind, kind)),
        )
        .orderBy(desc(campaigns.id))
        .limit(1);
      return row ? toCampaign(row) : null;
    },
    async dropDrafts(createdBy) {
      await db
        .delete(campaigns)
        .where(and(eq(campaigns.createdBy, createdBy), eq(campaigns.status, 'draft')));
    },
    async update(id, patch) {
      const set: Partial<typeof campaigns.$inferInsert> = {};
      for (const [k, v] of Object.entries(patch)) (set as Record<string, unknown>)[k] = v;
      await db.update(campaigns).set(set).where(eq(campaigns.id, id));
    },
    async count(id, outcome) {
      const column = campaigns[outcome];
      const [row] = await db
        .update(campaigns)
        .set({ [outcome]: sql`${column} + 1` })
        .where(eq(campaigns.id, id))
        .returning();
      return row ? toCampaign(row) : null;
    },
    async list(kind, offset, limit) {
      const rows = await db
        .select()
        .from(campaigns)
        .where(
          kind
            ? and(eq(campaigns.kind, kind), sql`${campaigns.status} <> 'draft'`)
            : sql`${campaigns.status} <> 'draft'`,
        )
        .orderBy(desc(campaigns.id))
        .offset(offset)
        .limit(limit);
      return rows.map(toCampaign);
    },
    async running() {
      const rows = await db
        .select()
        .from(campaigns)
        .where(inArray(campaigns.status, ['sending', 'paused']))
        .orderBy(asc(campaigns.id))
        .limit(20);
      return rows.map(toCampaign);
    },
    async countAudience(filters) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(...audienceWhere(filters)));
      return Number(row?.n ?? 0);
    },
    async audienceBatch(filters, after, limit) {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(gt(users.id, after), ...audienceWhere(filters)))
        .orderBy(asc(users.id))
        .limit(limit);
      return rows.map((r) => Number(r.id));
    },
    async sendState(id, userId) {
      const rows = await db
        .select({ status: campaigns.status, blocked: users.blockedBot })
        .from(campaigns)
        .leftJoin(users, eq(users.id, userId))
        .where(eq(campaigns.id, id));
      const row = rows[0];
      return row ? { status: row.status, blocked: row.blocked ?? true } : null;
    },
    async holdQueued(lanes, until) {
      await db
        .update(outbox)
        .set({ notBefore: until.getTime() >= HELD.getTime() ? HELD : until })
        .where(and(inArray(outbox.lane, lanes), eq(outbox.status, 'pending')));
    },
    async dropQueued(lanes, at) {
      const rows = await db
        .update(outbox)
        .set({ status: 'dead', lastError: 'cancelled', doneAt: at, leaseUntil: null })
        .where(and(inArray(outbox.lane, lanes), eq(outbox.status, 'pending')))
        .returning({ id: outbox.id });
      return rows.length;
    },

    async segments() {
      const rows = await db.select().from(campaignSegments).orderBy(asc(campaignSegments.name)).limit(50);
      return rows.map((r) => ({ id: Number(r.id), name: r.name, filters: r.filters }));
    },
    async segment(id) {
      const [r] = await db.select().from(campaignSegments).where(eq(campaignSegments.id, id));
      return r ? { id: Number(r.id), name: r.name, filters: r.filters } : null;
    },
    async addSegment(s) {
      const rows = await db
        .insert(campaignSegments)
        .values({
          name: s.name,
          filters: s.filters as Record<string, unknown>,
          createdBy: s.createdBy,
          createdAt: s.at,
        })
        .onConflictDoNothing()
        .returning({ id: campaignSegments.id });
      return rows.length > 0;
    },
    async deleteSegment(id) {
      const rows = await db
        .delete(campaignSegments)
        .where(eq(campaignSegments.id, id))
        .returning({ id: campaignSegments.id });
      return rows.length > 0;
    },
    async templates() {
      const rows = await db.select().from(campaignTemplates).orderBy(asc(campaignTemplates.name)).limit(50);
      return rows.map(toTemplate);
    },
    async template(id) {
      const [r] = await db.select().from(campaignTemplates).where(eq(campaignTemplates.id, id));
      return r ? toTemplate(r) : null;
    },
    async addTemplate(t) {
      const rows = await db
        .insert(campaignTemplates)
        .values({
          name: t.name,
          content: t.content,
          createdBy: t.createdBy,
          createdAt: t.at,
        })
        .onConflictDoNothing()
        .returning({ id: campaignTemplates.id });
      return rows.length > 0;
    },
    async deleteTemplate(id) {
      const rows = await db
        .delete(campaignTemplates)
        .where(eq(campaignTemplates.id, id))
        .returning({ id: campaignTemplates.id });
      return rows.length > 0;
    },
  };
}

export { HELD as CAMPAIGN_HELD_UNTIL };

/** A saved template as the port gives it. */
function toTemplate(r: typeof campaignTemplates.$inferSelect) {
  return { id: Number(r.id), name: r.name, content: r.content as unknown as CampaignContent };
}

import { and, asc, count, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { flowsRepo } from './flows.ts';
import type {
  FlowState,
  ContentDraft,
  ContentDraftsRepo,
  ContentItem,
  ContentMedia,
  ContentRepo,
  ContentUnlock,
} from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { contentItems, contentMedia, contentUnlocks, products } from '../schema/index.ts';

const itemColumns = {
  id: contentItems.id,
  title: contentItems.title,
  priceCredits: contentItems.priceCredits,
  priceStars: contentItems.priceStars,
  hidden: contentItems.hidden,
  sort: contentItems.sort,
  productId: contentItems.productId,
};
type ItemRow = Omit<ContentItem, 'media'>;

/** The media of these items, in order, attached to each. */
async function withMedia<T extends ItemRow>(
  db: DbOrTx,
  rows: T[],
): Promise<Array<T & { media: ContentMedia[] }>> {
  if (rows.length === 0) return [];
  const media = await db
    .select()
    .from(contentMedia)
    .where(
      inArray(
        contentMedia.itemId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(contentMedia.itemId), asc(contentMedia.position));
  return rows.map((r) => ({
    ...r,
    media: media
      .filter((m) => m.itemId === r.id)
      .map((m) => ({ type: m.type, fileId: m.fileId, fileUniqueId: m.fileUniqueId })),
  }));
}

export function contentRepo(db: DbOrTx): ContentRepo {
  const get = async (id: number): Promise<ContentItem | null> => {
    const rows = await db.select(itemColumns).from(contentItems).where(eq(contentItems.id, id));
    return (await withMedia(db, rows))[0] ?? null;
  };

  return {
    get,

    async create(item) {
      // A savepoint inside the caller's transaction, a transaction of its own otherwise: the item, its
      // media and its product appear together or not at all.
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(contentItems)
          .values({
            title: item.title,
            priceCredits: item.priceCredits,
            priceStars: item.priceStars,
            sort: sql`(select coalesce(max(${contentItems.sort}), 0) + 1 from ${contentItems})`,
            createdBy: item.createdBy,
          })
          .returning({ id: contentItems.id });
        const itemId = row!.id;
        await tx.insert(contentMedia).values(item.media.map((m, position) => ({ itemId, position, ...m })));
        const [product] = await tx
          .insert(products)
          .values({ kind: 'unlock', title: item.title, amount: itemId, priceStars: item.priceStars })
          .returning({ id: products.id });
        await tx.update(contentItems).set({ productId: product!.id }).where(eq(contentItems.id, itemId));
        return itemId;
      });
      return (await get(id))!;
    },

    async update(id, fields) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(contentItems)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(contentItems.id, id))
          .returning(itemColumns);
        if (!row) return false;
        if (row.productId !== null) {
          await tx
            .update(products)
            .set({ title: row.title, priceStars: row.priceStars, active: !row.hidden, updatedAt: new Date() })
            .where(eq(products.id, row.productId));
        }
        return true;
      });
    },

    async move(id, direction) {
      return db.transaction(async (tx) => {
        // Every row locked: two admins reordering at once take turns, and the order stays a permutation.
        const order = await tx
          .select({ id: contentItems.id, sort: contentItems.sort })
          .from(contentItems)
          .orderBy(asc(contentItems.sort), asc(contentItems.id))
          .for('update');
        const at = order.findIndex((r) => r.id === id);
        const to = direction === 'up' ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= order.length) return false;
        [order[at], order[to]] = [order[to]!, order[at]!];
        // Renumbered 1…n, which also repairs ties left by two items created at the same moment.
        for (const [i, r] of order.entries()) {
          if (r.sort !== i + 1)
            await tx
              .update(contentItems)
              .set({ sort: i + 1 })
              .where(eq(contentItems.id, r.id));
        }
        return true;
      });
    },

    async listAll(offset, limit) {
      const rows = await db
        .select(itemColumns)
        .from(contentItems)
        .orderBy(asc(contentItems.sort), asc(contentItems.id))
        .offset(Math.max(0, offset))
        .limit(Math.max(0, limit));
      return withMedia(db, rows);
    },

    async countAll() {
      const [row] = await db.select({ n: count() }).from(contentItems);
      return row?.n ?? 0;
    },

    async listForFan(userId, offset, limit) {
      const rows = await db
        .select({ ...itemColumns, unlocked: isNotNull(contentUnlocks.id) })
        .from(contentItems)
        .leftJoin(
          contentUnlocks,
          and(eq(contentUnlocks.itemId, contentItems.id), eq(contentUnlocks.userId, userId)),
        )
        .where(or(eq(contentItems.hidden, false), isNotNull(contentUnlocks.id)))
        .orderBy(asc(contentItems.sort), asc(contentItems.id))
        .offset(Math.max(0, offset))
        .limit(Math.max(0, limit));
      return withMedia(
        db,
        rows.map((r) => ({ ...r, unlocked: Boolean(r.unlocked) })),
      );
    },

    async countForFan(userId) {
      const [row] = await db
        .select({ n: count() })
        .from(contentItems)
        .leftJoin(
          contentUnlocks,
          and(eq(contentUnlocks.itemId, contentItems.id), eq(contentUnlocks.userId, userId)),
        )
        .where(or(eq(contentItems.hidden, false), isNotNull(contentUnlocks.id)));
      return row?.n ?? 0;
    },

    async position(id) {
      const [row] = await db
        .select({ n: count() })
        .from(contentItems)
        .where(
          sql`(${contentItems.sort}, ${contentItems.id}) <= (select c.sort, c.id from ${contentItems} c where c.id = ${id})`,
        );
      return row?.n ?? 0;
    },

    async unlockCounts(itemIds) {
      const counts = new Map<number, number>();
      if (itemIds.length === 0) return counts;
      const rows = await db
        .select({ itemId: contentUnlocks.itemId, n: count() })
        .from(contentUnlocks)
        .where(inArray(contentUnlocks.itemId, itemIds))
        .groupBy(contentUnlocks.itemId);
      for (const r of rows) counts.set(r.itemId, r.n);
      return counts;
    },

    async getUnlock(userId, itemId) {
      const [row] = await db
        .select()
        .from(contentUnlocks)
        .where(and(eq(contentUnlocks.userId, userId), eq(contentUnlocks.itemId, itemId)));
      if (!row) return null;
      const u: ContentUnlock = {
        userId: row.userId,
        itemId: row.itemId,
        method: row.method,
        credits: row.credits,
        ledgerKey: row.ledgerKey,
        stars: row.stars,
        paymentId: row.paymentId,
        lastSentAt: row.lastSentAt,
        createdAt: row.createdAt,
      };
      return u;
    },

    async convertUnlock(userId, itemId, to) {
      await db
        .update(contentUnlocks)
        .set({ method: to.method, credits: 0, stars: to.stars, paymentId: to.paymentId })
        .where(and(eq(contentUnlocks.userId, userId), eq(contentUnlocks.itemId, itemId)));
    },

    async removeUnlockOfPayment(userId, itemId, paymentId) {
      const rows = await db
        .delete(contentUnlocks)
        .where(
          and(
            eq(contentUnlocks.userId, userId),
            eq(contentUnlocks.itemId, itemId),
            eq(contentUnlocks.paymentId, paymentId),
          ),
        )
        .returning({ id: contentUnlocks.id });
      return rows.length === 1;
    },

    async claimSend(userId, itemId, now, windowMs) {
      const rows = await db
        .update(contentUnlocks)
        .set({ lastSentAt: now })
        .where(
          and(
            eq(contentUnlocks.userId, userId),
            eq(contentUnlocks.itemId, itemId),
            or(
              isNull(contentUnlocks.lastSentAt),
              lt(contentUnlocks.lastSentAt, new Date(now.getTime() - windowMs)),
            ),
          ),
        )
        .returning({ id: contentUnlocks.id });
      return rows.length === 1;
    },

    async addUnlock(u) {
      const rows = await db
        .insert(contentUnlocks)
        .values(u)
        .onConflictDoNothing({ target: [contentUnlocks.userId, contentUnlocks.itemId] })
        .returning({ id: contentUnlocks.id });
      return rows.length === 1;
    },
  };
}

/** A content draft is the `content` flow: its fields live in the flow's data. */
const FLOW = 'content';

function toDraft(row: FlowState): ContentDraft {
  const d = row.data as Partial<Omit<ContentDraft, 'adminId' | 'step' | 'updatedAt'>>;
  return {
    adminId: row.actorId,
    step: row.step as ContentDraft['step'],
    itemId: d.itemId ?? null,
    media: d.media ?? [],
    mediaGroupId: d.mediaGroupId ?? null,
    title: d.title ?? null,
    priceCredits: d.priceCredits ?? null,
    updatedAt: row.updatedAt,
  };
}

/** The owner's content draft (adding or editing an item), on the generic flow step rows. */
export function contentDraftsRepo(db: DbOrTx): ContentDraftsRepo {
  const steps = flowsRepo(db);
  return {
    async get(adminId) {
      const row = await steps.get(adminId, FLOW);
      return row ? toDraft(row) : null;
    },
    async getForUpdate(adminId) {
      const row = await steps.getForUpdate(adminId, FLOW);
      return row ? toDraft(row) : null;
    },
    async save(d, at) {
      const { adminId, step, ...data } = d;
      await steps.save({ actorId: adminId, flow: FLOW, step, data }, at);
    },
    delete: (adminId) => steps.end(adminId, FLOW),
  };
}

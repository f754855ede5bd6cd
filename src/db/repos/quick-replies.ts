import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { QuickRepliesRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { quickReplies } from '../schema/index.ts';

/** `text` for a LIKE pattern: its wildcards and the escape character taken literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const t = quickReplies;
const listOrder = [asc(t.category), asc(t.sort), asc(t.id)];
const sameName = (category: string, title: string) =>
  and(sql`lower(${t.category}) = lower(${category})`, sql`lower(${t.title}) = lower(${title})`);

/** Quick replies: a few hundred rows at most (QUICK_REPLY_LIMITS.count), read whole or filtered. */
export function quickRepliesRepo(db: DbOrTx): QuickRepliesRepo {
  const categoryItems = (category: string) =>
    db
      .select({ id: t.id, sort: t.sort })
      .from(t)
      .where(eq(t.category, category))
      .orderBy(asc(t.sort), asc(t.id));
  const nextSort = async (category: string) => {
    const [row] = await db
      .select({ next: sql<number>`coalesce(max(${t.sort}), -1)::int + 1` })
      .from(t)
      .where(eq(t.category, category));
    return row?.next ?? 0;
  };
  return {
    list: () =>
      db
        .select()
        .from(t)
        .orderBy(...listOrder),
    async get(id) {
      if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) return null;
      const [row] = await db.select().from(t).where(eq(t.id, id));
      return row ?? null;
    },
    search(query, offset, limit) {
      const q = query.trim().toLowerCase();
      const pattern = `%${likeLiteral(q)}%`;
      return db
        .select()
        .from(t)
        .where(
          q === ''
            ? undefined
            : sql`(lower(${t.title}) like ${pattern} or lower(${t.category}) like ${pattern} or lower(${t.body}) like ${pattern})`,
        )
        .orderBy(desc(t.uses), ...listOrder)
        .offset(offset)
        .limit(limit);
    },
    async count() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t);
      return row?.n ?? 0;
    },
    async findByName(category, title) {
      const [row] = await db.select().from(t).where(sameName(category, title));
      return row ?? null;
    },
    async add(r, at) {
      const rows = await db
        .insert(t)
        .values({ ...r, sort: await nextSort(r.category), createdAt: at, updatedAt: at })
        .onConflictDoNothing()
        .returning({ id: t.id });
      return rows[0]?.id ?? null;
    },
    async update(id, patch, at) {
      const [before] = await db.select().from(t).where(eq(t.id, id)).for('update');
      if (!before) return false;
      const category = patch.category ?? before.category;
      const title = patch.title ?? before.title;
      const clash = await db
        .select({ id: t.id })
        .from(t)
        .where(and(sameName(category, title), sql`${t.id} <> ${id}`));
      if (clash.length > 0) return false;
      const moved = category !== before.category;
      await db
        .update(t)
        .set({ ...patch, ...(moved ? { sort: await nextSort(category) } : {}), updatedAt: at })
        .where(eq(t.id, id));
      return true;
    },
    async remove(id) {
      const rows = await db.delete(t).where(eq(t.id, id)).returning({ id: t.id });
      return rows.length > 0;
    },
    async move(id, direction) {
      const [item] = await db.select({ category: t.category }).from(t).where(eq(t.id, id));
      if (!item) return false;
      const items = await categoryItems(item.category).for('update');
      const i = items.findIndex((x) => x.id === id);
      const j = i + direction;
      if (i < 0 || j < 0 || j >= items.length) return false;
      [items[i], items[j]] = [items[j]!, items[i]!];
      // Renumbered 0…n−1 (rows added with equal sorts, e.g. before this existed, get distinct ones).
      for (const [n, x] of items.entries())
        if (x.sort !== n) await db.update(t).set({ sort: n }).where(eq(t.id, x.id));
      return true;
    },
    async used(id, at) {
      const rows = await db
        .update(t)
        .set({ uses: sql`${t.uses} + 1`, lastUsedAt: at })
        .where(eq(t.id, id))
        .returning({ id: t.id });
      return rows.length > 0;
    },
  };
}

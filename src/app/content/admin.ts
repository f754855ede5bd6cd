import type { ContentItem, Repos } from '../ports/index.ts';
import type { ContentDeps } from './deps.ts';
import { deliveryItem } from './send.ts';

/** Items per page of the admins' list (one message, edited in place). */
export const ADMIN_PAGE_SIZE = 8;

export type AdminFailure = { ok: false; code: 'not_admin' | 'unknown_item' };

export interface AdminItemView {
  item: ContentItem;
  unlocks: number;
  /** 1-based place in the fans' order, of `total`. */
  position: number;
  total: number;
}

export type AdminListResult =
  | {
      ok: true;
      page: number;
      pages: number;
      total: number;
      /** `position`: 1-based place in the fans' order. */
      items: Array<ContentItem & { unlocks: number; position: number }>;
    }
  | AdminFailure;

/** Managing content is `products.edit` (managers and owners). */
const canManage = (deps: ContentDeps, id: number) => deps.access.can(id, 'products.edit');

async function viewOf(r: Repos, itemId: number): Promise<AdminItemView | null> {
  const item = await r.content.get(itemId);
  if (!item) return null;
  const [counts, position, total] = await Promise.all([
    r.content.unlockCounts([item.id]),
    r.content.position(item.id),
    r.content.countAll(),
  ]);
  return { item, unlocks: counts.get(item.id) ?? 0, position, total };
}

/** Every item (hidden ones too) with its unlock count, a page at a time. */
export async function listContentForAdmin(
  deps: ContentDeps,
  a: { adminId: number; page: number },
): Promise<AdminListResult> {
  if (!(await canManage(deps, a.adminId))) return { ok: false, code: 'not_admin' };
  const { repos } = deps.uow;
  const total = await repos.content.countAll();
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(a.page) || 1), pages);
  const items = await repos.content.listAll((page - 1) * ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE);
  const counts = await repos.content.unlockCounts(items.map((i) => i.id));
  return {
    ok: true,
    page,
    pages,
    total,
    items: items.map((i, n) => ({
      ...i,
      unlocks: counts.get(i.id) ?? 0,
      position: (page - 1) * ADMIN_PAGE_SIZE + n + 1,
    })),
  };
}

export async function viewContentItem(
  deps: ContentDeps,
  a: { adminId: number; itemId: number },
): Promise<({ ok: true } & AdminItemView) | AdminFailure> {
  if (!(await canManage(deps, a.adminId))) return { ok: false, code: 'not_admin' };
  const view = await viewOf(deps.uow.repos, a.itemId);
  return view ? { ok: true, ...view } : { ok: false, code: 'unknown_item' };
}

/** Hides (off sale, out of the fans' list; owners keep it) or shows an item again. Audited. */
export async function setContentHidden(
  deps: ContentDeps,
  a: { adminId: number; itemId: number; hidden: boolean },
): Promise<({ ok: true; changed: boolean } & AdminItemView) | AdminFailure> {
  if (!(await canManage(deps, a.adminId))) return { ok: false, code: 'not_admin' };
  return deps.uow.run(async (r) => {
    const before = await r.content.get(a.itemId);
    if (!before) return { ok: false, code: 'unknown_item' };
    const changed = before.hidden !== a.hidden;
    if (changed) {
      await r.content.update(a.itemId, { hidden: a.hidden });
      await r.admin.audit({
        actorId: a.adminId,
        userId: null,
        action: a.hidden ? 'content_hide' : 'content_show',
        details: { itemId: a.itemId },
      });
    }
    return { ok: true, changed, ...(await viewOf(r, a.itemId))! };
  });
}

/** Moves an item one place up or down in the fans' order. */
export async function moveContentItem(
  deps: ContentDeps,
  a: { adminId: number; itemId: number; direction: 'up' | 'down' },
): Promise<({ ok: true; moved: boolean } & AdminItemView) | AdminFailure> {
  if (!(await canManage(deps, a.adminId))) return { ok: false, code: 'not_admin' };
  return deps.uow.run(async (r) => {
    if (!(await r.content.get(a.itemId))) return { ok: false, code: 'unknown_item' };
    const moved = await r.content.move(a.itemId, a.direction);
    if (moved)
      await r.admin.audit({
        actorId: a.adminId,
        userId: null,
        action: 'content_move',
        details: { itemId: a.itemId, direction: a.direction },
      });
    return { ok: true, moved, ...(await viewOf(r, a.itemId))! };
  });
}

/** The item's media to the admin, as a fan receives it (through the outbox, like every media send). */
export async function sendContentToAdmin(
  deps: ContentDeps,
  a: { adminId: number; itemId: number; key: string },
): Promise<{ ok: true } | AdminFailure> {
  if (!(await canManage(deps, a.adminId))) return { ok: false, code: 'not_admin' };
  const res = await deps.uow.run(async (r) => {
    const item = await r.content.get(a.itemId);
    if (!item) return { ok: false as const, code: 'unknown_item' as const };
    await r.outbox.enqueue([deliveryItem(item, a.adminId, `content-admin-send:${a.key}`)]);
    return { ok: true as const };
  });
  return res;
}

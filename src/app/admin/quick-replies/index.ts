import type { Clock } from '../../../domain/shared/index.ts';
import {
  QUICK_REPLY_LIMITS,
  checkQuickReply,
  formatQuickReplyFile,
  parseQuickReplyFile,
  type ImportError,
  type QuickReplyIssue,
} from '../../../domain/quick-replies/index.ts';
import type { Access, QuickReply, UnitOfWork } from '../../ports/index.ts';

/**
 * Quick replies: the team's saved answers. Agents and up (`quickreplies.use`) see them, export them and
 * send them in a fan's topic through the bot's inline mode (the chosen one is the admin's own message,
 * relayed like any reply); managers and owners (`quickreplies.edit`) add, edit, move, delete and import
 * them. Every change is audited.
 */
export interface QuickReplyDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
}

/** An inline answer's page (Telegram takes at most 50 results per answer). */
export const INLINE_PAGE = 50;

type Entities = QuickReply['entities'];
type Refusal<C extends string> = { ok: false; code: C };
export type QuickReplyChange =
  | { ok: true; id: number }
  | Refusal<'not_allowed' | 'not_found' | 'duplicate' | 'too_many'>
  | { ok: false; code: 'invalid'; issue: QuickReplyIssue };

export type QuickReplyImport =
  | { ok: true; added: number; updated: number; unchanged: number }
  | Refusal<'not_allowed' | 'too_many'>
  | { ok: false; code: 'invalid'; errors: ImportError[] };

export function createQuickReplyServices(deps: QuickReplyDeps) {
  const canUse = (actor: number) => deps.access.can(actor, 'quickreplies.use');
  const canEdit = (actor: number) => deps.access.can(actor, 'quickreplies.edit');
  const audit = (
    r: Parameters<Parameters<UnitOfWork['run']>[0]>[0],
    actor: number,
    action: string,
    details: Record<string, unknown>,
  ) => r.admin.audit({ actorId: actor, userId: null, action, details });
  /** Entities belong to the text as typed: dropped if normalising changed it (their offsets would be off). */
  const keepEntities = (raw: string, stored: string, entities: Entities) =>
    raw === stored && entities && entities.length > 0 ? entities : null;

  return {
    /** Every template, and whether this member may change them. */
    async list(
      actor: number,
    ): Promise<{ ok: true; items: QuickReply[]; canEdit: boolean } | Refusal<'not_allowed'>> {
      if (!(await canUse(actor))) return { ok: false, code: 'not_allowed' };
      return { ok: true, items: await deps.uow.repos.quickReplies.list(), canEdit: await canEdit(actor) };
    },

    async get(
      actor: number,
      id: number,
    ): Promise<{ ok: true; item: QuickReply; canEdit: boolean } | Refusal<'not_allowed' | 'not_found'>> {
      if (!(await canUse(actor))) return { ok: false, code: 'not_allowed' };
      const item = await deps.uow.repos.quickReplies.get(id);
      return item ? { ok: true, item, canEdit: await canEdit(actor) } : { ok: false, code: 'not_found' };
    },

    async create(
      actor: number,
      d: { category: string; title: string; body: string; entities: Entities },
    ): Promise<QuickReplyChange> {
      if (!(await canEdit(actor))) return { ok: false, code: 'not_allowed' };
      const checked = checkQuickReply(d);
      if (!checked.ok) return { ok: false, code: 'invalid', issue: checked.code };
      const v = checked.value;
      return deps.uow.run(async (r): Promise<QuickReplyChange> => {
        if ((await r.quickReplies.count()) >= QUICK_REPLY_LIMITS.count)
          return { ok: false, code: 'too_many' };
        const id = await r.quickReplies.add(
          { ...v, entities: keepEntities(d.body, v.body, d.entities), createdBy: actor },
          deps.clock.now(),
        );
        if (id === null) return { ok: false, code: 'duplicate' };
        await audit(r, actor, 'quick_reply_add', { id, category: v.category, title: v.title });
        return { ok: true, id };
      });
    },

    /** Changes the title, the text (with its formatting) or the category of one template. */
    async edit(
      actor: number,
      id: number,
      patch: { title?: string; category?: string; body?: string; entities?: Entities },
    ): Promise<QuickReplyChange> {
      if (!(await canEdit(actor))) return { ok: false, code: 'not_allowed' };
      return deps.uow.run(async (r): Promise<QuickReplyChange> => {
        const before = await r.quickReplies.get(id);
        if (!before) return { ok: false, code: 'not_found' };
        const checked = checkQuickReply({
          category: patch.category ?? before.category,
          title: patch.title ?? before.title,
          body: patch.body ?? before.body,
        });
        if (!checked.ok) return { ok: false, code: 'invalid', issue: checked.code };
        const v = checked.value;
        const changes = {
          ...(patch.title !== undefined ? { title: v.title } : {}),
          ...(patch.category !== undefined ? { category: v.category } : {}),
          ...(patch.body !== undefined
            ? { body: v.body, entities: keepEntities(patch.body, v.body, patch.entities ?? null) }
            : {}),
        };
        if (!(await r.quickReplies.update(id, changes, deps.clock.now())))
          return { ok: false, code: 'duplicate' };
        await audit(r, actor, 'quick_reply_edit', {
          id,
          fields: Object.keys(changes).filter((k) => k !== 'entities'),
          ...(changes.title ? { from: before.title, to: changes.title } : {}),
        });
        return { ok: true, id };
      });
    },

    async remove(actor: number, id: number): Promise<QuickReplyChange> {
      if (!(await canEdit(actor))) return { ok: false, code: 'not_allowed' };
      return deps.uow.run(async (r): Promise<QuickReplyChange> => {
        const before = await r.quickReplies.get(id);
        if (!before || !(await r.quickReplies.remove(id))) return { ok: false, code: 'not_found' };
        await audit(r, actor, 'quick_reply_delete', { id, category: before.category, title: before.title });
        return { ok: true, id };
      });
    },

    /** One place up (`-1`) or down (`1`) in its category; at an end nothing moves (still ok). */
    async move(actor: number, id: number, direction: -1 | 1): Promise<QuickReplyChange> {
      if (!(await canEdit(actor))) return { ok: false, code: 'not_allowed' };
      return deps.uow.run(async (r): Promise<QuickReplyChange> => {
        if (!(await r.quickReplies.get(id))) return { ok: false, code: 'not_found' };
        await r.quickReplies.move(id, direction);
        return { ok: true, id };
      });
    },

    /**
     * A quick-replies file (domain/quick-replies/file.ts): all or nothing. A template whose category and
     * title exist already (any case) gets the file's text (its formatting is dropped); the others are added
     * at the end of their category. Any error refuses the whole file, with every error and its line.
     */
    async importFile(actor: number, content: string): Promise<QuickReplyImport> {
      if (!(await canEdit(actor))) return { ok: false, code: 'not_allowed' };
      const parsed = parseQuickReplyFile(content);
      if (!parsed.ok) return { ok: false, code: 'invalid', errors: parsed.errors };
      return deps.uow.run(async (r): Promise<QuickReplyImport> => {
        const now = deps.clock.now();
        let added = 0;
        let updated = 0;
        let unchanged = 0;
        const found = [];
        for (const item of parsed.items)
          found.push({ item, found: await r.quickReplies.findByName(item.category, item.title) });
        const fresh = found.filter((f) => !f.found).map((f) => f.item);
        // Checked before anything is written: a refusal must leave every template as it was.
        if ((await r.quickReplies.count()) + fresh.length > QUICK_REPLY_LIMITS.count)
          return { ok: false, code: 'too_many' };
        for (const { item, found: old } of found) {
          if (!old) continue;
          if (old.body === item.body && old.entities === null) unchanged++;
          else {
            await r.quickReplies.update(old.id, { body: item.body, entities: null }, now);
            updated++;
          }
        }
        for (const item of fresh) {
          if ((await r.quickReplies.add({ ...item, entities: null, createdBy: actor }, now)) !== null)
            added++;
        }
        await audit(r, actor, 'quick_reply_import', { added, updated, unchanged });
        return { ok: true, added, updated, unchanged };
      });
    },

    /** Every template as a quick-replies file (formatting is not kept: the file is plain text). */
    async exportFile(
      actor: number,
    ): Promise<{ ok: true; content: string; count: number } | Refusal<'not_allowed'>> {
      if (!(await canUse(actor))) return { ok: false, code: 'not_allowed' };
      const items = await deps.uow.repos.quickReplies.list();
      return { ok: true, content: formatQuickReplyFile(items), count: items.length };
    },

    /**
     * The inline mode's answer: the templates matching `query` (title, category or text), most used first,
     * a page from `offset` with the next page's offset ('' at the end). Null for anyone who may not use them.
     */
    async inline(
      actor: number,
      query: string,
      offset: string,
    ): Promise<{ items: QuickReply[]; nextOffset: string } | null> {
      if (!(await canUse(actor))) return null;
      const from = /^\d{1,4}$/.test(offset) ? Number(offset) : 0;
      const rows = await deps.uow.repos.quickReplies.search(query.slice(0, 64), from, INLINE_PAGE + 1);
      return {
        items: rows.slice(0, INLINE_PAGE),
        nextOffset: rows.length > INLINE_PAGE ? String(from + INLINE_PAGE) : '',
      };
    },

    /** A template was sent (Telegram's chosen_inline_result): one more use. False when not counted. */
    async used(actor: number, id: number): Promise<boolean> {
      if (!(await canUse(actor))) return false;
      return deps.uow.run((r) => r.quickReplies.used(id, deps.clock.now()));
    },
  };
}

export type QuickReplyServices = ReturnType<typeof createQuickReplyServices>;

import {
  CONTENT_LIMITS,
  canGroup,
  isValidPrice,
  parseCredits,
  parseStars,
  parseTitle,
} from '../../domain/content/index.ts';
import type { ContentDraft, ContentDraftStep, ContentItem, ContentMediaType, Repos } from '../ports/index.ts';
import type { ContentDeps } from './deps.ts';

/**
 * `/content add` and the edits of a title or price: a short guided flow in the admin's private chat,
 * kept as one `content_drafts` row per admin. In the database rather than in memory, so it survives a
 * restart and any replica can take the next message; album items (separate updates, maybe on two
 * replicas at once) join the draft under its row lock.
 */

/** A draft left alone this long is forgotten: the admin's next message is not taken for it. */
export const DRAFT_TTL_MS = 24 * 3600_000;

export type DraftInput =
  | {
      kind: 'media';
      type: ContentMediaType;
      fileId: string;
      fileUniqueId: string | null;
      messageId: number;
      mediaGroupId?: string | undefined;
    }
  /** Voice, GIF, sticker, video note…: not sold. */
  | { kind: 'other_media' }
  | { kind: 'text'; text: string };

export type EditField = 'title' | 'credits' | 'stars';

export type DraftReply =
  /** The first media arrived: now the title. */
  | { code: 'ask_title' }
  /** Another item of the album being collected: nothing to say. */
  | { code: 'silent' }
  | { code: 'ask_credits'; title: string }
  | { code: 'ask_stars'; credits: number }
  | { code: 'created'; item: ContentItem }
  | { code: 'saved'; item: ContentItem; field: EditField }
  /** Not what this step needs: say why and ask again. */
  | { code: 'retry'; step: ContentDraftStep; reason: DraftRetryReason }
  /** The item being edited does not exist (any more). */
  | { code: 'gone' };

/** Why a draft's answer was not taken. */
export type DraftRetryReason =
  /** Not a valid title, price in credits, or price in Stars (see CONTENT_LIMITS). */
  | 'bad_title'
  | 'bad_credits'
  | 'bad_stars'
  /** An album item beyond the limit, or of a kind that cannot join it. */
  | 'album_limit'
  /** Media where an edit wants its new value as text. */
  | 'want_text_value'
  | 'has_media'
  /** Voice, GIF, sticker, video note at the media step. */
  | 'unsellable'
  /** Such media at a step that wants text. */
  | 'as_text'
  | 'media_first'
  /** The draft lacked what earlier steps stored: restarted. */
  | 'incomplete';

export type DraftResult = { handled: false } | { handled: true; reply: DraftReply };

/** Managing content is `products.edit` (managers and owners). */
const canManage = (deps: ContentDeps, id: number) => deps.access.can(id, 'products.edit');
const empty = { itemId: null, media: [], mediaGroupId: null, title: null, priceCredits: null };

/** Starts (or restarts) adding an item: the next media the admin sends is its content. */
export async function startContentDraft(deps: ContentDeps, a: { adminId: number }): Promise<{ ok: boolean }> {
  if (!(await canManage(deps, a.adminId))) return { ok: false };
  await deps.uow.repos.contentDrafts.save({ adminId: a.adminId, step: 'media', ...empty }, deps.clock.now());
  return { ok: true };
}

/** Starts editing one field of an item: the admin's next text message is the new value. */
export async function startContentEdit(
  deps: ContentDeps,
  a: { adminId: number; itemId: number; field: EditField },
): Promise<{ ok: true; item: ContentItem } | { ok: false; code: 'not_admin' | 'unknown_item' }> {
  if (!(await canManage(deps, a.adminId))) return { ok: false, code: 'not_admin' };
  return deps.uow.run(async (r) => {
    const item = await r.content.get(a.itemId);
    if (!item) return { ok: false, code: 'unknown_item' };
    const step: ContentDraftStep = `edit_${a.field}`;
    await r.contentDrafts.save({ adminId: a.adminId, step, ...empty, itemId: item.id }, deps.clock.now());
    return { ok: true, item };
  });
}

/** `/cancel`: drops the admin's draft; false when there was none. */
export async function cancelContentDraft(deps: ContentDeps, a: { adminId: number }): Promise<boolean> {
  if (!(await canManage(deps, a.adminId))) return false;
  return deps.uow.repos.contentDrafts.delete(a.adminId);
}

/**
 * A message from an admin in their private chat. `handled: false` when no draft is open (the message
 * is not for this flow); otherwise the draft moves on (or stays, with the reason) in one transaction.
 */
export async function continueContentDraft(
  deps: ContentDeps,
  a: { adminId: number; input: DraftInput },
): Promise<DraftResult> {
  // Most messages come with no draft open: a plain read first keeps them off the write path (and off
  // the team table). A draft of someone who may no longer manage content is not continued.
  if (!(await deps.uow.repos.contentDrafts.get(a.adminId))) return { handled: false };
  if (!(await canManage(deps, a.adminId))) return { handled: false };
  const now = deps.clock.now();
  return deps.uow.run(async (r): Promise<DraftResult> => {
    const draft = await r.contentDrafts.getForUpdate(a.adminId);
    if (!draft) return { handled: false };
    if (now.getTime() - draft.updatedAt.getTime() > DRAFT_TTL_MS) {
      await r.contentDrafts.delete(a.adminId);
      return { handled: false };
    }
    const reply = await advance(r, draft, a.input, now);
    return { handled: true, reply };
  });
}

async function advance(r: Repos, draft: ContentDraft, input: DraftInput, now: Date): Promise<DraftReply> {
  const retry = (reason: DraftRetryReason): DraftReply => ({ code: 'retry', step: draft.step, reason });
  const save = (next: Partial<ContentDraft>) => r.contentDrafts.save({ ...draft, ...next }, now);

  if (input.kind === 'media') {
    const media = {
      type: input.type,
      fileId: input.fileId,
      fileUniqueId: input.fileUniqueId,
      messageId: input.messageId,
    };
    const sameAlbum = input.mediaGroupId !== undefined && input.mediaGroupId === draft.mediaGroupId;
    if (draft.step === 'media' && draft.media.length === 0) {
      await save({ step: 'title', media: [media], mediaGroupId: input.mediaGroupId ?? null });
      return { code: 'ask_title' };
    }
    // Later items of the album being collected (they may even come after the title): they join it.
    if (sameAlbum && !draft.step.startsWith('edit_')) {
      if (draft.media.some((m) => m.messageId === media.messageId)) return { code: 'silent' };
      const next = [...draft.media, media].sort((x, y) => x.messageId - y.messageId);
      if (next.length > CONTENT_LIMITS.mediaMax || !canGroup(next.map((m) => m.type)))
        return retry('album_limit');
      await save({ media: next });
      return { code: 'silent' };
    }
    return retry(draft.step.startsWith('edit_') ? 'want_text_value' : 'has_media');
  }
  if (input.kind === 'other_media') {
    return retry(draft.step === 'media' ? 'unsellable' : 'as_text');
  }

  const text = input.text;
  switch (draft.step) {
    case 'media':
      return retry('media_first');
    case 'title': {
      const title = parseTitle(text);
      if (!title.ok) return retry('bad_title');
      await save({ step: 'credits', title: title.value });
      return { code: 'ask_credits', title: title.value };
    }
    case 'credits': {
      const credits = parseCredits(text);
      if (!credits.ok) return retry('bad_credits');
      await save({ step: 'stars', priceCredits: credits.value });
      return { code: 'ask_stars', credits: credits.value };
    }
    case 'stars': {
      const stars = parseStars(text);
      if (!stars.ok) return retry('bad_stars');
      const { title, priceCredits } = draft;
      // Earlier steps stored these; a draft that lacks them is restarted rather than half-created.
      if (
        title === null ||
        priceCredits === null ||
        !isValidPrice('credits', priceCredits) ||
        draft.media.length === 0
      ) {
        await save({ step: 'media', ...empty });
        return retry('incomplete');
      }
      const item = await r.content.create({
        title,
        priceCredits,
        priceStars: stars.value,
        media: draft.media.map(({ type, fileId, fileUniqueId }) => ({ type, fileId, fileUniqueId })),
        createdBy: draft.adminId,
      });
      await r.contentDrafts.delete(draft.adminId);
      await r.admin.audit({
        actorId: draft.adminId,
        userId: null,
        action: 'content_create',
        details: { itemId: item.id, title, priceCredits, priceStars: stars.value, media: item.media.length },
      });
      return { code: 'created', item };
    }
    default:
      return saveEdit(r, draft, text);
  }
}

async function saveEdit(r: Repos, draft: ContentDraft, text: string): Promise<DraftReply> {
  const field = draft.step.slice('edit_'.length) as EditField;
  const retry = (reason: DraftRetryReason): DraftReply => ({ code: 'retry', step: draft.step, reason });
  const item = draft.itemId === null ? null : await r.content.get(draft.itemId);
  if (!item) {
    await r.contentDrafts.delete(draft.adminId);
    return { code: 'gone' };
  }
  let change: Partial<Pick<ContentItem, 'title' | 'priceCredits' | 'priceStars'>>;
  if (field === 'title') {
    const v = parseTitle(text);
    if (!v.ok) return retry('bad_title');
    change = { title: v.value };
  } else if (field === 'credits') {
    const v = parseCredits(text);
    if (!v.ok) return retry('bad_credits');
    change = { priceCredits: v.value };
  } else {
    const v = parseStars(text);
    if (!v.ok) return retry('bad_stars');
    change = { priceStars: v.value };
  }
  await r.content.update(item.id, change);
  await r.contentDrafts.delete(draft.adminId);
  await r.admin.audit({
    actorId: draft.adminId,
    userId: null,
    action: 'content_edit',
    details: {
      itemId: item.id,
      before: { title: item.title, priceCredits: item.priceCredits, priceStars: item.priceStars },
      after: change,
    },
  });
  return { code: 'saved', item: (await r.content.get(item.id))!, field };
}

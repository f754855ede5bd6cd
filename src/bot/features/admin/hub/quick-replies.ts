import { InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import type { QuickReplyChange, QuickReplyImport } from '../../../../app/admin/quick-replies/index.ts';
import type { QuickReply } from '../../../../app/ports/index.ts';
import {
  QUICK_REPLY_LIMITS,
  categoryKey,
  type ImportError,
  type QuickReplyIssue,
} from '../../../../domain/quick-replies/index.ts';
import type { Context } from '../../../context.ts';
import { downloadFile } from '../../../helpers/download.ts';
import {
  escapeCut,
  listScreen,
  type HubButton,
  type HubCategory,
  type HubInputResult,
  type HubScreen,
} from './screen.ts';

/**
 * Quick replies (`/quickreplies`; seeing and exporting `quickreplies.use`, agents and up; changing
 * `quickreplies.edit`, managers and owners): templates by category with their usage counts; add (category,
 * title, text, one question at a time), edit each part, move up or down, delete after a confirmation;
 * export as a text file and import one (a file or pasted text, all or nothing). Sending one is done in a
 * fan's topic through the bot's inline mode (features/quick-replies-inline.ts).
 *
 * Actions: `main`; `c` (`<category key>_<page>`); `t` (a template); `et`/`eb` (ask its title / text);
 * `ec` (choose its category) and `pc` (`<id>_<category key>`); `up`/`dn`; `del`/`delok`; `new` (choose a
 * category) and `nc` (a category key: ask the title); `imp` (ask for a file); `exp`. Typed answers:
 * `ncat`, `ntitle` (arg: the category), `nbody` (arg: JSON of category and title), `title`/`body`/`mcat`
 * (arg: the template), `imp`.
 */
const CAT = 'quickreplies';
const to = (act: string, arg: string | number = 0) => ({ cat: CAT, act, arg });
/** The largest file Import reads (a full set of templates is far smaller). */
const MAX_IMPORT_BYTES = 256 * 1024;

const ISSUES: Record<QuickReplyIssue, string> = {
  title_empty: 'admin-qr-error-title-empty',
  title_long: 'admin-qr-error-title-long',
  category_long: 'admin-qr-error-category-long',
  category_invalid: 'admin-qr-error-category-invalid',
  body_empty: 'admin-qr-error-body-empty',
  body_long: 'admin-qr-error-body-long',
  body_command: 'admin-qr-error-body-command',
};
const IMPORT_ERRORS: Record<ImportError['code'], string> = {
  ...ISSUES,
  outside: 'admin-qr-import-outside',
  duplicate: 'admin-qr-import-duplicate',
  too_many: 'admin-qr-error-too-many',
  empty_file: 'admin-qr-import-empty',
};
const limits = {
  title: QUICK_REPLY_LIMITS.title,
  body: QUICK_REPLY_LIMITS.body,
  max: QUICK_REPLY_LIMITS.count,
};

const categoryName = (ctx: Context, c: string) => (c === '' ? ctx.t('admin-qr-no-category') : c);
const notAllowed = (ctx: Context): HubScreen => ({ text: ctx.t('admin-hub-not-allowed'), rows: [] });
const withNotice = (notice: string | undefined, s: HubScreen): HubScreen =>
  notice ? { ...s, text: `${notice}\n\n${s.text}` } : s;
const id = (arg: string) => (/^\d{1,9}$/.test(arg) ? Number(arg) : null);

/** The categories in use, with their templates (none first, then by name). */
function categories(items: readonly QuickReply[]): Map<string, QuickReply[]> {
  const out = new Map<string, QuickReply[]>();
  for (const t of items) out.set(t.category, [...(out.get(t.category) ?? []), t]);
  return out;
}

async function mainScreen(ctx: Context, notice?: string): Promise<HubScreen> {
  const res = await ctx.services.quickReplies.list(ctx.from!.id);
  if (!res.ok) return notAllowed(ctx);
  const groups = [...categories(res.items)];
  const rows: HubButton[][] = groups.map(([name, items]) => [
    {
      text: ctx.t('admin-qr-category-button', { name: categoryName(ctx, name), count: items.length }),
      to: to('c', `${categoryKey(name)}_0`),
    },
  ]);
  rows.push([
    ...(res.canEdit ? [{ text: ctx.t('admin-qr-new-button'), to: to('new') }] : []),
    ...(res.canEdit ? [{ text: ctx.t('admin-qr-import-button'), to: to('imp') }] : []),
    ...(res.items.length > 0 ? [{ text: ctx.t('admin-qr-export-button'), to: to('exp') }] : []),
  ]);
  const text = [
    ctx.t('admin-qr-title', { count: res.items.length }),
    '',
    ctx.t('admin-qr-how', { bot: ctx.me.username }),
    ...(res.items.length === 0 ? ['', ctx.t('admin-qr-empty')] : []),
  ].join('\n');
  return withNotice(notice, { text, rows });
}

async function categoryScreen(ctx: Context, arg: string, notice?: string): Promise<HubScreen | null> {
  const m = /^([0-9a-f]{8}|-)_(\d{1,3})$/.exec(arg);
  if (!m) return null;
  const res = await ctx.services.quickReplies.list(ctx.from!.id);
  if (!res.ok) return notAllowed(ctx);
  const entry = [...categories(res.items)].find(([name]) => categoryKey(name) === m[1]);
  // A category emptied meanwhile: the list of what is left.
  if (!entry) return mainScreen(ctx, notice ?? ctx.t('admin-qr-gone'));
  const [name, items] = entry;
  const screen = listScreen(ctx, {
    header: ctx.t('admin-qr-category-title', { name: categoryName(ctx, name), count: items.length }),
    items,
    page: Number(m[2]),
    line: (t) => ctx.t('admin-qr-line', { title: t.title, uses: t.uses }),
    button: (t) => ({ text: t.title, to: to('t', t.id) }),
    pageTarget: (p) => to('c', `${m[1]}_${p}`),
    empty: ctx.t('admin-qr-empty'),
    back: to('main'),
  });
  if (res.canEdit) screen.rows.push([{ text: ctx.t('admin-qr-new-here-button'), to: to('nc', m[1]) }]);
  return withNotice(notice, screen);
}

async function templateScreen(ctx: Context, tid: number, notice?: string): Promise<HubScreen> {
  const res = await ctx.services.quickReplies.get(ctx.from!.id, tid);
  if (!res.ok) return res.code === 'not_allowed' ? notAllowed(ctx) : mainScreen(ctx, ctx.t('admin-qr-gone'));
  const t = res.item;
  const back = to('c', `${categoryKey(t.category)}_0`);
  const rows: HubButton[][] = res.canEdit
    ? [
        [
          { text: ctx.t('admin-qr-edit-title-button'), to: to('et', t.id) },
          { text: ctx.t('admin-qr-edit-body-button'), to: to('eb', t.id) },
          { text: ctx.t('admin-qr-edit-category-button'), to: to('ec', t.id) },
        ],
        [
          { text: ctx.t('admin-qr-up-button'), to: to('up', t.id) },
          { text: ctx.t('admin-qr-down-button'), to: to('dn', t.id) },
          { text: ctx.t('admin-qr-delete-button'), to: to('del', t.id) },
        ],
      ]
    : [];
  const text = [
    ctx.t('admin-qr-card', {
      title: t.title,
      category: categoryName(ctx, t.category),
      uses: t.uses,
      lastUsed: t.lastUsedAt ?? ctx.t('admin-qr-never'),
    }),
    `<blockquote>${escapeCut(t.body, 3000)}</blockquote>`,
  ].join('\n');
  return withNotice(notice, { text, rows, back });
}

/** Choose a category (existing ones as buttons, none, or a new one typed): for a new template or a move. */
async function chooseCategory(ctx: Context, forId: number | null, retry?: string): Promise<HubScreen> {
  const res = await ctx.services.quickReplies.list(ctx.from!.id);
  if (!res.ok) return notAllowed(ctx);
  const names = [...new Set(['', ...res.items.map((t) => t.category)])];
  const target = (name: string) =>
    forId === null ? to('nc', categoryKey(name)) : to('pc', `${forId}_${categoryKey(name)}`);
  return {
    text: [
      ...(retry ? [retry] : []),
      ctx.t('admin-qr-ask-category', { max: QUICK_REPLY_LIMITS.category }),
    ].join('\n'),
    rows: names.slice(0, 40).map((n) => [{ text: categoryName(ctx, n), to: target(n) }]),
    back: forId === null ? to('main') : to('t', forId),
    ask: forId === null ? { act: 'ncat' } : { act: 'mcat', arg: forId },
  };
}

const askTitle = (ctx: Context, category: string, retry?: string): HubScreen => ({
  text: [
    ...(retry ? [retry] : []),
    ctx.t('admin-qr-ask-title', { ...limits, category: categoryName(ctx, category) }),
  ].join('\n'),
  rows: [],
  back: to('new'),
  ask: { act: 'ntitle', arg: category },
});

/** The category whose key this is, among those in use ('' for `-`); null when none is. */
async function categoryByKey(ctx: Context, key: string): Promise<string | null> {
  if (key === '-') return '';
  const res = await ctx.services.quickReplies.list(ctx.from!.id);
  return res.ok ? (res.items.find((t) => categoryKey(t.category) === key)?.category ?? null) : null;
}

/** Says why a change was refused (HTML), or null when it went through. */
function refusal(ctx: Context, res: QuickReplyChange): string | null {
  if (res.ok) return null;
  if (res.code === 'invalid') return ctx.t(ISSUES[res.issue], limits);
  if (res.code === 'duplicate') return ctx.t('admin-qr-error-duplicate');
  if (res.code === 'too_many') return ctx.t('admin-qr-error-too-many', limits);
  if (res.code === 'not_found') return ctx.t('admin-qr-gone');
  return ctx.t('admin-hub-not-allowed');
}

function importResult(ctx: Context, res: QuickReplyImport): HubInputResult | Promise<HubScreen> {
  if (res.ok)
    return mainScreen(
      ctx,
      ctx.t('admin-qr-import-done', { added: res.added, updated: res.updated, unchanged: res.unchanged }),
    );
  if (res.code !== 'invalid')
    return res.code === 'not_allowed' ? notAllowed(ctx) : { retry: ctx.t('admin-qr-error-too-many', limits) };
  const lines = res.errors
    .slice(0, 20)
    .map((e) =>
      ctx.t('admin-qr-import-error-line', { line: e.line, reason: ctx.t(IMPORT_ERRORS[e.code], limits) }),
    );
  return { retry: [ctx.t('admin-qr-import-errors', { count: res.errors.length }), ...lines].join('\n') };
}

async function exportTemplates(ctx: Context): Promise<HubScreen> {
  const res = await ctx.services.quickReplies.exportFile(ctx.from!.id);
  if (!res.ok) return notAllowed(ctx);
  if (res.count === 0) return mainScreen(ctx, ctx.t('admin-qr-export-empty'));
  await ctx.replyWithDocument(new InputFile(Buffer.from(res.content, 'utf8'), 'quick-replies.txt'), {
    caption: ctx.t('admin-qr-export-caption', { count: res.count }),
    parse_mode: 'HTML',
  });
  return mainScreen(ctx);
}

export const quickRepliesCategory: HubCategory = {
  id: CAT,
  permission: 'quickreplies.use',
  titleKey: 'admin-hub-category-quickreplies',
  async screen(ctx, act, arg) {
    const actor = ctx.from!.id;
    const tid = id(arg);
    const qr = ctx.services.quickReplies;
    switch (act) {
      case 'main':
        return arg === '0' ? mainScreen(ctx) : null;
      case 'c':
        return categoryScreen(ctx, arg);
      case 't':
        return tid === null ? null : templateScreen(ctx, tid);
      case 'et':
      case 'eb': {
        if (tid === null) return null;
        const res = await qr.get(actor, tid);
        if (!res.ok || !res.canEdit) return templateScreen(ctx, tid);
        const title = act === 'et';
        return {
          text: ctx.t(title ? 'admin-qr-ask-title' : 'admin-qr-ask-body', {
            ...limits,
            category: categoryName(ctx, res.item.category),
          }),
          rows: [],
          back: to('t', tid),
          ask: { act: title ? 'title' : 'body', arg: tid },
        };
      }
      case 'ec':
        return tid === null ? null : chooseCategory(ctx, tid);
      case 'pc': {
        const m = /^(\d{1,9})_([0-9a-f]{8}|-)$/.exec(arg);
        if (!m) return null;
        const category = await categoryByKey(ctx, m[2]!);
        if (category === null) return chooseCategory(ctx, Number(m[1]), ctx.t('admin-qr-gone'));
        const res = await qr.edit(actor, Number(m[1]), { category });
        return templateScreen(ctx, Number(m[1]), refusal(ctx, res) ?? ctx.t('admin-qr-saved'));
      }
      case 'up':
      case 'dn': {
        if (tid === null) return null;
        const res = await qr.move(actor, tid, act === 'up' ? -1 : 1);
        return templateScreen(ctx, tid, refusal(ctx, res) ?? undefined);
      }
      case 'del': {
        if (tid === null) return null;
        const res = await qr.get(actor, tid);
        if (!res.ok || !res.canEdit) return templateScreen(ctx, tid);
        return {
          text: ctx.t('admin-qr-delete-confirm', { title: res.item.title, uses: res.item.uses }),
          rows: [[{ text: ctx.t('admin-qr-delete-yes'), to: to('delok', tid) }]],
          back: to('t', tid),
        };
      }
      case 'delok': {
        if (tid === null) return null;
        const before = await qr.get(actor, tid);
        const res = await qr.remove(actor, tid);
        if (!res.ok || !before.ok) return mainScreen(ctx, refusal(ctx, res) ?? undefined);
        const deleted = ctx.t('admin-qr-deleted', { title: before.item.title });
        return (
          (await categoryScreen(ctx, `${categoryKey(before.item.category)}_0`, deleted)) ??
          mainScreen(ctx, deleted)
        );
      }
      case 'new':
        return arg === '0' ? chooseCategory(ctx, null) : null;
      case 'nc': {
        const category = await categoryByKey(ctx, arg);
        return category === null
          ? chooseCategory(ctx, null, ctx.t('admin-qr-gone'))
          : askTitle(ctx, category);
      }
      case 'imp':
        return arg === '0'
          ? {
              text: ctx.t('admin-qr-import-ask', { max: limits.max }),
              rows: [],
              back: to('main'),
              ask: { act: 'imp' },
            }
          : null;
      case 'exp':
        return arg === '0' ? exportTemplates(ctx) : null;
      default:
        return null;
    }
  },

  async input(ctx, act, arg, message) {
    const actor = ctx.from!.id;
    const qr = ctx.services.quickReplies;
    const text = message.text;
    const textOnly = { retry: ctx.t('admin-qr-error-text-only') };
    switch (act) {
      case 'ncat': {
        if (text === undefined) return textOnly;
        if (text.trim().length > QUICK_REPLY_LIMITS.category || text.includes(']'))
          return {
            retry: ctx.t(text.includes(']') ? ISSUES.category_invalid : ISSUES.category_long, limits),
          };
        return askTitle(ctx, text.replace(/\s+/g, ' ').trim());
      }
      case 'ntitle': {
        if (text === undefined) return textOnly;
        const title = text.replace(/\s+/g, ' ').trim();
        if (title.length === 0 || title.length > QUICK_REPLY_LIMITS.title)
          return { retry: ctx.t(ISSUES[title ? 'title_long' : 'title_empty'], limits) };
        return {
          text: ctx.t('admin-qr-ask-body', { ...limits, category: categoryName(ctx, arg) }),
          rows: [],
          back: to('main'),
          ask: { act: 'nbody', arg: JSON.stringify({ c: arg, t: title }) },
        };
      }
      case 'nbody': {
        const draft = parseDraft(arg);
        if (!draft) return null;
        if (text === undefined) return textOnly;
        const res = await qr.create(actor, {
          category: draft.c,
          title: draft.t,
          body: text,
          entities: entitiesOf(message),
        });
        const why = refusal(ctx, res);
        if (res.ok) return templateScreen(ctx, res.id, ctx.t('admin-qr-created', { title: draft.t }));
        // A taken title needs another title; anything else about the text, another text.
        if (!res.ok && res.code === 'duplicate') return askTitle(ctx, draft.c, why ?? undefined);
        return { retry: why ?? '' };
      }
      case 'title':
      case 'body':
      case 'mcat': {
        const tid = id(arg);
        if (tid === null) return null;
        if (text === undefined) return textOnly;
        const patch =
          act === 'title'
            ? { title: text }
            : act === 'mcat'
              ? { category: text }
              : { body: text, entities: entitiesOf(message) };
        const res = await qr.edit(actor, tid, patch);
        if (res.ok) return templateScreen(ctx, tid, ctx.t('admin-qr-saved'));
        if (res.code === 'not_found' || res.code === 'not_allowed')
          return templateScreen(ctx, tid, refusal(ctx, res) ?? undefined);
        return { retry: refusal(ctx, res) ?? '' };
      }
      case 'imp': {
        const content = await importContent(ctx, message);
        if (content === null) return { retry: ctx.t('admin-qr-import-file-error') };
        return importResult(ctx, await qr.importFile(actor, content));
      }
      default:
        return null;
    }
  },
};

function parseDraft(arg: string): { c: string; t: string } | null {
  try {
    const d = JSON.parse(arg) as { c?: unknown; t?: unknown };
    return typeof d.c === 'string' && typeof d.t === 'string' ? { c: d.c, t: d.t } : null;
  } catch {
    return null;
  }
}

/** The message's formatting (bold, links…), kept with the template and sent with it. */
const entitiesOf = (m: Message) =>
  m.entities && m.entities.length > 0 ? (m.entities as unknown as Array<Record<string, unknown>>) : null;

/** An import's text: a pasted message, or a `.txt` document (UTF-8, at most 256 KB); null otherwise. */
async function importContent(ctx: Context, m: Message): Promise<string | null> {
  if (m.text !== undefined) return m.text;
  const doc = m.document;
  if (!doc) return null;
  const plain = doc.mime_type === 'text/plain' || /\.txt$/i.test(doc.file_name ?? '');
  if (!plain || (doc.file_size ?? 0) > MAX_IMPORT_BYTES) return null;
  const bytes = await downloadFile(ctx.api, doc.file_id, MAX_IMPORT_BYTES);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

import { Composer, type InlineKeyboard } from 'grammy';
import type { AdminItemView, DraftReply, DraftRetryReason } from '../../../app/content/index.ts';
import { mediaCounts, sellsAsPaidMedia } from '../../../app/content/index.ts';
import type { ContentDraftStep, ContentItem } from '../../../app/ports/index.ts';
import { CONTENT_LIMITS } from '../../../domain/content/index.ts';
import { contentAddData, contentItemData, contentListData } from '../../callback-data/content.ts';
import type { Context, TranslateFn } from '../../context.ts';
import { draftInputOf } from '../../helpers/content-input.ts';
import { startLink } from '../../helpers/start-payload.ts';
import { editOrIgnoreUnchanged } from '../../helpers/edit.ts';
import { createContentItemKeyboard, createContentListKeyboard } from '../../keyboards/content.ts';

/**
 * Those who may manage content (`products.edit`: managers and owners) do it in their private chat:
 * `/content`, `/content add`, `/cancel`, buttons. The use cases check the same permission.
 */
const composer = new Composer<Context>();
const feature = composer.chatType('private');
const canManage = async (ctx: Context) =>
  ctx.from !== undefined && (await ctx.services.access.can(ctx.from.id, 'products.edit'));
const html = { parse_mode: 'HTML' as const };

async function listScreen(
  ctx: Context,
  page: number,
): Promise<{ text: string; keyboard: InlineKeyboard } | null> {
  const list = await ctx.services.content.admin.list({ adminId: ctx.from!.id, page });
  if (!list.ok) return null;
  return {
    text: list.total === 0 ? ctx.t('content-admin-empty') : adminListText(ctx.t, list),
    keyboard: createContentListKeyboard(ctx.t, list),
  };
}

const itemScreen = (ctx: Context, v: AdminItemView) =>
  editOrIgnoreUnchanged(
    ctx,
    `${adminItemText(ctx.t, v)}\n\n${ctx.t('content-admin-item-link', {
      link: startLink(ctx.me.username, `content_${v.item.id}`),
    })}`,
    createContentItemKeyboard(ctx.t, v.item),
  );

// Asked only for these two commands: a fan's other messages never wait on the team table.
feature.command('content', async (ctx, next) => {
  if (!(await canManage(ctx))) return next();
  if (ctx.match.trim().toLowerCase() === 'add') {
    await ctx.services.content.admin.startAdd({ adminId: ctx.from.id });
    return void (await ctx.reply(ctx.t('content-admin-ask-media'), html));
  }
  const screen = await listScreen(ctx, 1);
  if (screen) await ctx.reply(screen.text, { ...html, reply_markup: screen.keyboard });
});

feature.command('cancel', async (ctx, next) => {
  if (!(await canManage(ctx))) return next();
  const had = await ctx.services.content.admin.cancel({ adminId: ctx.from.id });
  await ctx.reply(ctx.t(had ? 'content-admin-cancelled' : 'content-admin-nothing-to-cancel'));
});

// Answers to a draft (media, title, prices). Without a draft open (most messages: known from the
// update's first read, else the use case reads the draft before the team table), the message goes on.
feature
  .drop((ctx) => ctx.message?.text?.startsWith('/') ?? false)
  .on('message', async (ctx, next) => {
    if (ctx.openFlow !== undefined && ctx.openFlow !== 'content') return next();
    const input = draftInputOf(ctx.message);
    if (!input) return next();
    const res = await ctx.services.content.admin.input({ adminId: ctx.from.id, input });
    if (!res.handled) return next();
    const { reply } = res;
    const answer = { ...html, reply_parameters: { message_id: ctx.message.message_id } };
    if (reply.code === 'silent') return;
    if (reply.code === 'created' || reply.code === 'saved')
      return void (await ctx.reply(
        // A new item comes with its link, for the creator's channel.
        reply.code === 'created'
          ? `${itemDoneText(ctx.t, reply.code, reply.item)}\n\n${ctx.t('content-admin-item-link', {
              link: startLink(ctx.me.username, `content_${reply.item.id}`),
            })}`
          : itemDoneText(ctx.t, reply.code, reply.item),
        {
          ...answer,
          reply_markup: createContentItemKeyboard(ctx.t, reply.item),
        },
      ));
    await ctx.reply(draftReplyText(ctx.t, reply), answer);
  });

feature.callbackQuery(contentListData.filter, async (ctx) => {
  const data = contentListData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (!(await canManage(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t('content-admin-only-admins'), show_alert: true });
  const screen = await listScreen(ctx, data.page);
  await ctx.answerCallbackQuery();
  if (screen) await editOrIgnoreUnchanged(ctx, screen.text, screen.keyboard);
});

feature.callbackQuery(contentAddData.filter, async (ctx) => {
  if (!contentAddData.unpack(ctx.callbackQuery.data))
    return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (!(await canManage(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t('content-admin-only-admins'), show_alert: true });
  await ctx.services.content.admin.startAdd({ adminId: ctx.from.id });
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('content-admin-ask-media'), html);
});

feature.callbackQuery(contentItemData.filter, async (ctx) => {
  const data = contentItemData.unpack(ctx.callbackQuery.data);
  const stale = () => ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (!data) return stale();
  if (!(await canManage(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t('content-admin-only-admins'), show_alert: true });
  const a = { adminId: ctx.from.id, itemId: data.item };
  const { admin } = ctx.services.content;
  switch (data.action) {
    case 'view': {
      const v = await admin.view(a);
      if (!v.ok) return stale();
      await ctx.answerCallbackQuery();
      return itemScreen(ctx, v);
    }
    case 'title':
    case 'credits':
    case 'stars': {
      const res = await admin.startEdit({ ...a, field: data.action });
      if (!res.ok) return stale();
      await ctx.answerCallbackQuery();
      const ask = { html: ctx.t(STEP[`edit_${data.action}`]) };
      const prompt = ctx.t('content-admin-edit-prompt', {
        title: res.item.title,
        id: String(res.item.id),
        ask,
      });
      return void (await ctx.reply(prompt, html));
    }
    case 'hide':
    case 'show': {
      const res = await admin.setHidden({ ...a, hidden: data.action === 'hide' });
      if (!res.ok) return stale();
      await ctx.answerCallbackQuery({
        text: ctx.t(res.item.hidden ? 'content-admin-hidden' : 'content-admin-shown'),
      });
      return itemScreen(ctx, res);
    }
    case 'up':
    case 'down': {
      const res = await admin.move({ ...a, direction: data.action });
      if (!res.ok) return stale();
      const up = data.action === 'up';
      const key = res.moved
        ? up
          ? 'content-admin-moved-up'
          : 'content-admin-moved-down'
        : up
          ? 'content-admin-already-first'
          : 'content-admin-already-last';
      await ctx.answerCallbackQuery({ text: ctx.t(key) });
      return itemScreen(ctx, res);
    }
    case 'send': {
      const res = await admin.sendToMe({ ...a, key: `cb:${ctx.callbackQuery.id}` });
      if (!res.ok) return stale();
      return ctx.answerCallbackQuery({ text: ctx.t('content-admin-sending') });
    }
  }
});

// ------------------------------------------------------------------ texts

/** What each step of the draft asks for. */
const STEP: Record<ContentDraftStep, string> = {
  media: 'content-admin-step-media',
  title: 'content-admin-step-title',
  credits: 'content-admin-step-credits',
  stars: 'content-admin-step-stars',
  edit_title: 'content-admin-step-edit-title',
  edit_credits: 'content-admin-step-edit-credits',
  edit_stars: 'content-admin-step-edit-stars',
};

/** Why an answer was not taken; limits as text (no digit grouping). */
const RETRY: Record<DraftRetryReason, [key: string, max?: number]> = {
  bad_title: ['content-admin-bad-title', CONTENT_LIMITS.titleMax],
  bad_credits: ['content-admin-bad-credits', CONTENT_LIMITS.creditsMax],
  bad_stars: ['content-admin-bad-stars', CONTENT_LIMITS.starsMax],
  album_limit: ['content-admin-album-limit', CONTENT_LIMITS.mediaMax],
  want_text_value: ['content-admin-want-text-value'],
  has_media: ['content-admin-has-media'],
  unsellable: ['content-admin-unsellable'],
  as_text: ['content-admin-as-text'],
  media_first: ['content-admin-media-first'],
  incomplete: ['content-admin-incomplete'],
};

const prices = (t: TranslateFn, item: ContentItem) => ({
  html: t('content-admin-prices', { credits: item.priceCredits, stars: item.priceStars }),
});

function draftReplyText(
  t: TranslateFn,
  reply: Exclude<DraftReply, { code: 'silent' | 'created' | 'saved' }>,
): string {
  switch (reply.code) {
    case 'ask_title':
      return t('content-admin-got-media', { ask: { html: t(STEP.title) } });
    case 'ask_credits':
      return t('content-admin-got-title', { title: reply.title, ask: { html: t(STEP.credits) } });
    case 'ask_stars':
      return t('content-admin-got-credits', { credits: reply.credits, ask: { html: t(STEP.stars) } });
    case 'retry': {
      const [key, max] = RETRY[reply.reason];
      const reason = { html: t(key, max === undefined ? undefined : { max: String(max) }) };
      return t('content-admin-retry', { reason, ask: { html: t(STEP[reply.step]) } });
    }
    case 'gone':
      return t('content-admin-gone');
  }
}

function itemDoneText(t: TranslateFn, code: 'created' | 'saved', item: ContentItem): string {
  return code === 'created'
    ? t('content-admin-created', {
        title: item.title,
        id: String(item.id),
        prices: prices(t, item),
        ...mediaCounts(item),
      })
    : t('content-admin-saved', { title: item.title, prices: prices(t, item) });
}

function adminListText(
  t: TranslateFn,
  list: {
    page: number;
    pages: number;
    total: number;
    items: Array<ContentItem & { unlocks: number; position: number }>;
  },
): string {
  const lines = list.items.map((i) =>
    t(i.hidden ? 'content-admin-list-line-hidden' : 'content-admin-list-line', {
      position: i.position,
      title: i.title,
      prices: prices(t, i),
      unlocks: i.unlocks,
    }),
  );
  const title = t('content-admin-list-title', { total: list.total, page: list.page, pages: list.pages });
  return [title, ...lines, '', t('content-admin-list-hint')].join('\n');
}

function adminItemText(t: TranslateFn, v: AdminItemView): string {
  const { item } = v;
  return t('content-admin-item', {
    title: item.title,
    id: String(item.id),
    ...mediaCounts(item),
    paidMedia: sellsAsPaidMedia(item) ? 'yes' : 'no',
    prices: prices(t, item),
    unlocks: v.unlocks,
    hidden: item.hidden ? 'yes' : 'no',
    position: v.position,
    total: v.total,
  });
}

export const contentAdminFeature = composer;

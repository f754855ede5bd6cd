import { Composer, type InlineKeyboard } from 'grammy';
import type { AdminItemView } from '../../../app/content/index.ts';
import { contentAddData, contentItemData, contentListData } from '../../callback-data/content.ts';
import type { Context } from '../../context.ts';
import { isAdmin } from '../../filters/is-admin.ts';
import { draftInputOf } from '../../helpers/content-input.ts';
import { editOrIgnoreUnchanged } from '../../helpers/edit.ts';
import { createContentItemKeyboard, createContentListKeyboard } from '../../keyboards/content.ts';
import { contentTexts } from '../../texts.ts';

/** Admins manage premium content in their private chat: `/content`, `/content add`, `/cancel`, buttons. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');
const admins = feature.filter(isAdmin);
const html = { parse_mode: 'HTML' as const };

async function listScreen(
  ctx: Context,
  page: number,
): Promise<{ text: string; keyboard: InlineKeyboard } | null> {
  const list = await ctx.services.content.admin.list({ adminId: ctx.from!.id, page });
  if (!list.ok) return null;
  return {
    text: list.total === 0 ? contentTexts.adminEmpty : contentTexts.adminList(list),
    keyboard: createContentListKeyboard(list),
  };
}

const itemScreen = (ctx: Context, v: AdminItemView) =>
  editOrIgnoreUnchanged(ctx, contentTexts.adminItem(v), createContentItemKeyboard(v.item));

admins.command('content', async (ctx) => {
  if (ctx.match.trim().toLowerCase() === 'add') {
    await ctx.services.content.admin.startAdd({ adminId: ctx.from.id });
    return void (await ctx.reply(contentTexts.askMedia, html));
  }
  const screen = await listScreen(ctx, 1);
  if (screen) await ctx.reply(screen.text, { ...html, reply_markup: screen.keyboard });
});

admins.command('cancel', async (ctx) => {
  const had = await ctx.services.content.admin.cancel({ adminId: ctx.from.id });
  await ctx.reply(had ? contentTexts.cancelled : contentTexts.nothingToCancel);
});

// The admin's answers to the draft (media, title, prices). Without a draft open, the message goes on.
admins
  .drop((ctx) => ctx.message?.text?.startsWith('/') ?? false)
  .on('message', async (ctx, next) => {
    const input = draftInputOf(ctx.message);
    if (!input) return next();
    const res = await ctx.services.content.admin.input({ adminId: ctx.from.id, input });
    if (!res.handled) return next();
    const { reply } = res;
    const answer = { ...html, reply_parameters: { message_id: ctx.message.message_id } };
    if (reply.code === 'silent') return;
    if (reply.code === 'created' || reply.code === 'saved')
      return void (await ctx.reply(contentTexts[reply.code](reply.item), {
        ...answer,
        reply_markup: createContentItemKeyboard(reply.item),
      }));
    await ctx.reply(contentTexts.draftReply(reply), answer);
  });

feature.callbackQuery(contentListData.filter, async (ctx) => {
  const data = contentListData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: contentTexts.onlyAdmins, show_alert: true });
  const screen = await listScreen(ctx, data.page);
  await ctx.answerCallbackQuery();
  if (screen) await editOrIgnoreUnchanged(ctx, screen.text, screen.keyboard);
});

feature.callbackQuery(contentAddData.filter, async (ctx) => {
  if (!contentAddData.unpack(ctx.callbackQuery.data))
    return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: contentTexts.onlyAdmins, show_alert: true });
  await ctx.services.content.admin.startAdd({ adminId: ctx.from.id });
  await ctx.answerCallbackQuery();
  await ctx.reply(contentTexts.askMedia, html);
});

feature.callbackQuery(contentItemData.filter, async (ctx) => {
  const data = contentItemData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: contentTexts.onlyAdmins, show_alert: true });
  const a = { adminId: ctx.from.id, itemId: data.item };
  const { admin } = ctx.services.content;
  switch (data.action) {
    case 'view': {
      const v = await admin.view(a);
      if (!v.ok) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
      await ctx.answerCallbackQuery();
      return itemScreen(ctx, v);
    }
    case 'title':
    case 'credits':
    case 'stars': {
      const res = await admin.startEdit({ ...a, field: data.action });
      if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(contentTexts.editPrompt(res.item, data.action), html));
    }
    case 'hide':
    case 'show': {
      const res = await admin.setHidden({ ...a, hidden: data.action === 'hide' });
      if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
      await ctx.answerCallbackQuery({ text: res.item.hidden ? 'Hidden: off sale.' : 'On sale again.' });
      return itemScreen(ctx, res);
    }
    case 'up':
    case 'down': {
      const res = await admin.move({ ...a, direction: data.action });
      if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
      await ctx.answerCallbackQuery({
        text: res.moved ? `Moved ${data.action}.` : `Already ${data.action === 'up' ? 'first' : 'last'}.`,
      });
      return itemScreen(ctx, res);
    }
    case 'send': {
      const res = await admin.sendToMe({ ...a, key: `cb:${ctx.callbackQuery.id}` });
      return ctx.answerCallbackQuery({ text: res.ok ? 'Sending it to you…' : ctx.t('common-stale-button') });
    }
  }
});

export const contentAdminFeature = composer;

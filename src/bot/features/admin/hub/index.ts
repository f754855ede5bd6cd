import { Composer, GrammyError, type CallbackQueryContext } from 'grammy';
import { hubData, hubFreshData } from '../../../callback-data/hub.ts';
import type { Context } from '../../../context.ts';
import { inAdminGroup } from '../../../filters/admin-group.ts';
import { roleCan } from '../../../../domain/access/index.ts';
import { claimCommand } from './claim.ts';
import { HUB_CATEGORIES, hubCategory } from './registry.ts';
import { editMenu, editNotice, screenFor, sendMenu } from './render.ts';
import { staleShare } from './team.ts';
import type { HubTarget } from './screen.ts';

/**
 * The control center (`/admin`), in a team member's private chat: the hub of the categories their role
 * allows, one direct command per category, and every press re-checked. In the admin group `/admin`
 * answers once with a link that opens it in private (edits there would spend the fans' group budget).
 * Anyone else gets what an unknown command gets: fans do not learn these commands exist.
 */
const composer = new Composer<Context>();
const priv = composer.chatType('private');

/** Opens a fresh menu at `to` for a team member; `false` for anyone else (the caller passes on). */
async function openMenu(ctx: Context, to: HubTarget): Promise<boolean> {
  const menu = await ctx.services.hub.openMenu(ctx.from!.id);
  if (!menu) return false;
  const screen = await screenFor(ctx, menu.role, { act: 'main', arg: 0, ...to });
  if (screen === 'unknown') return false;
  if (screen === 'not_allowed') await ctx.reply(ctx.t('admin-hub-not-allowed'), { parse_mode: 'HTML' });
  else await sendMenu(ctx, screen, menu.nonce, to.cat);
  return true;
}

priv.command('admin', async (ctx, next) => {
  if (!(await openMenu(ctx, { cat: 'home' }))) return next();
});

// t.me/<bot>?start=admin, the group's button; any other start payload is the fans' /start.
priv.command('start', async (ctx, next) => {
  if (ctx.match !== 'admin' || !(await openMenu(ctx, { cat: 'home' }))) return next();
});

priv.command(
  HUB_CATEGORIES.map((c) => c.id),
  async (ctx, next) => {
    const id = ctx.message.text.slice(1).split(/[\s@]/, 1)[0]!.toLowerCase();
    if (!hubCategory(id) || !(await openMenu(ctx, { cat: id }))) return next();
  },
);

priv.use(claimCommand);

// /cancel drops an open question of the control center and shows its category again; without one, it
// goes on (a content draft's /cancel).
priv.command('cancel', async (ctx, next) => {
  const ask = await ctx.services.hub.pendingAsk(ctx.from.id);
  if (!ask) return next();
  await ctx.services.hub.endAsk(ctx.from.id);
  await ctx.reply(ctx.t('admin-hub-cancelled'), { parse_mode: 'HTML' });
  await openMenu(ctx, { cat: hubCategory(ask.cat) ? ask.cat : 'home' });
});

/**
 * A typed answer to a screen that asked for one (a price, a text, who to find). Commands pass (a command
 * of the hub opens another screen, which drops the question). The permission is re-checked first: a
 * member demoted since the question was asked gets nothing.
 */
priv.on('message', async (ctx, next) => {
  // Most private messages are fans' and answer no question: known without a read (the update's first one).
  if (ctx.message.text?.startsWith('/') || (ctx.openFlow !== undefined && ctx.openFlow !== 'hub'))
    return next();
  const actor = ctx.from.id;
  const ask = await ctx.services.hub.pendingAsk(actor);
  if (!ask) return next();
  const category = hubCategory(ask.cat);
  const role = await ctx.services.access.roleOf(actor);
  if (!category?.input || role === null) {
    await ctx.services.hub.endAsk(actor);
    return next();
  }
  const answer = { parse_mode: 'HTML' as const, reply_parameters: { message_id: ctx.message.message_id } };
  if (!roleCan(role, category.permission)) {
    await ctx.services.hub.endAsk(actor);
    return void (await ctx.reply(ctx.t('admin-hub-not-allowed'), answer));
  }
  const res = await category.input(ctx, ask.act, ask.arg, ctx.message);
  if (res === null) {
    await ctx.services.hub.endAsk(actor);
    return void (await ctx.reply(ctx.t('admin-hub-ask-gone'), answer));
  }
  if ('retry' in res) return void (await ctx.reply(res.retry, answer));
  if ('silent' in res) return;
  // The answer's screen joins the menu the question came from while it is live; else a fresh menu.
  const nonce = (await ctx.services.hub.isLiveMenu(actor, ask.nonce))
    ? ask.nonce
    : (await ctx.services.hub.openMenu(actor))?.nonce;
  if (nonce) await sendMenu(ctx, res, nonce, ask.cat);
});

// A user shared with Team's button after its question closed: the keyboard is stale (team.ts).
priv.on(':users_shared', async (ctx, next) => {
  if ((await ctx.services.access.roleOf(ctx.from.id)) === null) return next();
  await staleShare(ctx);
});

// In the admin group: one answer with a button to the private hub, for team members only.
composer
  .chatType(['group', 'supergroup'])
  .filter(inAdminGroup)
  .command('admin', async (ctx) => {
    if ((await ctx.services.access.roleOf(ctx.from.id)) === null) return;
    await ctx.reply(ctx.t('admin-hub-open-private'), {
      parse_mode: 'HTML',
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
      ...(ctx.msg.message_thread_id && ctx.msg.is_topic_message
        ? { message_thread_id: ctx.msg.message_thread_id }
        : {}),
      reply_markup: {
        inline_keyboard: [
          [{ text: ctx.t('admin-hub-open-button'), url: `https://t.me/${ctx.me.username}?start=admin` }],
        ],
      },
    });
  });

/**
 * A press on a hub button. Answered first, before any other work (the spinner stops at once): malformed
 * data or an unknown category is answered with a short text; everything that needs the database (role,
 * permission, stale menu) is decided after the answer and shown in place of the menu.
 */
composer.callbackQuery(hubData.filter, async (ctx) => {
  const data = hubData.unpack(ctx.callbackQuery.data);
  // Menus live in private chats only: forged data on a group message (a fan's card) does nothing.
  if (!data || ctx.chat?.type !== 'private' || (data.cat !== 'home' && !hubCategory(data.cat)))
    return ctx.answerCallbackQuery({ text: ctx.t('admin-hub-invalid') });
  await ctx.answerCallbackQuery();
  const actor = ctx.from.id;
  const role = await ctx.services.access.roleOf(actor);
  if (role === null) return editNotice(ctx, ctx.t('admin-hub-no-access'), false);
  // Close works on any menu of theirs, stale or not.
  if (data.cat === 'home' && data.act === 'close') return closeMenu(ctx);
  if (!(await ctx.services.hub.isLiveMenu(actor, data.nonce)))
    return editNotice(ctx, ctx.t('admin-hub-stale'), true);
  const screen = await screenFor(ctx, role, data);
  if (screen === 'not_allowed') return editNotice(ctx, ctx.t('admin-hub-not-allowed'), true);
  if (screen === 'unknown') return editNotice(ctx, ctx.t('admin-hub-invalid'), true);
  await editMenu(ctx, screen, data.nonce, data.cat);
});

/** "Open a fresh menu" under a stale one: the hub again, in place, with a new nonce. */
composer.callbackQuery(hubFreshData.filter, async (ctx) => {
  if (!hubFreshData.unpack(ctx.callbackQuery.data) || ctx.chat?.type !== 'private')
    return ctx.answerCallbackQuery({ text: ctx.t('admin-hub-invalid') });
  await ctx.answerCallbackQuery();
  const menu = await ctx.services.hub.openMenu(ctx.from.id);
  if (!menu) return editNotice(ctx, ctx.t('admin-hub-no-access'), false);
  const screen = await screenFor(ctx, menu.role, { cat: 'home', act: 'main', arg: 0 });
  if (typeof screen !== 'string') await editMenu(ctx, screen, menu.nonce);
});

/** Close: the menu goes away (a message too old to delete is emptied instead). */
async function closeMenu(ctx: CallbackQueryContext<Context>): Promise<void> {
  try {
    await ctx.deleteMessage();
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    await editNotice(ctx, ctx.t('admin-hub-closed'), false);
  }
}

export const adminHubFeature = composer;

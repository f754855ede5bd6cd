import { GrammyError, InputFile } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Role } from '../../../../app/ports/index.ts';
import { roleCan } from '../../../../domain/access/index.ts';
import { hubFreshData } from '../../../callback-data/hub.ts';
import type { Context } from '../../../context.ts';
import { HUB_CATEGORIES, hubCategory } from './registry.ts';
import { fitText, keyboardOf, type HubScreen, type HubTarget } from './screen.ts';

/** The hub itself: the categories the member's role (just read through the Access port) allows, two a row. */
export function homeScreen(ctx: Context, role: Role): HubScreen {
  const allowed = HUB_CATEGORIES.filter((c) => roleCan(role, c.permission));
  const buttons = allowed.map((c) => ({ text: ctx.t(c.titleKey), to: { cat: c.id } }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  const roleName = ctx.t(
    role === 'owner'
      ? 'admin-hub-role-owner'
      : role === 'manager'
        ? 'admin-hub-role-manager'
        : 'admin-hub-role-agent',
  );
  return {
    text: ctx.t(allowed.length > 0 ? 'admin-hub-home' : 'admin-hub-home-empty', { role: roleName }),
    rows,
    back: null,
  };
}

/**
 * The screen a target shows for this member, or why not: `not_allowed` (their role, read for this press,
 * lacks the category's permission) or `unknown` (no such category, action or argument).
 */
export async function screenFor(
  ctx: Context,
  role: Role,
  to: Required<HubTarget>,
): Promise<HubScreen | 'not_allowed' | 'unknown'> {
  if (to.cat === 'home') return to.act === 'main' ? homeScreen(ctx, role) : 'unknown';
  const category = hubCategory(to.cat);
  if (!category) return 'unknown';
  // `role` was read for this press; the category's use case asks the Access port once more.
  if (!roleCan(role, category.permission)) return 'not_allowed';
  return (await category.screen(ctx, to.act, String(to.arg))) ?? 'unknown';
}

/**
 * Sends a new menu message (a command, an answer to a question) under `nonce`. `cat` is the category the
 * screen belongs to: a screen that asks for typed input opens the question, any other closes one.
 */
export async function sendMenu(ctx: Context, screen: HubScreen, nonce: string, cat = 'home'): Promise<void> {
  await sendAttachments(ctx, screen);
  await ctx.reply(fitText(screen.text), {
    parse_mode: 'HTML',
    reply_markup: keyboardOf(ctx, screen, nonce),
    link_preview_options: { is_disabled: true },
  });
  await rememberAsk(ctx, screen, nonce, cat);
}

/** Edits the pressed menu in place; pressing Refresh on unchanged figures is not an error. */
export async function editMenu(ctx: Context, screen: HubScreen, nonce: string, cat = 'home'): Promise<void> {
  if (screen.attach?.length) {
    // A picture or a file cannot be edited into a text message: they go below it, and the menu with them.
    await sendMenu(ctx, screen, nonce, cat);
    await ctx.deleteMessage().catch((err: unknown) => {
      // Too old to delete (48 h): the older menu stays; its buttons still work while the nonce is live.
      if (!(err instanceof GrammyError)) throw err;
    });
    return;
  }
  await editInPlace(ctx, fitText(screen.text), keyboardOf(ctx, screen, nonce));
  await rememberAsk(ctx, screen, nonce, cat);
}

async function sendAttachments(ctx: Context, screen: HubScreen): Promise<void> {
  for (const a of screen.attach ?? []) {
    const file = new InputFile(a.data, a.fileName);
    const opts = a.caption ? { caption: a.caption, parse_mode: 'HTML' as const } : {};
    if (a.kind === 'photo') await ctx.replyWithPhoto(file, opts);
    else await ctx.replyWithDocument(file, opts);
  }
}

/** Opens the screen's question (`ask`), or drops an open one: moving elsewhere abandons a question. */
async function rememberAsk(ctx: Context, screen: HubScreen, nonce: string, cat: string): Promise<void> {
  const actor = ctx.from!.id;
  if (screen.ask)
    await ctx.services.hub.ask(actor, {
      cat,
      act: screen.ask.act,
      arg: String(screen.ask.arg ?? 0),
      nonce,
    });
  else await ctx.services.hub.endAsk(actor);
}

/** A note in place of the menu (stale, no access, closed), with one button or none. */
export async function editNotice(ctx: Context, text: string, fresh: boolean): Promise<void> {
  await editInPlace(
    ctx,
    text,
    fresh
      ? { inline_keyboard: [[{ text: ctx.t('admin-hub-open-fresh'), callback_data: hubFreshData.pack({}) }]] }
      : { inline_keyboard: [] },
  );
}

async function editInPlace(ctx: Context, text: string, markup: InlineKeyboardMarkup): Promise<void> {
  try {
    await ctx.editMessageText(text, {
      parse_mode: 'HTML',
      reply_markup: markup,
      link_preview_options: { is_disabled: true },
    });
  } catch (err) {
    if (err instanceof GrammyError && err.description.includes('message is not modified')) return;
    throw err;
  }
}

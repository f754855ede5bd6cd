import { GrammyError, type InlineKeyboard } from 'grammy';
import type { Context } from '../context.ts';

/** Edits the callback's message; a double tap ("message is not modified") is not an error. */
export async function editOrIgnoreUnchanged(
  ctx: Context,
  html: string,
  keyboard: InlineKeyboard,
): Promise<void> {
  try {
    await ctx.editMessageText(html, { parse_mode: 'HTML', reply_markup: keyboard });
  } catch (err) {
    if (err instanceof GrammyError && err.description.includes('message is not modified')) return;
    throw err;
  }
}

import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { disputeBanData } from '../callback-data/admin.ts';
import type { Context } from '../context.ts';
import { inAdminGroup } from '../filters/admin-group.ts';
import { isTeamMember } from '../filters/is-admin.ts';

/**
 * The one-tap ban on a dispute alert. The alert is in the admin group's General topic, or in each
 * owner's private chat when no group is set, so the button works in both.
 */
const composer = new Composer<Context>();
const feature = composer.filter((ctx) => ctx.chat?.type === 'private' || inAdminGroup(ctx));

feature.callbackQuery(disputeBanData.filter, async (ctx) => {
  const data = disputeBanData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-expired') });
  // Callback data is whatever a client sends: the presser is checked here and again in the use case.
  if (!(await isTeamMember(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-buttons-only'), show_alert: true });
  const res = await ctx.services.admin.setBan({
    adminId: ctx.from.id,
    userId: data.user,
    banned: true,
    key: `cb:${ctx.callbackQuery.id}`,
  });
  if (!res.ok)
    return ctx.answerCallbackQuery({
      text: ctx.t(res.code === 'unknown_fan' ? 'admin-topic-fan-unknown' : 'admin-topic-buttons-only'),
      show_alert: true,
    });
  await ctx.answerCallbackQuery({
    text: ctx.t(res.changed ? 'admin-topic-banned-short' : 'admin-topic-already-banned'),
  });
  if (!res.changed) return;
  // The alert keeps its other buttons (the topic link); the pressed one shows who banned. It keeps its
  // data, so a second press answers "already banned".
  // A button label is plain text: the name is not escaped there.
  const done = ctx.t('admin-topic-banned-by', {
    admin: { html: ctx.from.first_name.slice(0, 32) },
  });
  const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
  const inline_keyboard = rows.map((row) =>
    row.map((b): InlineKeyboardButton =>
      'callback_data' in b && b.callback_data === ctx.callbackQuery.data ? { ...b, text: done } : b,
    ),
  );
  await ctx
    .editMessageReplyMarkup({ reply_markup: { inline_keyboard } })
    .catch((err: unknown) => ctx.logger.warn({ err }, 'dispute alert buttons not updated'));
});

export const disputeAlertFeature = composer;

import { Composer } from 'grammy';
import type { Context } from '../context.ts';

/** Must be the last handler: whatever no feature took gets a helpful answer, never silence or a crash. */
const composer = new Composer<Context>();
const priv = composer.chatType('private');

priv.on('message::bot_command', (ctx) => {
  const cmd = ctx.message.text?.split(/[\s@]/, 1)[0] ?? '/';
  return ctx.reply(ctx.t('common-unknown-command', { command: cmd }), { parse_mode: 'HTML' });
});

composer.on('callback_query', (ctx) =>
  ctx.answerCallbackQuery({ text: ctx.t('common-stale-button'), show_alert: false }),
);

priv.on('message', (ctx) => ctx.reply(ctx.t('common-unsupported')));

composer.use((ctx) => {
  ctx.logger.debug({ keys: Object.keys(ctx.update) }, 'update not handled');
});

export const unhandledFeature = composer;

import { Composer } from 'grammy';
import type { Context } from '../context.ts';

const composer = new Composer<Context>();

composer.chatType('private').command('help', (ctx) => ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML' }));

export const helpFeature = composer;

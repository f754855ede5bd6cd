import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { texts } from '../texts.ts';

const composer = new Composer<Context>();

composer.chatType('private').command('help', (ctx) => ctx.reply(texts.help, { parse_mode: 'HTML' }));

export const helpFeature = composer;

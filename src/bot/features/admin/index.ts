import { Composer } from 'grammy';
import type { Context } from '../../context.ts';
import { inAdminGroup } from '../../filters/admin-group.ts';
import { banCommand } from './ban.ts';
import { closeCommand } from './close.ts';
import { giftCommand } from './gift.ts';
import { infoCommand } from './info.ts';
import { noteCommand } from './notes.ts';
import { refundCommand } from './refund.ts';

/** Admin tools inside a fan's topic (any admin group): in-topic commands and the card's buttons. */
const composer = new Composer<Context>();
composer
  .filter(inAdminGroup)
  .use(infoCommand, giftCommand, banCommand, refundCommand, noteCommand, closeCommand);

export const adminTopicFeature = composer;

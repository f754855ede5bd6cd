import { Composer } from 'grammy';
import type { Context } from '../../context.ts';
import { contentAdminFeature } from './admin.ts';
import { contentFanFeature } from './fan.ts';

/**
 * Premium content. Admins first: their `/content` is the management list, and while they add or edit
 * an item their messages answer the draft instead of reaching the fan relay (registered after this).
 */
export const contentFeature = new Composer<Context>(contentAdminFeature, contentFanFeature);

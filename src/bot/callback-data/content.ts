import { createCallbackData } from './codec.ts';

/** Fans: a page of the content list. */
export const contentPageData = createCallbackData('cpage', { page: 'int' });

/** Fans, on an item: pay in Stars by invoice (`stars`), send again (`resend`). */
export const contentFanData = createCallbackData('cfan', { action: 'word', item: 'int' });
export const CONTENT_FAN_ACTIONS = ['stars', 'resend'] as const;

/**
 * Fans: unlock an item for the credits price the button showed. A price changed since then is not
 * charged: the fan is told the new one first.
 */
export const contentUnlockData = createCallbackData('cunlock', { credits: 'int', item: 'int' });
export type ContentFanAction = (typeof CONTENT_FAN_ACTIONS)[number];
export const isContentFanAction = (v: string): v is ContentFanAction =>
  (CONTENT_FAN_ACTIONS as readonly string[]).includes(v);

/** Admins: a page of the list, and "add an item" (no fields: any tampering fails to decode). */
export const contentListData = createCallbackData('clist', { page: 'int' });
export const contentAddData = createCallbackData('cadd', {});

/** Admins, on an item. */
export const contentItemData = createCallbackData('citem', { action: 'word', item: 'int' });
export const CONTENT_ITEM_ACTIONS = [
  'view',
  'title',
  'credits',
  'stars',
  'hide',
  'show',
  'up',
  'down',
  'send',
] as const;
export type ContentItemAction = (typeof CONTENT_ITEM_ACTIONS)[number];
export const isContentItemAction = (v: string): v is ContentItemAction =>
  (CONTENT_ITEM_ACTIONS as readonly string[]).includes(v);

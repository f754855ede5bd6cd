import { createCallbackData } from './codec.ts';

/** Fans: a page of the content list. */
export const contentPageData = createCallbackData('cpage', { page: 'int' });

/** Fans, on an item: pay in Stars by invoice (`stars`), send again (`resend`). */
export const CONTENT_FAN_ACTIONS = ['stars', 'resend'] as const;
export const contentFanData = createCallbackData('cfan', { action: CONTENT_FAN_ACTIONS, item: 'int' });

/**
 * Fans: unlock an item for the credits price the button showed. A price changed since then is not
 * charged: the fan is told the new one first.
 */
export const contentUnlockData = createCallbackData('cunlock', { credits: 'int', item: 'int' });

/** Admins: a page of the list, and "add an item" (no fields: any tampering fails to decode). */
export const contentListData = createCallbackData('clist', { page: 'int' });
export const contentAddData = createCallbackData('cadd', {});

/** Admins, on an item. */
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
export const contentItemData = createCallbackData('citem', { action: CONTENT_ITEM_ACTIONS, item: 'int' });

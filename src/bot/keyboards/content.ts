import { InlineKeyboard } from 'grammy';
import { credits } from '../../app/messages.ts';
import type { ContentKeyboards } from '../../app/content/index.ts';
import type { ContentItem } from '../../app/ports/index.ts';
import {
  contentAddData,
  contentFanData,
  contentItemData,
  contentListData,
  contentPageData,
  contentUnlockData,
} from '../callback-data/content.ts';

const button = (text: string, callback_data: string) => ({ text, callback_data });

/** The buttons of the fan's list, as plain JSON (they travel through the outbox). */
export const contentFanKeyboards: ContentKeyboards = {
  locked(item, paidMedia) {
    const unlock = button(
      `🔓 Unlock for ${credits(item.priceCredits)}`,
      contentUnlockData.pack({ credits: item.priceCredits, item: item.id }),
    );
    // Paid media carries its own Stars button (tap the picture); files and audio get an invoice.
    if (paidMedia) return [[unlock]];
    return [
      [unlock],
      [button(`⭐ ${item.priceStars} Stars`, contentFanData.pack({ action: 'stars', item: item.id }))],
    ];
  },
  unlocked(item) {
    return [[button('📤 Send again', contentFanData.pack({ action: 'resend', item: item.id }))]];
  },
  pages(page, pages) {
    if (pages <= 1) return [];
    const row = [];
    if (page > 1) row.push(button('◀️ Previous', contentPageData.pack({ page: page - 1 })));
    if (page < pages) row.push(button('▶️ More', contentPageData.pack({ page: page + 1 })));
    return [row];
  },
};

/** The admins' list: one button per item, page buttons, add and the fans' view. */
export function createContentListKeyboard(list: {
  page: number;
  pages: number;
  items: Array<Pick<ContentItem, 'id' | 'title' | 'hidden'>>;
}): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const item of list.items) {
    const label = `${item.hidden ? '🙈' : '⚙️'} ${item.title}`;
    kb.text(label, contentItemData.pack({ action: 'view', item: item.id })).row();
  }
  if (list.page > 1) kb.text('◀️', contentListData.pack({ page: list.page - 1 }));
  if (list.page < list.pages) kb.text('▶️', contentListData.pack({ page: list.page + 1 }));
  if (list.pages > 1) kb.row();
  return kb
    .text('➕ Add', contentAddData.pack({}))
    .text('👀 As fans see it', contentPageData.pack({ page: 1 }));
}

/** One item's tools. */
export function createContentItemKeyboard(item: Pick<ContentItem, 'id' | 'hidden'>): InlineKeyboard {
  const act = (action: Parameters<typeof contentItemData.pack>[0]['action']) =>
    contentItemData.pack({ action, item: item.id });
  return new InlineKeyboard()
    .text('✏️ Title', act('title'))
    .text('💳 Credits', act('credits'))
    .text('⭐ Stars', act('stars'))
    .row()
    .text(item.hidden ? '👁 Show' : '🙈 Hide', act(item.hidden ? 'show' : 'hide'))
    .text('⬆️ Up', act('up'))
    .text('⬇️ Down', act('down'))
    .row()
    .text('📤 Send it to me', act('send'))
    .text('⬅️ List', contentListData.pack({ page: 1 }));
}

import { InlineKeyboard } from 'grammy';
import type { ContentKeyboards } from '../../app/content/index.ts';
import type { ContentItem, TextRef } from '../../app/ports/index.ts';
import { text } from '../../app/texts.ts';
import type { TranslateFn } from '../context.ts';
import {
  contentAddData,
  contentFanData,
  contentItemData,
  contentListData,
  contentPageData,
  contentUnlockData,
} from '../callback-data/content.ts';

const button = (label: TextRef, callback_data: string) => ({ text: label, callback_data });

/** The buttons of the fan's list, as plain JSON (they travel through the outbox, worded at send time). */
export const contentFanKeyboards: ContentKeyboards = {
  locked(item, paidMedia) {
    const unlock = button(
      text('content-button-unlock', { credits: item.priceCredits }),
      contentUnlockData.pack({ credits: item.priceCredits, item: item.id }),
    );
    // Paid media carries its own Stars button (tap the picture); files and audio get an invoice.
    if (paidMedia) return [[unlock]];
    return [
      [unlock],
      [
        button(
          text('content-button-stars', { stars: item.priceStars }),
          contentFanData.pack({ action: 'stars', item: item.id }),
        ),
      ],
    ];
  },
  unlocked(item) {
    return [
      [button(text('content-button-resend'), contentFanData.pack({ action: 'resend', item: item.id }))],
    ];
  },
  pages(page, pages) {
    if (pages <= 1) return [];
    const row = [];
    if (page > 1) row.push(button(text('content-button-previous'), contentPageData.pack({ page: page - 1 })));
    if (page < pages) row.push(button(text('content-button-more'), contentPageData.pack({ page: page + 1 })));
    return [row];
  },
};

/** The admins' list: one button per item, page buttons, add and the fans' view. */
export function createContentListKeyboard(
  t: TranslateFn,
  list: {
    page: number;
    pages: number;
    items: Array<Pick<ContentItem, 'id' | 'title' | 'hidden'>>;
  },
): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const item of list.items) {
    const label = `${item.hidden ? '🙈' : '⚙️'} ${item.title}`;
    kb.text(label, contentItemData.pack({ action: 'view', item: item.id })).row();
  }
  if (list.page > 1) kb.text('◀️', contentListData.pack({ page: list.page - 1 }));
  if (list.page < list.pages) kb.text('▶️', contentListData.pack({ page: list.page + 1 }));
  if (list.pages > 1) kb.row();
  return kb
    .text(t('content-admin-button-add'), contentAddData.pack({}))
    .text(t('content-admin-button-fan-view'), contentPageData.pack({ page: 1 }));
}

/** One item's tools. */
export function createContentItemKeyboard(
  t: TranslateFn,
  item: Pick<ContentItem, 'id' | 'hidden'>,
): InlineKeyboard {
  const act = (action: Parameters<typeof contentItemData.pack>[0]['action']) =>
    contentItemData.pack({ action, item: item.id });
  return new InlineKeyboard()
    .text(t('content-admin-button-title'), act('title'))
    .text(t('content-admin-button-credits'), act('credits'))
    .text(t('content-admin-button-stars'), act('stars'))
    .row()
    .text(
      t(item.hidden ? 'content-admin-button-show' : 'content-admin-button-hide'),
      act(item.hidden ? 'show' : 'hide'),
    )
    .text(t('content-admin-button-up'), act('up'))
    .text(t('content-admin-button-down'), act('down'))
    .row()
    .text(t('content-admin-button-send'), act('send'))
    .text(t('content-admin-button-list'), contentListData.pack({ page: 1 }));
}

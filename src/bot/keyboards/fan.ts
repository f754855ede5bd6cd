import { InlineKeyboard } from 'grammy';
import type { Product } from '../../app/ports/index.ts';
import {
  buyData,
  cardPayData,
  historyCsvData,
  historyData,
  navData,
  privacyData,
  tourData,
} from '../callback-data/index.ts';
import type { TranslateFn } from '../context.ts';

/**
 * Under the welcome: Start (the shop) and, for a new fan (`tourBonus` not null), the quick tour with the
 * bonus it pays (0: none).
 */
export function createWelcomeKeyboard(t: TranslateFn, tourBonus: number | null = null): InlineKeyboard {
  const kb = new InlineKeyboard().text(t('start-button'), navData.pack({ to: 'catalog' }));
  if (tourBonus !== null)
    kb.row().text(t('start-tour-button', { bonus: tourBonus }), tourData.pack({ step: 'costs' }));
  return kb;
}

/** The quick tour's buttons: back, next (or finish on the last screen), and the shop on the first. */
export function createTourKeyboard(
  t: TranslateFn,
  step: 'costs' | 'buy' | 'replies',
  bonus: number,
): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (step === 'costs') kb.text(t('start-tour-skip'), navData.pack({ to: 'welcome' }));
  if (step === 'buy') kb.text(t('start-tour-back'), tourData.pack({ step: 'costs' }));
  if (step === 'replies') kb.text(t('start-tour-back'), tourData.pack({ step: 'buy' }));
  if (step === 'costs') kb.text(t('start-tour-next'), tourData.pack({ step: 'buy' }));
  if (step === 'buy') kb.text(t('start-tour-next'), tourData.pack({ step: 'replies' }));
  if (step === 'replies') kb.text(t('start-tour-finish', { bonus }), tourData.pack({ step: 'finish' }));
  return kb;
}

/** Under `/privacy`: delete my data; then, asked, confirm or keep it. */
export function createPrivacyKeyboard(t: TranslateFn, asking: boolean): InlineKeyboard {
  if (!asking)
    return new InlineKeyboard().text(t('privacy-delete-button'), privacyData.pack({ action: 'ask' }));
  return new InlineKeyboard()
    .text(t('privacy-confirm-button'), privacyData.pack({ action: 'yes' }))
    .row()
    .text(t('privacy-keep-button'), privacyData.pack({ action: 'no' }));
}

/**
 * One row per product: its Stars button and, when card payments are on and it has a card price, a
 * 💳 button beside it. Then Back (omitted where there is nothing to go back to).
 */
export function createCatalogKeyboard(
  t: TranslateFn,
  products: Product[],
  withBack = true,
  withCard = false,
): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const p of products) {
    kb.text(`⭐ ${p.priceStars} · ${p.title}`, buyData.pack({ product: p.id }));
    if (withCard && p.priceMinor !== null)
      kb.text(t('billing-card-button', { price: cardPrice(p) }), cardPayData.pack({ product: p.id }));
    kb.row();
  }
  if (withBack) kb.text(t('common-back'), navData.pack({ to: 'welcome' }));
  return kb;
}

/** A card price, in the reader's number format. */
const cardPrice = (p: Product) => ({ money: { minor: p.priceMinor!, currency: p.currency } });

/** Stars or card for one product (quick-buy with card payments on). */
export function createRailKeyboard(t: TranslateFn, p: Product): InlineKeyboard {
  const kb = new InlineKeyboard().text(
    t('billing-rail-stars', { stars: p.priceStars }),
    buyData.pack({ product: p.id }),
  );
  if (p.priceMinor !== null)
    kb.text(t('billing-rail-card', { price: cardPrice(p) }), cardPayData.pack({ product: p.id }));
  return kb;
}

/** Under "not enough credits": straight to the catalog. */
export function createBuyCreditsKeyboard(t: TranslateFn): InlineKeyboard {
  return new InlineKeyboard().text(t('billing-buy-credits-button'), navData.pack({ to: 'catalog' }));
}

/** Under `/history`: the page buttons and the CSV export. */
export function createHistoryKeyboard(t: TranslateFn, h: { page: number; pages: number }): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (h.page > 1) kb.text('◀️', historyData.pack({ page: h.page - 1 }));
  if (h.page < h.pages) kb.text('▶️', historyData.pack({ page: h.page + 1 }));
  if (h.pages > 1) kb.row();
  return kb.text(t('history-button-csv'), historyCsvData.pack({}));
}

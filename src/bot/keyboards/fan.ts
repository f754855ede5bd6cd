import { InlineKeyboard } from 'grammy';
import type { Product } from '../../app/ports.ts';
import { buyData, navData } from '../callback-data/index.ts';
import { texts } from '../texts.ts';

export function createWelcomeKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text(texts.startButton, navData.pack({ to: 'catalog' }));
}

/** One button per product (Stars price), then Back (omitted where there is nothing to go back to). */
export function createCatalogKeyboard(products: Product[], withBack = true): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const p of products) kb.text(`⭐ ${p.priceStars} · ${p.title}`, buyData.pack({ product: p.id })).row();
  if (withBack) kb.text(texts.back, navData.pack({ to: 'welcome' }));
  return kb;
}

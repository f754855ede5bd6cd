import { InlineKeyboard } from 'grammy';
import { navData } from '../callback-data/index.ts';
import { texts } from '../texts.ts';

export function createWelcomeKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text(texts.startButton, navData.pack({ to: 'catalog' }));
}

export function createCatalogKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text(texts.back, navData.pack({ to: 'welcome' }));
}

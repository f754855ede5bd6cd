import { createCallbackData } from './codec.ts';

/** Navigation between the fan's screens on one message. */
export const navData = createCallbackData('nav', { to: 'word' });
export const NAV_TARGETS = ['welcome', 'catalog'] as const;
export type NavTarget = (typeof NAV_TARGETS)[number];
export const isNavTarget = (v: string): v is NavTarget => (NAV_TARGETS as readonly string[]).includes(v);

/** Buy a product from the catalog. */
export const buyData = createCallbackData('buy', { product: 'int' });

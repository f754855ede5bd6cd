import { createCallbackData } from './codec.ts';

/** Navigation between the fan's screens on one message. */
export const navData = createCallbackData('nav', { to: 'word' });
export const NAV_TARGETS = ['welcome', 'catalog'] as const;
export type NavTarget = (typeof NAV_TARGETS)[number];
export const isNavTarget = (v: string): v is NavTarget => (NAV_TARGETS as readonly string[]).includes(v);

/** Buy a product from the catalog (Telegram Stars). */
export const buyData = createCallbackData('buy', { product: 'int' });

/** Buy a product by card (a Stripe Checkout link). Also built by app/stripe-events.ts (retry button). */
export const cardPayData = createCallbackData('cardpay', { product: 'int' });

/** The `/autorecharge` screens: `menu`, `on` (pick a pack), `pack` (pick a threshold), `set`, `off`. */
export const autoRechargeData = createCallbackData('ar', {
  action: 'word',
  product: 'int',
  threshold: 'int',
});
export const AR_ACTIONS = ['menu', 'on', 'pack', 'set', 'off'] as const;
export const isArAction = (v: string): v is (typeof AR_ACTIONS)[number] =>
  (AR_ACTIONS as readonly string[]).includes(v);

/** A page of `/history`. */
export const historyData = createCallbackData('hist', { page: 'int' });
/** The `/history` export button; no fields, so any tampering makes it fail to decode. */
export const historyCsvData = createCallbackData('histcsv', {});

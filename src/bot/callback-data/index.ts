import { LOCALES } from '../../domain/shared/index.ts';
import { createCallbackData } from './codec.ts';

/** Navigation between the fan's screens on one message. */
export const NAV_TARGETS = ['welcome', 'catalog'] as const;
export const navData = createCallbackData('nav', { to: NAV_TARGETS });

/** Buy a product from the catalog (Telegram Stars). */
export const buyData = createCallbackData('buy', { product: 'int' });

/** Buy a product by card (a Stripe Checkout link). Also built by app/billing/stripe/payments.ts (retry button). */
export const cardPayData = createCallbackData('cardpay', { product: 'int' });

/** The `/autorecharge` screens: `menu`, `on` (pick a pack), `pack` (pick a threshold), `set`, `off`. */
export const AR_ACTIONS = ['menu', 'on', 'pack', 'set', 'off'] as const;
export const autoRechargeData = createCallbackData('ar', {
  action: AR_ACTIONS,
  product: 'int',
  threshold: 'int',
});

/**
 * Confirm under the notice that paused auto-recharge after its pack changed: the pack and the terms the
 * fan was shown (built by app/admin/products as `arkeep:<product>:<price>:<credits>`).
 */
export const autoRechargeKeepData = createCallbackData('arkeep', {
  product: 'int',
  price: 'int',
  credits: 'int',
});

/** A page of `/history`. */
export const historyData = createCallbackData('hist', { page: 'int' });
/** The `/history` export button; no fields, so any tampering makes it fail to decode. */
export const historyCsvData = createCallbackData('histcsv', {});

/** `/language`: the language picked. */
export const languageData = createCallbackData('lang', { locale: LOCALES });

/** The quick tour of `/start`: its screens, and `finish` (pays the bonus once). */
export const TOUR_STEPS = ['costs', 'buy', 'replies', 'finish'] as const;
export const tourData = createCallbackData('tour', { step: TOUR_STEPS });

/** `/privacy`: ask to delete my data, confirm, or keep it. */
export const PRIVACY_ACTIONS = ['ask', 'yes', 'no'] as const;
export const privacyData = createCallbackData('privacy', { action: PRIVACY_ACTIONS });

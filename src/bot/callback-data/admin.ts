import { DISPUTE_BAN_PREFIX } from '../../app/billing/disputes.ts';
import { CAMPAIGN_CALLBACK } from '../../app/campaigns/delivery.ts';
import { createCallbackData } from './codec.ts';

/** Buttons on a fan's info card. */
export const CARD_ACTIONS = ['info', 'gift', 'ban', 'unban'] as const;
export const cardData = createCallbackData('card', { action: CARD_ACTIONS, user: 'int' });

/**
 * Gift choices: `c` credits (amount) or `t` time pass (amount in seconds). `menu` is the nonce minted
 * when the menu was rendered: the gift is keyed on it, so one menu gifts once however often it is
 * pressed. Buttons from before the nonce (three fields) no longer decode: they have expired.
 */
export const giftData = createCallbackData('gift', {
  kind: ['c', 't'],
  amount: 'int',
  user: 'int',
  menu: 'nonce',
});

/**
 * "Ban this fan" on a dispute alert. The alert is written by the app (app/disputes.ts builds the string
 * with `disputeBanCallback`), so the prefix is the app's: both sides agree by construction.
 */
export const disputeBanData = createCallbackData(DISPUTE_BAN_PREFIX, { user: 'int' });

/**
 * Pause, resume and cancel on a campaign's live progress message. Written by the app (the outbox renders
 * the message: `campaignCallback` builds `cmp:<op>:<id>`), so the prefix is the app's.
 */
export const campaignData = createCallbackData(CAMPAIGN_CALLBACK, {
  op: ['pause', 'resume', 'cancel'] as const,
  id: 'int',
});

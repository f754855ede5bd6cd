import { cardData, giftData } from '../callback-data/admin.ts';

type Keyboard = Array<Array<{ text: string; callback_data: string }>>;

/** The info card's buttons (plain JSON: the outbox stores and sends it). */
export function createCardKeyboard(user: { id: number; isBanned: boolean }): Keyboard {
  return [
    [
      { text: '👤 Info', callback_data: cardData.pack({ action: 'info', user: user.id }) },
      { text: '🎁 Gift', callback_data: cardData.pack({ action: 'gift', user: user.id }) },
      user.isBanned
        ? { text: '🔓 Unban', callback_data: cardData.pack({ action: 'unban', user: user.id }) }
        : { text: '🚫 Ban', callback_data: cardData.pack({ action: 'ban', user: user.id }) },
    ],
  ];
}

export const GIFT_CREDITS = [5, 10, 25, 50] as const;
export const GIFT_PASSES = [
  { label: '1 h', seconds: 3600 },
  { label: '1 d', seconds: 86_400 },
  { label: '7 d', seconds: 7 * 86_400 },
] as const;

/** The gift menu; `menu` is a nonce minted for this rendering (`mintNonce`): the menu gifts once. */
export function createGiftKeyboard(userId: number, menu: string): Keyboard {
  return [
    GIFT_CREDITS.map((n) => ({
      text: `+${n}`,
      callback_data: giftData.pack({ kind: 'c', amount: n, user: userId, menu }),
    })),
    GIFT_PASSES.map((p) => ({
      text: `⏳ ${p.label}`,
      callback_data: giftData.pack({ kind: 't', amount: p.seconds, user: userId, menu }),
    })),
  ];
}

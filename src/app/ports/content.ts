/** Premium content. */

import type { ContentMediaType } from '../../domain/content/index.ts';

export type { ContentMediaType };

export interface ContentMedia {
  type: ContentMediaType;
  fileId: string;
  fileUniqueId: string | null;
}

/** A premium content item with its media in order. */
export interface ContentItem {
  id: number;
  title: string;
  priceCredits: number;
  priceStars: number;
  hidden: boolean;
  sort: number;
  /** Its `unlock` product (the Stars invoice path). */
  productId: number | null;
  media: ContentMedia[];
}

export type ContentUnlockMethod = 'credits' | 'paid_media' | 'invoice';

export interface ContentUnlock {
  userId: number;
  itemId: number;
  method: ContentUnlockMethod;
  credits: number;
  /** The `unlock` ledger entry's key, for a credits unlock. */
  ledgerKey: string | null;
  stars: number;
  paymentId: number | null;
  /** When the media last went out to the fan (null: never, e.g. paid media shows it in the post). */
  lastSentAt: Date | null;
  createdAt: Date;
}

export interface ContentRepo {
  /** Adds an item at the end of the order, with its media and its `unlock` product. */
  create(item: {
    title: string;
    priceCredits: number;
    priceStars: number;
    media: ContentMedia[];
    createdBy: number;
  }): Promise<ContentItem>;
  get(id: number): Promise<ContentItem | null>;
  /** Changes an item (and its product: title, Stars price, active = not hidden); false if unknown. */
  update(
    id: number,
    fields: Partial<Pick<ContentItem, 'title' | 'priceCredits' | 'priceStars' | 'hidden'>>,
  ): Promise<boolean>;
  /** Swaps the item with its neighbour in the order (locks every item); false at either end. */
  move(id: number, direction: 'up' | 'down'): Promise<boolean>;
  /** Every item in order (hidden ones too), for the admins' list. */
  listAll(offset: number, limit: number): Promise<ContentItem[]>;
  countAll(): Promise<number>;
  /** What a fan sees, in order: the items on sale and the hidden ones they own. */
  listForFan(
    userId: number,
    offset: number,
    limit: number,
  ): Promise<Array<ContentItem & { unlocked: boolean }>>;
  countForFan(userId: number): Promise<number>;
  /** 1-based place of the item in the order. */
  position(id: number): Promise<number>;
  unlockCounts(itemIds: number[]): Promise<Map<number, number>>;
  getUnlock(userId: number, itemId: number): Promise<ContentUnlock | null>;
  /** Records an unlock; false when the fan already owns the item (unique on fan and item). */
  addUnlock(u: Omit<ContentUnlock, 'createdAt'>): Promise<boolean>;
  /**
   * Takes the right to send an owned item again: true (and `last_sent_at` := now) unless it went out
   * less than `windowMs` ago. Atomic, so two taps at once send once.
   */
  claimSend(userId: number, itemId: number, now: Date, windowMs: number): Promise<boolean>;
  /** The fan now owns the item through a Stars payment (their credits were returned). */
  convertUnlock(
    userId: number,
    itemId: number,
    to: { method: ContentUnlockMethod; stars: number; paymentId: number | null },
  ): Promise<void>;
  /** Removes the unlock this payment made (a refund); false when the fan owns the item another way. */
  removeUnlockOfPayment(userId: number, itemId: number, paymentId: number): Promise<boolean>;
}

export type ContentDraftStep =
  'media' | 'title' | 'credits' | 'stars' | 'edit_title' | 'edit_credits' | 'edit_stars';

export interface ContentDraft {
  adminId: number;
  step: ContentDraftStep;
  itemId: number | null;
  media: Array<ContentMedia & { messageId: number }>;
  mediaGroupId: string | null;
  title: string | null;
  priceCredits: number | null;
  updatedAt: Date;
}

export interface ContentDraftsRepo {
  /** The admin's draft, locked until the transaction ends (album items race each other). */
  getForUpdate(adminId: number): Promise<ContentDraft | null>;
  get(adminId: number): Promise<ContentDraft | null>;
  /** Inserts or replaces the admin's draft. */
  save(draft: Omit<ContentDraft, 'updatedAt'>, at: Date): Promise<void>;
  /** True when there was one. */
  delete(adminId: number): Promise<boolean>;
}

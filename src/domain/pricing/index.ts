export { MESSAGE_TYPES, type MessageType, DEFAULT_MESSAGE_COSTS, isMessageType } from './message-types.ts';
export {
  type MessageCosts,
  type PricedType,
  type MessageQuoteInput,
  type MessageQuote,
  listPricedTypes,
  quoteMessage,
} from './quote.ts';
export {
  type SavingsInput,
  type SavingsProduct,
  type SavingTip,
  DAY_SECONDS,
  MIN_PACK_SAVING_PERCENT,
  savingTip,
} from './savings.ts';
export {
  MAX_TIER_DISCOUNT,
  NO_DISCOUNTS,
  type TierDiscounts,
  discountedCost,
  discountFor,
  isValidDiscount,
} from './discount.ts';

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
  MAX_TIER_DISCOUNT,
  NO_DISCOUNTS,
  type TierDiscounts,
  discountedCost,
  discountFor,
  isValidDiscount,
} from './discount.ts';

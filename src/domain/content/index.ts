export {
  CONTENT_LIMITS,
  CONTENT_MEDIA_TYPES,
  type ContentMediaType,
  type FieldError,
  canGroup,
  describeMedia,
  isPaidMediaEligible,
  isValidPrice,
  parseCredits,
  parseStars,
  parseTitle,
} from './rules.ts';
export { type PaidMediaOffer, decodePaidMediaPayload, encodePaidMediaPayload } from './payload.ts';

export {
  startFakeStripe,
  type CompleteCheckoutOptions,
  type FailNextOptions,
  type FakeStripe,
  type FakeStripeCall,
  type FakeStripeObjects,
  type PaymentOutcome,
  type StartFakeStripeOptions,
} from './server.ts';
export {
  SUPPORTED_EVENT_TYPES,
  buildEvent,
  signEvent,
  signPayload,
  type BuildEventOptions,
  type EventObjectOf,
  type StripeEventOf,
  type SupportedEventType,
} from './events.ts';
export {
  ERROR_PRESETS,
  type FakeStripeErrorPreset,
  type FakeStripeErrorSpec,
  type StripeErrorBody,
} from './errors.ts';
export { parseStripeForm, type FormParams, type FormValue } from './form.ts';
export { loadStripeFixture, type DeepPartial, type StripeFixtureName } from './fixtures.ts';
export { TEST_PAYMENT_METHODS, type DeclineOutcome, type TestCard } from './objects.ts';

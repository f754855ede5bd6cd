/**
 * Fake Telegram Bot API server for tests. Point grammY at it with `client: { apiRoot: fake.apiRoot }`.
 *
 *   const fake = await startFakeTelegram();
 *   const bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } });
 *   afterEach(() => fake.assertNoViolations());
 */
export {
  DEFAULT_BOT_INFO,
  DEFAULT_TOKEN,
  DROP_CONNECTION,
  LOSE_ANSWER,
  FakeTelegram,
  startFakeTelegram,
  type FailNextOptions,
  type FakeTelegramOptions,
  type InjectedError,
  type MessagesInOptions,
  type RecordedCall,
} from './fake.ts';
export {
  FLOOD_COUNTED_METHODS,
  REAL_FLOOD_LIMITS,
  scaledFloodLimits,
  type FloodLimits,
  type FloodStats,
} from './flood.ts';
export type { FakeMessage, PaymentRecord, TopicState, WebhookState } from './state.ts';
export type { UploadedFile } from './multipart.ts';
export { mediaObject, newFileIds, type MediaKind, type MediaObjects } from './files.ts';
export { administratorMember } from './methods/chats.ts';

/** Message kinds a fan can send, in the order price lists show them. */
export const MESSAGE_TYPES = [
  'text',
  'photo',
  'voice',
  'video',
  'video_note',
  'document',
  'audio',
  'animation',
  'sticker',
] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Credits per message when the owner has not set prices. */
export const DEFAULT_MESSAGE_COSTS: Readonly<Record<MessageType, number>> = Object.freeze({
  text: 1,
  photo: 3,
  voice: 5,
  video: 5,
  video_note: 5,
  document: 3,
  audio: 3,
  animation: 2,
  sticker: 1,
});

/** Narrows a string (an adapter's message kind, a settings key) to a {@link MessageType}. */
export function isMessageType(value: string): value is MessageType {
  return (MESSAGE_TYPES as readonly string[]).includes(value);
}

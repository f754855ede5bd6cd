/**
 * Plausible Telegram files. Real file ids are opaque base64url blobs whose first bytes encode the file
 * type, so a photo id starts with "AgAC", a voice with "AwAC", a document with "BQAC", etc.
 */
import type { Animation, Audio, Document, PhotoSize, Sticker, Video, VideoNote, Voice } from 'grammy/types';

export type MediaKind =
  'photo' | 'video' | 'document' | 'audio' | 'voice' | 'animation' | 'video_note' | 'sticker';

export const MEDIA_KINDS: readonly MediaKind[] = [
  'photo',
  'video',
  'document',
  'audio',
  'voice',
  'animation',
  'video_note',
  'sticker',
];

/** The object a message carries for each kind of media. */
export interface MediaObjects {
  photo: PhotoSize[];
  video: Video;
  document: Document;
  audio: Audio;
  voice: Voice;
  animation: Animation;
  video_note: VideoNote;
  sticker: Sticker;
}

const PREFIX: Record<MediaKind, string> = {
  photo: 'AgACAgIAAxkBAAI',
  video: 'BAACAgIAAxkBAAI',
  document: 'BQACAgIAAxkBAAI',
  audio: 'CQACAgIAAxkBAAI',
  voice: 'AwACAgIAAxkBAAI',
  animation: 'CgACAgIAAxkBAAI',
  video_note: 'DQACAgIAAxkBAAI',
  sticker: 'CAACAgIAAxkBAAI',
};

let counter = 0;

export interface FileIds {
  file_id: string;
  file_unique_id: string;
}

/** A fresh, process-unique pair of file_id / file_unique_id for a file of the given kind. */
export function newFileIds(kind: MediaKind): FileIds {
  counter++;
  const body = Buffer.from(`${kind}:${counter}:${process.pid}`).toString('base64url');
  return {
    file_id: `${PREFIX[kind]}${body}${'A'.repeat(Math.max(0, 40 - body.length))}`,
    file_unique_id: `AgAD${Buffer.from(`u${kind}${counter}`).toString('base64url')}`,
  };
}

export interface FileInfo {
  filename?: string;
  size?: number;
}

/** The media object for a file (three PhotoSizes for a photo, the largest carrying `ids`). */
export function mediaObject<K extends MediaKind>(
  kind: K,
  ids: FileIds = newFileIds(kind),
  info: FileInfo = {},
): MediaObjects[K] {
  const file_size = info.size ?? 48_213;
  const objects: { [P in MediaKind]: () => MediaObjects[P] } = {
    photo: () => [
      {
        file_id: `${ids.file_id}s`,
        file_unique_id: `${ids.file_unique_id}s`,
        width: 90,
        height: 90,
        file_size: 1_312,
      },
      {
        file_id: `${ids.file_id}m`,
        file_unique_id: `${ids.file_unique_id}m`,
        width: 320,
        height: 320,
        file_size: 15_824,
      },
      { ...ids, width: 800, height: 800, file_size },
    ],
    video: () => ({ ...ids, width: 1280, height: 720, duration: 12, mime_type: 'video/mp4', file_size }),
    animation: () => ({ ...ids, width: 480, height: 270, duration: 3, mime_type: 'video/mp4', file_size }),
    video_note: () => ({ ...ids, length: 240, duration: 8, file_size }),
    voice: () => ({ ...ids, duration: 4, mime_type: 'audio/ogg', file_size }),
    audio: () => ({
      ...ids,
      duration: 184,
      mime_type: 'audio/mpeg',
      file_size,
      ...(info.filename ? { file_name: info.filename } : {}),
    }),
    document: () => ({
      ...ids,
      file_name: info.filename ?? 'document.pdf',
      mime_type: 'application/pdf',
      file_size,
    }),
    sticker: () => ({
      ...ids,
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '👍',
      file_size,
    }),
  };
  return objects[kind]();
}

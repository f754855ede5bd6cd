import { randomBytes } from 'node:crypto';

/**
 * Typed callback payloads: `prefix:field1:field2`. Telegram caps callback_data at 64 bytes and hands
 * back whatever a client sends, so decoding validates every field and returns null on anything odd.
 */
/** `int`, a `word`, a `nonce`, or one of a fixed list of words (an enum, checked on decoding). */
type FieldType = 'int' | 'word' | 'nonce' | readonly string[];
type Decoded<F extends Record<string, FieldType>> = {
  [K in keyof F]: F[K] extends 'int' ? number : F[K] extends readonly (infer E)[] ? E : string;
};

export interface CallbackCodec<F extends Record<string, FieldType>> {
  readonly prefix: string;
  /** Matches any data with this prefix (valid or not), for `bot.callbackQuery(codec.filter, …)`. */
  readonly filter: RegExp;
  pack(values: Decoded<F>): string;
  unpack(data: string | undefined): Decoded<F> | null;
}

const WORD = /^[a-z0-9_-]{1,32}$/i;
const NONCE = /^[A-Za-z0-9_-]{8}$/;

/**
 * A fresh 8-character base64url nonce (48 random bits) for a `nonce` field: minted when a message with
 * buttons is rendered, it names that message, so its buttons can act once per message, not per press.
 */
export const mintNonce = (): string => randomBytes(6).toString('base64url');

export function createCallbackData<F extends Record<string, FieldType>>(
  prefix: string,
  fields: F,
): CallbackCodec<F> {
  const keys = Object.keys(fields) as Array<keyof F & string>;
  return {
    prefix,
    filter: new RegExp(`^${prefix}(:|$)`),
    pack(values) {
      const data = [prefix, ...keys.map((k) => String(values[k]))].join(':');
      if (Buffer.byteLength(data) > 64) throw new RangeError(`callback data over 64 bytes: ${data}`);
      return data;
    },
    unpack(data) {
      if (!data) return null;
      const parts = data.split(':');
      if (parts[0] !== prefix || parts.length !== keys.length + 1) return null;
      const out: Record<string, string | number> = {};
      for (const [i, key] of keys.entries()) {
        const raw = parts[i + 1]!;
        const type = fields[key]!;
        if (type === 'int') {
          if (!/^-?\d{1,15}$/.test(raw)) return null;
          out[key] = Number(raw);
        } else if (typeof type !== 'string') {
          if (!type.includes(raw)) return null;
          out[key] = raw;
        } else {
          if (!(type === 'nonce' ? NONCE : WORD).test(raw)) return null;
          out[key] = raw;
        }
      }
      return out as Decoded<F>;
    },
  };
}

import { GrammyError, HttpError } from 'grammy';
import { scrubPatterns } from './redact.ts';

/**
 * pino serializer for errors (`err`, and the `error` / `e` keys some call sites use). grammY errors are
 * reduced to what an operator needs: an HttpError's nested fetch error carries the request URL with the
 * bot token, and a GrammyError carries the whole request payload (fans' messages). Every other error
 * keeps its fields; every string is scrubbed of anything that looks like a token or a key.
 */
export function serializeError(value: unknown): unknown {
  return serialize(value, 0, new WeakSet());
}

/** pino `formatters.log`: an error under any other key of a log call is serialised the same way. */
export function serializeErrorFields(obj: Record<string, unknown>): Record<string, unknown> {
  let out = obj;
  for (const [key, value] of Object.entries(obj)) {
    if (!(value instanceof Error)) continue;
    if (out === obj) out = { ...obj };
    out[key] = serializeError(value);
  }
  return out;
}

const MAX_DEPTH = 4;

function serialize(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value instanceof HttpError) {
    return {
      type: 'HttpError',
      message: scrubPatterns(value.message),
      ...methodOf(value.message),
      ...causeOf(value.error),
    };
  }
  if (value instanceof GrammyError) {
    const parameters = Object.keys(value.parameters).length > 0 ? { parameters: value.parameters } : {};
    return {
      type: 'GrammyError',
      message: scrubPatterns(value.message),
      method: value.method,
      error_code: value.error_code,
      description: scrubPatterns(value.description),
      ...parameters,
    };
  }
  if (!isErrorLike(value)) return scrubValue(value, depth, seen);
  if (seen.has(value) || depth > MAX_DEPTH)
    return { type: typeOf(value), message: scrubPatterns(value.message) };
  seen.add(value);
  const out: Record<string, unknown> = {
    type: typeOf(value),
    message: scrubPatterns(value.message),
    stack: typeof value.stack === 'string' ? scrubPatterns(value.stack) : undefined,
  };
  for (const [key, v] of Object.entries(value)) {
    if (key in out || typeof v === 'function') continue;
    out[key] = isErrorLike(v) ? serialize(v, depth + 1, seen) : scrubValue(v, depth + 1, seen);
  }
  // `cause` is usually not enumerable (new Error(msg, { cause })).
  if ('cause' in value && value.cause !== undefined && !('cause' in out))
    out.cause = serialize(value.cause, depth + 1, seen);
  if (value instanceof AggregateError) out.errors = value.errors.map((e) => serialize(e, depth + 1, seen));
  return out;
}

/** "Network request for 'getUpdates' failed!" → getUpdates. */
function methodOf(message: string): { method?: string } {
  const m = /'([A-Za-z]+)'/.exec(message);
  return m ? { method: m[1]! } : {};
}

/** A short code for what failed underneath: ECONNRESET, ENOTFOUND, AbortError, timeout. */
function causeOf(error: unknown): { cause?: string } {
  if (!isErrorLike(error)) return {};
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code) return { cause: code };
  if (/timed out/i.test(error.message)) return { cause: 'timeout' };
  return { cause: typeOf(error) };
}

type ErrorLike = Error & Record<string, unknown>;

function isErrorLike(v: unknown): v is ErrorLike {
  return (
    v instanceof Error ||
    (typeof v === 'object' &&
      v !== null &&
      typeof (v as Error).message === 'string' &&
      typeof (v as Error).stack === 'string')
  );
}

function typeOf(err: Error): string {
  const ctor = (err.constructor as { name?: string } | undefined)?.name;
  return ctor && ctor !== 'Error' && ctor !== 'Object' ? ctor : err.name;
}

function scrubValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubPatterns(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[…]';
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => serialize(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = serialize(v, depth + 1, seen);
  return out;
}

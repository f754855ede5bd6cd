import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { serializeError } from './serialize-error.ts';

const TOKEN = '123456789:AAHexampleSecretPartOfTheToken_abc-123';
const SECRET_PART = TOKEN.split(':')[1]!;

function fetchError(message: string, code?: string): Error {
  const err = new Error(message) as Error & { code?: string; errno?: string };
  err.name = 'FetchError';
  if (code) err.code = err.errno = code;
  return err;
}

const url = (method: string) => `https://api.telegram.org/bot${TOKEN}/${method}`;

describe('serializeError', () => {
  it.each([
    [
      'a connection reset',
      new HttpError(
        "Network request for 'sendMessage' failed!",
        fetchError(`request to ${url('sendMessage')} failed, reason: socket hang up`, 'ECONNRESET'),
      ),
      { type: 'HttpError', method: 'sendMessage', cause: 'ECONNRESET' },
    ],
    [
      'a DNS failure',
      new HttpError(
        "Network request for 'getUpdates' failed!",
        fetchError(`request to ${url('getUpdates')} failed, reason: getaddrinfo ENOTFOUND`, 'ENOTFOUND'),
      ),
      { type: 'HttpError', method: 'getUpdates', cause: 'ENOTFOUND' },
    ],
    [
      'a timeout',
      new HttpError(
        "Network request for 'getMe' failed!",
        new Error("Request to 'getMe' timed out after 30 seconds"),
      ),
      { type: 'HttpError', method: 'getMe', cause: 'timeout' },
    ],
  ])('keeps type, method and a short cause of %s, and nothing else', (_label, err, expected) => {
    const out = serializeError(err) as Record<string, unknown>;
    expect(out).toMatchObject(expected);
    expect(Object.keys(out).sort()).toEqual(['cause', 'message', 'method', 'type']);
    expect(JSON.stringify(out)).not.toContain(SECRET_PART);
  });

  it('keeps what Telegram answered of a GrammyError, not the payload', () => {
    const err = new GrammyError(
      "Call to 'sendMessage' failed!",
      {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 5',
        parameters: { retry_after: 5 },
      },
      'sendMessage',
      { chat_id: 1, text: 'a fan’s private words' },
    );
    expect(serializeError(err)).toEqual({
      type: 'GrammyError',
      message: "Call to 'sendMessage' failed! (429: Too Many Requests: retry after 5)",
      method: 'sendMessage',
      error_code: 429,
      description: 'Too Many Requests: retry after 5',
      parameters: { retry_after: 5 },
    });
  });

  it.each([
    ['in the message', () => new Error(`GET ${url('getFile')} failed`)],
    ['in a field', () => Object.assign(new Error('failed'), { url: url('getFile') })],
    ['in a nested error', () => Object.assign(new Error('failed'), { error: fetchError(url('getFile')) })],
    ['in the cause', () => new Error('wrapped', { cause: fetchError(`request to ${url('getMe')}`) })],
    [
      'in an HttpError cause',
      () =>
        new Error('wrapped', {
          cause: new HttpError("Network request for 'getMe' failed!", fetchError(url('getMe'))),
        }),
    ],
    ['in an aggregate', () => new AggregateError([fetchError(url('getMe'))], 'several')],
    [
      'in the stack',
      () => {
        const e = new Error('x');
        e.stack = `Error: ${url('getMe')}\n    at here`;
        return e;
      },
    ],
  ])('scrubs a token %s of any other error', (_label, make) => {
    const out = JSON.stringify(serializeError(make()));
    expect(out).not.toContain(SECRET_PART);
    expect(out).toMatch(/bot123456789:\[redacted\]|"type":"HttpError"/);
  });

  it('keeps the fields of other errors and survives cycles', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (id)=(1) exists' });
    (err as any).self = err;
    expect(serializeError(err)).toMatchObject({
      type: 'Error',
      message: 'duplicate key',
      code: '23505',
      detail: 'Key (id)=(1) exists',
    });
  });

  it.each([
    ['a string', `failed at ${url('getMe')}`],
    ['an object', { url: url('getMe') }],
  ])('scrubs %s logged under an error key', (_label, value) => {
    expect(JSON.stringify(serializeError(value))).not.toContain(SECRET_PART);
  });
});

describe('createLogger', () => {
  function capture(secrets: string[] = []) {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      secrets,
      destination: { write: (s: string) => void lines.push(s) },
    });
    return { logger, text: () => lines.join('') };
  }
  const httpError = () =>
    new HttpError(
      "Network request for 'sendMessage' failed!",
      fetchError(`request to ${url('sendMessage')}`, 'ECONNRESET'),
    );

  it.each([
    ['err', (l: ReturnType<typeof capture>['logger']) => l.error({ err: httpError() }, 'x')],
    ['error', (l: ReturnType<typeof capture>['logger']) => l.error({ error: httpError() }, 'x')],
    ['e', (l: ReturnType<typeof capture>['logger']) => l.error({ e: httpError() }, 'x')],
    ['the first argument', (l: ReturnType<typeof capture>['logger']) => l.error(httpError())],
    ['any other key', (l: ReturnType<typeof capture>['logger']) => l.error({ failure: httpError() }, 'x')],
    [
      'a child logger',
      (l: ReturnType<typeof capture>['logger']) => l.child({ a: 1 }).warn({ err: httpError() }, 'x'),
    ],
  ])('serialises a grammY HttpError logged as %s', (_label, log) => {
    const c = capture();
    log(c.logger);
    const line = JSON.parse(c.text()) as Record<string, any>;
    const err = line.err ?? line.error ?? line.e ?? line.failure;
    expect(err).toMatchObject({ type: 'HttpError', method: 'sendMessage', cause: 'ECONNRESET' });
    expect(c.text()).not.toContain(SECRET_PART);
  });

  it('scrubs configured secrets from every line, whatever key holds them', () => {
    const c = capture([TOKEN, SECRET_PART, 'db-password-1']);
    c.logger.info(
      { some: { deep: { value: `x${SECRET_PART}x`, b64: Buffer.from(TOKEN).toString('base64') } } },
      'password db-password-1',
    );
    expect(c.text()).not.toContain(SECRET_PART);
    expect(c.text()).not.toContain('db-password-1');
    expect(c.text()).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(c.text()).toContain('[redacted]');
  });

  it('still takes a level and a destination', () => {
    const lines: string[] = [];
    createLogger('info', { write: (s: string) => void lines.push(s) }).info(`token ${TOKEN}`);
    expect(lines.join('')).not.toContain(SECRET_PART);
  });
});

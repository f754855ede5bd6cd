import { pino, type Logger, type LevelWithSilent } from 'pino';
import { logFields } from './logging/context.ts';
import { createScrubber } from './logging/redact.ts';
import { serializeError, serializeErrorFields } from './logging/serialize-error.ts';

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  destination?: pino.DestinationStream;
  /** Values that must never reach a log line (see secretValues in logging/redact.ts). */
  secrets?: readonly string[];
}

/**
 * JSON logs to stdout. Errors are serialised without grammY's request URL (it holds the bot token) or
 * payloads, and every line is scrubbed of the configured secrets and of anything that looks like a token
 * or a Stripe key before it is written. A line written while an update or a request is handled carries
 * its `update_id` / `req_id` (logging/context.ts). `createLogger('silent')` still works for tests.
 */
export function createLogger(
  options: LevelWithSilent | LoggerOptions,
  destination?: pino.DestinationStream,
): Logger {
  const opts = typeof options === 'string' ? { level: options, destination } : options;
  const scrub = createScrubber(opts.secrets);
  return pino(
    {
      level: opts.level,
      base: { service: 'fanbridge' },
      // The update or request being handled (logging/context.ts), on every line written for it.
      mixin: () => logFields(),
      serializers: { err: serializeError, error: serializeError, e: serializeError },
      formatters: { log: serializeErrorFields },
      redact: {
        paths: [
          'botToken',
          'config.botToken',
          '*.secretKey',
          '*.webhookSecret',
          'headers["x-telegram-bot-api-secret-token"]',
        ],
        censor: '[redacted]',
      },
      hooks: { streamWrite: scrub },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

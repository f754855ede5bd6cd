import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** JSON logs to stdout; secrets that might ride along in objects are redacted. */
export function createLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'fanbridge' },
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
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

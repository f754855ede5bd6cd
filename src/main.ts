import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { PollerLockedError } from './db/poller-lock.ts';
import { createLogger, type Logger } from './logger.ts';
import { createScrubber, secretValues } from './logging/redact.ts';
import { tuneHeap } from './runtime-flags.ts';
import { StartupError, startApp } from './server.ts';

/** Errors that mean "the operator must fix something": one clear line, no stack trace. */
export function isOperatorError(err: unknown): err is Error {
  return (
    err instanceof ConfigError ||
    err instanceof DatabaseUnavailableError ||
    err instanceof DataDirLockedError ||
    err instanceof PollerLockedError ||
    err instanceof StartupError
  );
}

async function main(): Promise<void> {
  tuneHeap();
  // Until the config names the secrets, only what looks like a token or a key is scrubbed.
  let scrub = createScrubber();
  let logger: Logger | null = null;
  const report = (what: string, err: unknown) => {
    if (logger) logger.error({ err }, what);
    else process.stderr.write(scrub(`fanbridge: ${what}: ${(err as Error)?.stack ?? String(err)}\n`));
  };
  process.on('unhandledRejection', (err) => report('unhandled promise rejection', err));
  process.on('uncaughtException', (err) => {
    report('uncaught exception', err);
    process.exit(1);
  });

  try {
    const config = loadConfig();
    const secrets = secretValues(config);
    scrub = createScrubber(secrets);
    const log = createLogger({ level: config.logLevel, secrets });
    logger = log;
    const app = await startApp(config, log);
    let signalled = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (signalled) {
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      signalled = true;
      log.info({ signal }, 'shutting down: finishing in-flight work');
      app.stop().then(
        () => {
          log.info('stopped cleanly');
          process.exit(0);
        },
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  } catch (err) {
    process.stderr.write(
      scrub(
        isOperatorError(err)
          ? `fanbridge: ${err.message}\n`
          : `fanbridge: failed to start: ${(err as Error)?.stack ?? String(err)}\n`,
      ),
    );
    process.exit(1);
  }
}

void main();

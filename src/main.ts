import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { createLogger } from './logger.ts';
import { StartupError, startApp } from './server.ts';

/** Errors that mean "the operator must fix something": one clear line, no stack trace. */
export function isOperatorError(err: unknown): err is Error {
  return (
    err instanceof ConfigError ||
    err instanceof DatabaseUnavailableError ||
    err instanceof DataDirLockedError ||
    err instanceof StartupError
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled promise rejection'));

  const app = await startApp(config, logger);
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'shutting down: finishing in-flight work');
    app.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  if (isOperatorError(err)) {
    process.stderr.write(`fanbridge: ${err.message}\n`);
  } else {
    process.stderr.write(`fanbridge: failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});

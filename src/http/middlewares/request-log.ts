import { createMiddleware } from 'hono/factory';
import type { Logger } from '../../logger.ts';

/**
 * One structured line per request, with a request id echoed back to the caller. Answered health checks
 * and Telegram updates (one per fan message: the hot path) log at debug; everything else at info.
 */
export function requestLog(logger: Logger) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    const id = c.req.header('x-request-id') ?? crypto.randomUUID();
    c.header('x-request-id', id);
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = { req_id: id, method: c.req.method, path: c.req.path, status, ms };
    if (status >= 500) logger.error(line, 'request');
    else if (status === 200 && (c.req.path === '/health' || c.req.path === '/telegram-webhook'))
      logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}

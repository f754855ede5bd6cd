import { createMiddleware } from 'hono/factory';
import { withLogFields } from '../../logging/context.ts';
import type { Logger } from '../../logger.ts';

/**
 * One structured line per request, with a request id echoed back to the caller. Answered health checks
 * and Telegram updates (one per fan message: the hot path) log at debug; everything else at info.
 */
export function requestLog(logger: Logger) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    // A caller's id is kept when it is a plain token (it goes on every line); anything else gets ours.
    const given = c.req.header('x-request-id');
    const id = given && /^[\w.:-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    c.header('x-request-id', id);
    // Every line written while the request is handled carries its id (an update's lines add update_id).
    await withLogFields({ req_id: id }, next);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = { req_id: id, method: c.req.method, path: c.req.path, status, ms };
    if (status >= 500) logger.error(line, 'request');
    else if (status === 200 && (c.req.path === '/health' || c.req.path === '/telegram-webhook'))
      logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}

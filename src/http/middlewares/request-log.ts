import { createMiddleware } from 'hono/factory';
import type { Logger } from '../../logger.ts';

/** One structured line per request, with a request id echoed back to the caller. */
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
    else if (c.req.path === '/health' && status === 200) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';

export interface MetricsRouteDeps {
  /** The bearer token Prometheus must send (`METRICS_TOKEN`). */
  token: string;
  /** The exposition text (prom-client behind it, wired by the composition root). */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Constant time whatever the lengths: both sides are hashed to the same size first. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

/**
 * `GET /metrics` in Prometheus's text format, for a scraper holding the token (`Authorization: Bearer
 * <METRICS_TOKEN>`); 401 otherwise. Mounted only when METRICS_TOKEN is set (else the path is a 404).
 */
export function metricsRoute(deps: MetricsRouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    if (!tokenMatches(c.req.header('authorization'), deps.token))
      return c.json({ ok: false, error: 'wrong or missing bearer token' }, 401, {
        'www-authenticate': 'Bearer realm="metrics"',
      });
    const { contentType, body } = await deps.render();
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
}

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Metrics } from '../app/ports/index.ts';
import type { Logger } from '../logger.ts';
import { requestLog } from './middlewares/request-log.ts';
import { healthRoute, type HealthDeps } from './routes/health.ts';
import { metricsRoute, type MetricsRouteDeps } from './routes/metrics.ts';
import { stripeWebhookRoute, type StripeWebhookDeps } from './routes/stripe-webhook.ts';
import { telegramWebhookRoute, type UpdateInbox } from './routes/telegram-webhook.ts';

export interface HttpDeps {
  logger: Logger;
  health: HealthDeps;
  /** Mounted in webhook mode only. */
  telegram: { inbox: UpdateInbox; secret: string } | null;
  /** Mounted when Stripe is configured (in both webhook and polling mode). */
  stripe: Omit<StripeWebhookDeps, 'logger'> | null;
  /** `GET /metrics`, mounted when METRICS_TOKEN is set (a 404 otherwise). */
  metrics?: MetricsRouteDeps | null;
  /** Counts webhook acknowledgement times and failed requests. */
  counters?: Pick<Metrics, 'webhookAck' | 'error'>;
}

export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  app.use(requestLog(deps.logger));
  app.route('/health', healthRoute(deps.health, deps.logger));
  if (deps.telegram) {
    const counters = deps.counters;
    if (counters)
      app.use('/telegram-webhook', async (c, next) => {
        const started = performance.now();
        await next();
        counters.webhookAck((performance.now() - started) / 1000, c.res.status);
      });
    app.route('/telegram-webhook', telegramWebhookRoute(deps.telegram));
  }
  if (deps.metrics) app.route('/metrics', metricsRoute(deps.metrics));
  if (deps.stripe) app.route('/stripe-webhook', stripeWebhookRoute({ ...deps.stripe, logger: deps.logger }));
  app.notFound((c) => c.json({ ok: false, error: 'not found' }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500)
      return c.json({ ok: false, error: err.message }, err.status);
    deps.logger.error({ err, method: c.req.method, path: c.req.path }, 'request failed');
    deps.counters?.error('request');
    return c.json({ ok: false, error: 'internal error' }, 500);
  });
  return app;
}

/**
 * An in-process, stateful stand-in for the part of the Stripe v1 API fanbridge uses, served by Hono
 * on an ephemeral 127.0.0.1 port so the real `stripe` SDK can talk to it
 * (`createStripeClient({ apiBase: fake.apiBase, secretKey: 'sk_test_…' })`).
 *
 * Behaviour mirrored from Stripe: form-encoded params with bracket nesting, objects shaped on the
 * OpenAPI fixtures, `Request-Id` headers, the v1 error JSON (`{ error: { type, code, message,
 * param, … } }`) with the status codes the SDK maps to its error classes, idempotency keys (replay /
 * `idempotency_error`), `expand[]`, list pagination, test-mode keys only (`sk_test_`/`rk_test_`).
 *
 * One file per resource under routes/ (like the fake Telegram's), the shared state in state.ts, form
 * params in params.ts, responses in respond.ts, the middleware in app.ts, test controls in controls.ts.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { testControls } from './controls.ts';
import { type FakeStripe, type FakeStripeObjects, type StartFakeStripeOptions, State } from './state.ts';

export type {
  CompleteCheckoutOptions,
  FailNextOptions,
  FakeStripe,
  FakeStripeCall,
  FakeStripeObjects,
  PaymentOutcome,
  StartFakeStripeOptions,
} from './state.ts';

/** Starts a fresh fake on 127.0.0.1; `close()` it in `afterAll`/`afterEach`. */
export async function startFakeStripe(opts: StartFakeStripeOptions = {}): Promise<FakeStripe> {
  const state = new State();
  const app = createApp(state);
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    calls: state.calls,
    objects: state.store as unknown as FakeStripeObjects,
    events: state.events,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // The SDK keeps sockets alive; don't wait for them to idle out.
        server.closeAllConnections();
      });
      return closed;
    },
    ...testControls(state),
  };
}

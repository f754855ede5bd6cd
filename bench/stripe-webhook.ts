/**
 * Stripe webhook benchmark: `npm run bench:stripe [-- --payments 200 --concurrency 20 --repeats 3]`.
 *
 * In one process: the whole app (webhook route, pg-boss worker, outbox) against the fake Bot API and the
 * fake Stripe server, on in-memory PGlite, or on PostgreSQL when TEST_DATABASE_URL is set. It makes
 * `payments` card payments (fan, Customer, Checkout Session, completed on the fake), then:
 *
 *   1. delivery   POSTs every event Stripe recorded (payment_intent.succeeded + checkout.session.completed
 *                 per payment), `concurrency` at a time, signed as Stripe signs them: ack latency, and the
 *                 time until every payment is granted (events applied per second);
 *   2. storm      POSTs every event again `repeats` times at once: ack latency, and that nothing more is
 *                 granted.
 *
 * Prints a table and one JSON line. Exits 1 when a grant is missing or doubled, a webhook answered
 * anything but 200, or the ledger check fails.
 */
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { ledgerEntries, products, stripeEvents } from '../src/db/schema/index.ts';
import { createUnitOfWork } from '../src/db/repos/index.ts';
import { engineName } from '../test/support/db.ts';
import { postStripeEvent, startStripeApp } from '../test/support/stripe.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '20' },
    repeats: { type: 'string', default: '3' },
  },
});
const N = Number(values.payments);
const CONCURRENCY = Number(values.concurrency);
const REPEATS = Number(values.repeats);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

const stack = await startStripeApp();
const { t, stripe, fake } = stack;
let failed = false;
try {
  const services = t.app.deps.services;
  const uow = createUnitOfWork(t.db.database);
  const [pack] = await t.db.database.db.select().from(products).where(eq(products.title, '10 credits'));

  const setupStart = performance.now();
  for (let i = 0; i < N; i++) {
    const userId = 5_000_000 + i;
    await uow.repos.users.upsert({ id: userId, firstName: `Fan ${i}` }, new Date());
    const res = await services.billing.startCheckout({
      userId,
      productId: pack!.id,
      botUsername: fake.botInfo.username,
    });
    if (!res.ok) throw new Error(`checkout failed: ${res.code}`);
    const session = [...stripe.objects.checkoutSessions.values()].at(-1)!;
    stripe.completeCheckoutSession(session.id);
  }
  const setupMs = performance.now() - setupStart;
  const events: Stripe.Event[] = stripe.events.filter((e) =>
    ['payment_intent.succeeded', 'checkout.session.completed'].includes(e.type),
  );

  const grants = async () =>
    (
      await t.db.database.db
        .select({ n: count() })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.reason, 'purchase'))
    )[0]!.n;

  // 1. delivery
  const acks: number[] = [];
  let non200 = 0;
  const post = async (e: Stripe.Event) => {
    const t0 = performance.now();
    const res = await postStripeEvent(t, e);
    acks.push(performance.now() - t0);
    if (res.status !== 200) non200++;
    await res.arrayBuffer();
  };
  const start = performance.now();
  await pool(events, CONCURRENCY, post);
  const postedMs = performance.now() - start;
  while ((await grants()) < N) await new Promise((r) => setTimeout(r, 20));
  const grantedMs = performance.now() - start;
  // Let the second event of each payment be processed too (as a duplicate).
  const processedAll = async () => (await t.db.database.db.select({ n: count() }).from(stripeEvents))[0]!.n;
  while ((await processedAll()) < events.length) await new Promise((r) => setTimeout(r, 20));
  const appliedMs = performance.now() - start;

  // 2. storm
  const stormAcks: number[] = [];
  const stormStart = performance.now();
  await pool(
    events.flatMap((e) => Array.from({ length: REPEATS }, () => e)),
    CONCURRENCY,
    async (e) => {
      const t0 = performance.now();
      const res = await postStripeEvent(t, e);
      stormAcks.push(performance.now() - t0);
      if (res.status !== 200) non200++;
      await res.arrayBuffer();
    },
  );
  const stormMs = performance.now() - stormStart;
  await new Promise((r) => setTimeout(r, 2000));
  const finalGrants = await grants();
  const ledger = await services.checkLedger();

  const figures = {
    engine: engineName,
    payments: N,
    events: events.length,
    concurrency: CONCURRENCY,
    setupMs: Math.round(setupMs),
    ackP50Ms: round(pct(acks, 50)),
    ackP99Ms: round(pct(acks, 99)),
    postedMs: Math.round(postedMs),
    allGrantedMs: Math.round(grantedMs),
    allProcessedMs: Math.round(appliedMs),
    eventsAppliedPerSec: round(events.length / (appliedMs / 1000)),
    stormPosts: stormAcks.length,
    stormAckP50Ms: round(pct(stormAcks, 50)),
    stormAckP99Ms: round(pct(stormAcks, 99)),
    stormMs: Math.round(stormMs),
    grants: finalGrants,
    non200,
    ledgerOk: ledger.ok,
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
  failed = finalGrants !== N || non200 > 0 || !ledger.ok;
  console.log(`\nStripe webhook bench (${engineName}): ${N} payments, ${events.length} events`);
  console.log(
    `  ack p50 / p99           ${figures.ackP50Ms} / ${figures.ackP99Ms} ms (concurrency ${CONCURRENCY})`,
  );
  console.log(`  all granted after       ${figures.allGrantedMs} ms (posting took ${figures.postedMs} ms)`);
  console.log(
    `  all events processed    ${figures.allProcessedMs} ms → ${figures.eventsAppliedPerSec} events/s`,
  );
  console.log(
    `  storm: ${figures.stormPosts} repeats   ack p50 / p99 ${figures.stormAckP50Ms} / ${figures.stormAckP99Ms} ms`,
  );
  console.log(`  grants ${finalGrants}/${N}, non-200 ${non200}, ledger ${ledger.ok ? 'clean' : 'BROKEN'}`);
  console.log(JSON.stringify(figures));
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);

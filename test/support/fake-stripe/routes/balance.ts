/** The fake Stripe's balance: `GET /v1/balance`, what the System screen's reachability check reads. */
import type Stripe from 'stripe';
import type { RouteKit } from './kit.ts';

export function balanceRoutes({ app, store }: RouteKit) {
  app.get('/v1/balance', (c) => {
    // Captured charges less their refunds, per currency, all still pending (the fake never pays out).
    const pending = new Map<string, number>();
    for (const ch of store.charges.values()) {
      if (!ch.captured) continue;
      pending.set(ch.currency, (pending.get(ch.currency) ?? 0) + ch.amount - ch.amount_refunded);
    }
    const amounts = [...pending].map(([currency, amount]) => ({
      amount,
      currency,
      source_types: { card: amount },
    }));
    const balance: Stripe.Balance = {
      object: 'balance',
      available: amounts.map((a) => ({ ...a, amount: 0 })),
      pending: amounts,
      livemode: false,
    };
    return c.json(balance);
  });
}

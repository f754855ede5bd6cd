/** The fake Stripe's billing portal routes. */
import { buildPortalSession } from '../objects.ts';
import { obj, reqStr, str, url } from '../params.ts';
import { render } from '../respond.ts';
import type { RouteKit } from './kit.ts';

export function billingPortalRoutes({ app, state, store, mustGet }: RouteKit): void {
  app.post('/v1/billing_portal/sessions', (c) => {
    const p = c.var.params;
    const customer = mustGet('customers', reqStr(p, 'customer'), 'customer', 'customer');
    const flowData = obj(p, 'flow_data');
    const session = buildPortalSession({
      customer: customer.id,
      return_url: url(p, 'return_url'),
      ...(str(p, 'configuration') ? { configuration: str(p, 'configuration') } : {}),
      locale: str(p, 'locale') || null,
      flow: flowData
        ? { ...flowData, after_completion: flowData.after_completion ?? { type: 'portal_homepage' } }
        : null,
    });
    store.billingPortalSessions.set(session.id, session);
    return render(state, c, session);
  });
}

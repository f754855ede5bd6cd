import { eq, lt } from 'drizzle-orm';
import type { StripeEventsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { stripeEvents } from '../schema/index.ts';

export function stripeEventsRepo(db: DbOrTx): StripeEventsRepo {
  return {
    async claim(eventId, type) {
      // Inside the applying transaction: a concurrent copy of the event waits on this key, then finds it.
      const rows = await db
        .insert(stripeEvents)
        .values({ eventId, type, outcome: 'applied' })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.eventId });
      return rows.length === 1;
    },
    async setOutcome(eventId, outcome) {
      await db.update(stripeEvents).set({ outcome }).where(eq(stripeEvents.eventId, eventId));
    },
    async pruneOlderThan(cutoff) {
      const rows = await db
        .delete(stripeEvents)
        .where(lt(stripeEvents.processedAt, cutoff))
        .returning({ id: stripeEvents.eventId });
      return rows.length;
    },
    async get(eventId) {
      const [row] = await db
        .select({ type: stripeEvents.type, outcome: stripeEvents.outcome })
        .from(stripeEvents)
        .where(eq(stripeEvents.eventId, eventId));
      return row ?? null;
    },
  };
}

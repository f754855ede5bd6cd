import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repos, UnitOfWork } from '../../src/app/ports/index.ts';
import { mirrorFanEdit, type FanEdit } from '../../src/app/relay/edits.ts';
import { ADMIN_GROUP_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

/** A fan's message relayed into their topic as a forward (an edit of it is a charged note). */
async function forwarded(userId: number, messageId: number): Promise<void> {
  await s.ensureFan(userId);
  await s.grant(userId, 10);
  await s.uow.repos.links.add({
    userId,
    direction: 'in',
    fanChatId: userId,
    fanMessageId: messageId,
    groupChatId: ADMIN_GROUP_ID,
    groupThreadId: 7,
    groupMessageId: 900 + messageId,
    adminId: null,
    mode: 'forward',
  });
}

const edit = (userId: number, messageId: number, text: string, editDate: number): FanEdit => ({
  userId,
  chatId: userId,
  messageId,
  sentAt: s.clock.now(),
  editDate,
  content: { kind: 'text', text, entities: [] },
});

/** The fan's edit items still to be sent: id, status, and the note's text. */
const openEdits = async (userId: number) =>
  (await s.outboxRows())
    .filter((r) => r.idempotencyKey.startsWith(`edit:in:${userId}:`) && r.status !== 'done')
    .map((r) => ({ id: r.id, status: r.status, note: JSON.stringify(r.payload) }));
/** How many charges the fan's ledger holds. */
const spends = async (userId: number) =>
  ((await s.uow.repos.ledger.snapshot()).find((a) => a.userId === userId)?.entries ?? []).filter(
    (e) => e.delta < 0,
  ).length;

/**
 * A unit of work whose first look for a pending edit finds none because the previous edit is being
 * sent, after which the sender puts it back to waiting (a 429) before this edit is written: the
 * interleaving two connections produce, played on one (PGlite has one). The sender's write is its own
 * transaction: it is made inside this one, so this one's write meets it, and made again after this one
 * ends, as it stands whatever becomes of this one.
 */
function requeuedWhileLooking(previousId: number): UnitOfWork {
  let requeued = false;
  const requeue = (r: Repos) => r.outbox.reschedule(previousId, s.clock.now(), { countAttempt: false });
  return {
    ...s.uow,
    run: async (fn) => {
      try {
        return await s.uow.run((r) => {
          const outbox: Repos['outbox'] = {
            ...r.outbox,
            coalesce: async (...args) => {
              const merged = await r.outbox.coalesce(...args);
              if (!requeued) {
                requeued = true;
                await requeue(r);
              }
              return merged;
            },
          };
          return fn({ ...r, outbox });
        });
      } finally {
        if (requeued) await requeue(s.uow.repos);
      }
    },
  };
}

describe("a fan's edit while the previous edit of the message goes back to waiting", () => {
  it('merges into it, charged once: the newest text is what waits, nothing is lost', async () => {
    await forwarded(6001, 11);
    const now = Math.floor(Date.now() / 1000);
    const first = await mirrorFanEdit({ uow: s.uow, clock: s.clock }, edit(6001, 11, 'v1', now + 1));
    expect(first).toMatchObject({ ok: true, coalesced: false });
    const [previous] = await openEdits(6001);
    // The sender takes it…
    await s.db.database.db.execute(sql`update outbox set status = 'sending' where id = ${previous!.id}`);
    expect(await spends(6001)).toBe(1);

    // …and, while the next edit is being handled, Telegram answers 429: it waits again.
    const second = await mirrorFanEdit(
      { uow: requeuedWhileLooking(previous!.id), clock: s.clock },
      edit(6001, 11, 'v2', now + 2),
    );

    expect(second).toMatchObject({ ok: true, coalesced: true });
    const open = await openEdits(6001);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: previous!.id, status: 'pending' });
    expect(open[0]!.note).toContain('v2');
    // The merged edit is free, as any edit that replaces one still waiting: the charge was undone.
    expect(await spends(6001)).toBe(1);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { laneOf } from '../../../src/bot/inbound.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { clearFaults, failInserts } from '../../support/faults.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { command, fanUser, privateText } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  t = await startTestApp(fake, {
    env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) },
    outbox: { budgets: defaultBudgets(1000) },
    // A failed update waits 1.5 s before it runs again: long enough to see who is (not) held up by it.
    updateRetryDelaysMs: [1_500],
    inbound: { pollMs: 100 },
  });
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});
afterEach(async () => {
  await clearFaults(t.db.database, 'inbound_updates');
  await clearFaults(t.db.database, 'ledger_entries');
  fake.assertNoViolations();
});

const textsTo = (id: number) => fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.chat_id === id);
const relaysOf = (id: number) =>
  fake.callsTo('copyMessage').filter((c) => c.ok && c.payload.from_chat_id === id);

describe('webhook updates are stored, answered, then handled in order per chat', () => {
  it('an update that cannot be stored is answered 503 and handled once when Telegram delivers it again', async () => {
    const fan = fanUser(9301);
    const update = command(fan, '/help');
    await failInserts(t.db.database, 'inbound_updates', { times: 1 });
    expect((await t.post(update)).status).toBe(503);
    await new Promise((r) => setTimeout(r, 200));
    expect(textsTo(fan.id)).toHaveLength(0);
    expect((await t.post(update)).status).toBe(200);
    expect(textsTo(fan.id)).toHaveLength(1);
  });

  it('the same update delivered twice while it is still stored runs once', async () => {
    const fan = fanUser(9302);
    const update = command(fan, '/help');
    const answers = await Promise.all([t.post(update, { settle: false }), t.post(update, { settle: false })]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await t.updatesSettled();
    await new Promise((r) => setTimeout(r, 200));
    expect(textsTo(fan.id)).toHaveLength(1);
  });

  it("a fan's messages keep their order while one is retried; another fan is not held up", async () => {
    const ada = fanUser(9303);
    const bo = fanUser(9304);
    await t.post(command(ada, '/start'));
    await t.post(command(bo, '/start'));
    // Ada's first charge fails once: her first message waits 1.5 s and runs again.
    await failInserts(t.db.database, 'ledger_entries', {
      times: 1,
      when: `new.reason = 'spend' and new.user_id = ${ada.id}`,
    });
    const first = privateText(ada, 'one', { fake });
    const second = privateText(ada, 'two', { fake });
    const other = privateText(bo, 'hello', { fake });
    for (const u of [first, second, other]) expect((await t.post(u, { settle: false })).status).toBe(200);
    // Bo's message is relayed while Ada's first still waits for its retry.
    await eventually(() => relaysOf(bo.id).length === 1, 5_000, "Bo's relay");
    expect(relaysOf(ada.id)).toHaveLength(0);
    await t.updatesSettled(undefined, 10_000);
    await eventually(() => relaysOf(ada.id).length === 2, 5_000, "Ada's relays");
    expect(relaysOf(ada.id).map((c) => c.payload.message_id)).toEqual([
      first.message!.message_id,
      second.message!.message_id,
    ]);
  });

  it('an update carrying U+0000 (which jsonb refuses) is stored and handled, not refused for ever', async () => {
    const fan = fanUser(9306);
    await t.post(command(fan, '/start'));
    const update = privateText(fan, 'a nul \u0000 and a literal \\u0000', { fake });
    expect((await t.post(update)).status).toBe(200);
    expect(await createUnitOfWork(t.db.database).repos.updates.isProcessed(update.update_id)).toBe(true);
    await eventually(() => relaysOf(fan.id).length === 1, 5_000, 'the relay');
  });

  it('an update held by a replica that stopped is taken over when its lease runs out', async () => {
    const fan = fanUser(9305);
    const update = command(fan, '/help');
    // Another replica claimed it (leased for 700 ms more) and stopped before it finished.
    await t.db.database.db.execute(sql`
      insert into inbound_updates (update_id, lane, raw, attempts, lease_until)
      values (${update.update_id}, ${laneOf(update)}, ${JSON.stringify(update)}::jsonb, 1, now() + interval '700 milliseconds')`);
    await new Promise((r) => setTimeout(r, 300));
    expect(textsTo(fan.id)).toHaveLength(0);
    await t.updatesSettled(update.update_id, 5_000);
    expect(textsTo(fan.id)).toHaveLength(1);
  });
});

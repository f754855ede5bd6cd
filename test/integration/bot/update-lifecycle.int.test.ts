import { en } from '../../support/i18n.ts';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_UPDATE_ATTEMPTS } from '../../../src/app/system/updates.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { balanceOf, ledgerOf } from '../../support/accounts.ts';
import { eventually, startForumApp, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { clearFaults, failInserts } from '../../support/faults.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { useApp } from '../../support/suite.ts';
import { command, fanUser, privateText } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);
afterEach(async () => {
  await clearFaults(t.db.database, 'ledger_entries');
  await clearFaults(t.db.database, 'outbox');
});

const textsTo = (id: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id)
    .map((c) => String(c.payload.text));
const rows = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.db.database.db.execute(q)) as { rows: T[] }).rows;
const processed = (updateId: number) => createUnitOfWork(t.db.database).repos.updates.isProcessed(updateId);
const relaysOf = (id: number) =>
  fake.callsTo('copyMessage').filter((c) => c.ok && c.payload.from_chat_id === id);

describe('a Stars payment is applied at least once', () => {
  it('a grant that fails once is retried from the payment inbox: one grant, and never "nothing was charged"', async () => {
    const pia = fanUser(9101, { first_name: 'Pia' });
    await t.post(command(pia, '/buy10'));
    // The first attempt to write the purchase fails (a pool timeout, a failover…).
    await failInserts(t.db.database, 'ledger_entries', { times: 1, when: "new.reason = 'purchase'" });
    const { paid } = await payLatestInvoice(t, fake, pia, 'stxPia1');
    expect(await balanceOf(t, pia.id)).toBe(13);
    expect((await ledgerOf(t, pia.id)).map((e) => e.delta)).toEqual([3, 10]);
    const [stored] = await rows<{ kind: string; status: string; attempts: number; dedupe_key: string }>(
      sql`select kind, status, attempts, dedupe_key from payment_updates where charge_id = 'stxPia1'`,
    );
    expect(stored).toEqual({
      kind: 'successful_payment',
      status: 'applied',
      attempts: 1,
      dedupe_key: 'sp:stxPia1',
    });
    // The update itself was claimed with the stored payment: a redelivery is dropped.
    expect(await processed(paid.update_id)).toBe(true);
    await eventually(() => textsTo(pia.id).some((x) => /\+10 credits/.test(x)), 5000, 'confirmation');
    expect(textsTo(pia.id).join('\n')).not.toMatch(/nothing was charged|went wrong/i);
  });

  it('a payment update whose storing fails runs again from the stored update: granted once', async () => {
    const quin = fanUser(9102, { first_name: 'Quin' });
    await t.post(command(quin, '/buy10'));
    await failInserts(t.db.database, 'payment_updates', { times: 1 });
    const { paid, response } = await payLatestInvoice(t, fake, quin, 'stxQuin1');
    // Answered once stored; the first attempt failed and was counted, the second stored and granted it.
    expect(response!.status).toBe(200);
    const [failure] = await rows<{ attempts: number }>(
      sql`select attempts from failed_updates where update_id = ${paid.update_id}`,
    );
    expect(failure).toEqual({ attempts: 1 });
    expect(await processed(paid.update_id)).toBe(true);
    expect(await balanceOf(t, quin.id)).toBe(13);
    // Telegram delivers it again (an answer it did not get): dropped.
    expect((await t.post(paid)).status).toBe(200);
    expect(await balanceOf(t, quin.id)).toBe(13);
    await clearFaults(t.db.database, 'payment_updates');
  });
});

/** The owners' alert about a parked update, up to its first variable. */
const parkedHead = en('admin-setup-update-parked', { updateId: '0', kind: '', attempts: 0, error: '' }).split(
  ':',
)[0]!;

describe('every other update: claimed with its effects, retried on failure, parked after the last', () => {
  it('a fan message whose charge fails runs again from the stored update: charged and relayed once', async () => {
    const rex = fanUser(9103, { first_name: 'Rex' });
    await t.post(command(rex, '/start'));
    await failInserts(t.db.database, 'ledger_entries', { times: 1, when: "new.reason = 'spend'" });
    const update = privateText(rex, 'hello there', { fake });
    expect((await t.post(update)).status).toBe(200);
    const [failure] = await rows<{ attempts: number; status: string }>(
      sql`select attempts, status from failed_updates where update_id = ${update.update_id}`,
    );
    expect(failure).toEqual({ attempts: 1, status: 'retrying' });
    expect(await processed(update.update_id)).toBe(true);
    expect(await balanceOf(t, rex.id)).toBe(2);
    await eventually(() => relaysOf(rex.id).length === 1, 5000, 'relay');
    // Once more (Telegram retried an answer it did not get): dropped.
    expect((await t.post(update)).status).toBe(200);
    expect(await balanceOf(t, rex.id)).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(relaysOf(rex.id)).toHaveLength(1);
  });

  it(`after ${MAX_UPDATE_ATTEMPTS} failures the update is parked with its raw JSON, the owners alerted once, the fan told`, async () => {
    const sol = fanUser(9104, { first_name: 'Sol' });
    await t.post(command(sol, '/start'));
    await failInserts(t.db.database, 'ledger_entries', { times: 99, when: "new.reason = 'spend'" });
    const update = privateText(sol, 'are you there?', { fake });
    // Answered at once; the drainer tries it MAX_UPDATE_ATTEMPTS times, then it is parked.
    expect((await t.post(update)).status).toBe(200);
    const [parked] = await rows<{ attempts: number; status: string; raw: { update_id: number } }>(
      sql`select attempts, status, raw from failed_updates where update_id = ${update.update_id}`,
    );
    expect(parked).toMatchObject({ attempts: MAX_UPDATE_ATTEMPTS, status: 'parked' });
    expect(parked!.raw.update_id).toBe(update.update_id);
    expect(await processed(update.update_id)).toBe(true);
    expect(await balanceOf(t, sol.id)).toBe(3); // nothing charged, nothing relayed
    // Telegram giving it one more go changes nothing.
    expect((await t.post(update)).status).toBe(200);
    await eventually(
      () => textsTo(OWNER_ID).filter((x) => x.startsWith(parkedHead)).length === 1,
      5000,
      'one owner alert',
    );
    expect(textsTo(sol.id).at(-1)).toMatch(/Something went wrong/);
    expect(textsTo(sol.id).join('\n')).not.toMatch(/nothing was charged/i);
    expect(relaysOf(sol.id)).toHaveLength(0);
  });

  it('a screen with no database effect is claimed after it answered; a redelivery is dropped', async () => {
    const tam = fanUser(9105, { first_name: 'Tam' });
    const update = command(tam, '/balance');
    await t.post(update);
    expect(textsTo(tam.id)).toHaveLength(1);
    expect(await processed(update.update_id)).toBe(true);
    await t.post(update);
    expect(textsTo(tam.id)).toHaveLength(1);
  });
});

describe('long polling', () => {
  it('a failed update is retried in-process with backoff: charged and relayed once', async () => {
    const f = await startFakeTelegram();
    f.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
    const app = await startTestApp(f, {
      mode: 'polling',
      env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) },
      outbox: { budgets: defaultBudgets(1000) },
      updateRetryDelaysMs: [50, 100, 200, 400],
    });
    try {
      const uma = fanUser(9106, { first_name: 'Uma' });
      f.pushUpdate(command(uma, '/start'));
      await eventually(
        () => f.callsTo('sendMessage').some((c) => c.payload.chat_id === uma.id),
        5000,
        'start',
      );
      await failInserts(app.db.database, 'ledger_entries', { times: 2, when: "new.reason = 'spend'" });
      f.pushUpdate(privateText(uma, 'polling hello', { fake: f }));
      await eventually(
        () => f.callsTo('copyMessage').some((c) => c.ok && c.payload.from_chat_id === uma.id),
        10_000,
        'relay after retries',
      );
      expect(await balanceOf(app, uma.id)).toBe(2);
      expect((await ledgerOf(app, uma.id)).map((e) => e.delta)).toEqual([3, -1]);
      f.assertNoViolations();
    } finally {
      await app.stop();
      await f.close();
    }
  });
});

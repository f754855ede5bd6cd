import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { payments } from '../../../src/db/schema/index.ts';
import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import * as flows from '../../support/flows.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { en } from '../../support/i18n.ts';
import { LOSE_ANSWER, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { callbackQuery, command, fanUser, refundedPayment } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;
const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const member = fanUser(900889, { first_name: 'Mallory' });

useApp(
  () =>
    startForumApp({
      renderTimings: { cardIntervalMs: 1500, inboxIntervalMs: 1000, inboxDebounceMs: 200 },
    }),
  (s) => ({ fake, t } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const uow = () => createUnitOfWork(t.db.database);
const repliesIn = (threadId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && c.payload.message_thread_id === threadId);
const lastReply = (threadId: number) => String(repliesIn(threadId).at(-1)?.payload.text);
const toFan = (id: number) => fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.chat_id === id);
const refundCalls = () => fake.callsTo('refundStarPayment');

async function buyPass(fan: ReturnType<typeof fanUser>, charge: string) {
  await t.post(command(fan, '/buy'));
  // The menu itself: the previous purchase's confirmation comes through the outbox and may land after it.
  const hourButton = (c: { payload: Record<string, unknown> }) =>
    (c.payload.reply_markup as Keyboard | undefined)?.inline_keyboard
      ?.flat()
      .find((b) => b.text.includes('1-hour pass'));
  const menu = toFan(fan.id).filter(hourButton).at(-1)!;
  const shown = fake
    .messagesIn(fan.id)
    .find((m) => m.message_id === (menu.result as { message_id: number }).message_id)!;
  await t.post(callbackQuery(fan, hourButton(menu)!.callback_data, shown));
  return pay(fan, charge);
}

const cmd = (threadId: number, text: string, from = owner) => flows.topicCommand(fake, threadId, text, from);
const fanWithTopic = (id: number, name: string) => flows.fanWithTopic(t, fake, id, name);
const pay = async (fan: ReturnType<typeof fanUser>, charge: string) =>
  (await flows.payLatestInvoice(t, fake, fan, charge)).paymentId;

describe('admin refund of a Stars payment', () => {
  it('/refund <id> refunds on Telegram, claws back the credits once, tells the fan', async () => {
    const { fan, threadId } = await fanWithTopic(701, 'Rita');
    await t.post(command(fan, '/buy10'));
    const paymentId = await pay(fan, 'stxRita1');
    expect(await balanceOf(t, fan.id)).toBe(12); // 3 welcome − 1 message + 10

    // The Info view shows the payment id admins need.
    await t.post(cmd(threadId, '/info'));
    expect(lastReply(threadId)).toMatch(new RegExp(`<code>${paymentId}</code> · 10 credits · ⭐ 50 · paid`));

    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(refundCalls().at(-1)).toMatchObject({
      ok: true,
      payload: { user_id: fan.id, telegram_payment_charge_id: 'stxRita1' },
    });
    expect(lastReply(threadId)).toMatch(/Refunded ⭐ 50 .*took back 10 credits, balance 2/);
    expect(await balanceOf(t, fan.id)).toBe(2);
    expect(await uow().repos.ledger.findByKey('refund:stars:stxRita1')).toMatchObject({
      delta: -10,
      reason: 'refund',
      balanceAfter: 2,
    });
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('refunded');
    await eventually(
      () =>
        toFan(fan.id).some(
          (c) =>
            c.payload.text ===
            en('billing-refunded-credits', { stars: 50, credits: 10, taken: 10, balance: 2 }),
        ),
      5000,
      'refund notice',
    );

    // Again: a clear answer, Telegram is not asked, nothing changes.
    const calls = refundCalls().length;
    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(lastReply(threadId)).toMatch(/already refunded: nothing changed/);
    expect(refundCalls()).toHaveLength(calls);
    expect(await balanceOf(t, fan.id)).toBe(2);

    // Our record says paid but Telegram refunded it already: that is proof, and the keyed claw-back
    // converges (it took the credits back once; it takes nothing twice).
    await t.db.database.db.update(payments).set({ status: 'paid' }).where(eq(payments.id, paymentId));
    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(refundCalls().at(-1)!.error?.description).toMatch(/CHARGE_ALREADY_REFUNDED/);
    expect(lastReply(threadId)).not.toMatch(/refused/);
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('refunded');
    expect(await balanceOf(t, fan.id)).toBe(2);
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1, 10, -10]);
    expect((await t.app.deps.services.checkLedger()).ok).toBe(true);
  });

  it('takes back at most the balance (spent credits are gone)', async () => {
    const { fan, threadId } = await fanWithTopic(702, 'Sam');
    await t.post(command(fan, '/buy10'));
    const paymentId = await pay(fan, 'stxSam1');
    await grantCredits(t, fan.id, -8); // 12 → 4
    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(await balanceOf(t, fan.id)).toBe(0);
    expect(await uow().repos.ledger.findByKey('refund:stars:stxSam1')).toMatchObject({
      delta: -4,
      reason: 'refund',
    });
    expect(lastReply(threadId)).toMatch(/took back 4 credits, balance 0/);
    expect((await t.app.deps.services.checkLedger()).ok).toBe(true);
  });

  it('a pass refund cuts the pass by its length', async () => {
    const { fan, threadId } = await fanWithTopic(703, 'Tess');
    await buyPass(fan, 'stxTess1');
    const second = await buyPass(fan, 'stxTess2');
    const before = (await uow().repos.users.get(fan.id))!.timePassUntil!;
    await t.post(cmd(threadId, `/refund ${second}`));
    expect(refundCalls().at(-1)!.payload).toMatchObject({ telegram_payment_charge_id: 'stxTess2' });
    const after = (await uow().repos.users.get(fan.id))!.timePassUntil!;
    expect(before.getTime() - after.getTime()).toBe(3600_000);
    expect(lastReply(threadId)).toMatch(/pass cut by 1 h/);
    const stars = (await uow().repos.payments.get(second))!.amount;
    await eventually(
      () =>
        toFan(fan.id).some(
          (c) =>
            c.payload.text ===
            en('billing-refunded-pass', { stars, duration: { duration: 3600_000 }, until: after }),
        ),
      5000,
      'pass refund notice',
    );
  });

  it('a lost answer: the admin hears "unknown, retrying", the retry finds it refunded and claws back once', async () => {
    const { fan, threadId } = await fanWithTopic(706, 'Wes');
    await t.post(command(fan, '/buy10'));
    const paymentId = await pay(fan, 'stxWes1');
    // Telegram refunds, but its answer never arrives.
    fake.failNext('refundStarPayment', LOSE_ANSWER);
    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(fake.payments().find((p) => p.telegram_payment_charge_id === 'stxWes1')!.refunded).toBe(true);
    expect(lastReply(threadId)).toMatch(/not known yet/);
    expect(lastReply(threadId)).not.toMatch(/refused/);
    expect(await balanceOf(t, fan.id)).toBe(12); // nothing taken back on a guess
    // The retry asks again, reads CHARGE_ALREADY_REFUNDED as proof, claws back and reports in the topic.
    await eventually(() => /took back 10 credits, balance 2/.test(lastReply(threadId)), 15_000, 'retry');
    expect(await balanceOf(t, fan.id)).toBe(2);
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('refunded');
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1, 10, -10]);
    // A refund the admin repeats now is answered from our books; Telegram is not asked.
    const calls = refundCalls().length;
    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(lastReply(threadId)).toMatch(/already refunded/);
    expect(refundCalls()).toHaveLength(calls);
  });

  it("Telegram's refunded_payment (a refund made elsewhere) claws back once and tells the owners", async () => {
    const { fan } = await fanWithTopic(707, 'Xia');
    await t.post(command(fan, '/buy10'));
    const { paymentId, payload } = await flows.payLatestInvoice(t, fake, fan, 'stxXia1');
    expect(await balanceOf(t, fan.id)).toBe(12);
    fake.refundOutside('stxXia1');
    const update = refundedPayment(
      fan,
      { payload, total_amount: 50, telegram_payment_charge_id: 'stxXia1' },
      { fake },
    );
    await t.post(update);
    // Redelivered, and under another update id: one claw-back.
    await t.post(update);
    await t.post({ ...update, update_id: update.update_id + 700_000 });
    expect(await balanceOf(t, fan.id)).toBe(2);
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('refunded');
    expect(await uow().repos.ledger.findByKey('refund:stars:stxXia1')).toMatchObject({ delta: -10 });
    await eventually(
      () =>
        fake
          .callsTo('sendMessage')
          .some(
            (c) =>
              c.payload.chat_id === OWNER_ID &&
              String(c.payload.text).startsWith(
                en('billing-admin-refund-by-telegram', { userId: String(fan.id), summary: { html: '' } }),
              ),
          ),
      5000,
      'owners told',
    );
    // The admin's /refund afterwards changes nothing.
    expect((await ledgerOf(t, fan.id)).map((e) => e.delta)).toEqual([3, -1, 10, -10]);
  });

  it("ignores a non-admin's /refund and refuses another fan's payment", async () => {
    const { fan, threadId } = await fanWithTopic(704, 'Uma');
    await t.post(command(fan, '/buy10'));
    const paymentId = await pay(fan, 'stxUma1');
    const calls = refundCalls().length;
    const replies = repliesIn(threadId).length;
    await t.post(cmd(threadId, `/refund ${paymentId}`, member));
    expect(refundCalls()).toHaveLength(calls);
    expect(repliesIn(threadId)).toHaveLength(replies);
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('paid');

    const other = await fanWithTopic(705, 'Vic');
    await t.post(cmd(other.threadId, `/refund ${paymentId}`));
    expect(lastReply(other.threadId)).toMatch(/no payment #\d+ of this fan/);
    expect(refundCalls()).toHaveLength(calls);
    expect(await balanceOf(t, fan.id)).toBe(12);
  });
});

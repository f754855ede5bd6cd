import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { payments } from '../../../src/db/schema/index.ts';
import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import * as flows from '../../support/flows.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';
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
  const buttons = (toFan(fan.id).at(-1)!.payload.reply_markup as Keyboard).inline_keyboard.flat();
  const hour = buttons.find((b) => b.text.includes('1-hour pass'))!;
  await t.post(callbackQuery(fan, hour.callback_data, fake.messagesIn(fan.id).at(-1)!));
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
        toFan(fan.id).some((c) =>
          /payment of ⭐ 50 for 10 credits was refunded/.test(String(c.payload.text)),
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

    // Our record says paid but Telegram already refunded it: Telegram's error is shown, nothing changes.
    await t.db.database.db.update(payments).set({ status: 'paid' }).where(eq(payments.id, paymentId));
    await t.post(cmd(threadId, `/refund ${paymentId}`));
    expect(lastReply(threadId)).toMatch(/Telegram refused the refund: .*CHARGE_ALREADY_REFUNDED/);
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
    await eventually(
      () => toFan(fan.id).some((c) => /pass was refunded\. Your pass now ends/.test(String(c.payload.text))),
      5000,
      'pass refund notice',
    );
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

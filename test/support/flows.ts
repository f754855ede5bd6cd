import type { Update, User } from 'grammy/types';
import { createUnitOfWork } from '../../src/db/repos/index.ts';
import { eventually, type TestApp } from './app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from './config.ts';
import type { FakeTelegram } from './fake-telegram/index.ts';
import { fanUser, groupTopicMessage, preCheckoutQuery, privateText, successfulPayment } from './updates.ts';

/** Flows several suites walk through, as a fan or an admin would. */

/** A fan who has written once, so their topic exists and its card is pinned. */
export async function fanWithTopic(t: TestApp, fake: FakeTelegram, id: number, name: string) {
  const fan = fanUser(id, { first_name: name });
  await t.post(privateText(fan, 'hello', { fake }));
  const topic = await eventually(
    async () => {
      const tp = await createUnitOfWork(t.db.database).repos.topics.get(id);
      return tp?.cardMessageId ? tp : null;
    },
    5000,
    'topic and card',
  );
  await eventually(
    () => fake.callsTo('copyMessage').some((c) => c.payload.from_chat_id === id),
    5000,
    'first relay',
  );
  return { fan, threadId: topic.threadId!, cardId: topic.cardMessageId! };
}

/** A bot command typed by an admin (the owner by default) inside a fan's topic. */
export function topicCommand(
  fake: FakeTelegram,
  threadId: number,
  text: string,
  from: User = fanUser(OWNER_ID, { first_name: 'Olivia' }),
): Update {
  return groupTopicMessage(ADMIN_GROUP_ID, threadId, from, text, {
    fake,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
  });
}

/**
 * Pays the latest invoice sent to `fan` as Telegram does: the pre-checkout query, then, when the bot
 * approved it, the successful_payment message (registered in the fake, so it can be refunded).
 */
export async function payLatestInvoice(
  t: TestApp,
  fake: FakeTelegram,
  fan: User,
  charge: string,
  opts: { settle?: boolean } = {},
) {
  const inv = fake
    .callsTo('sendInvoice')
    .filter((c) => c.ok && c.payload.chat_id === fan.id)
    .at(-1)!.payload as { payload: string; prices: Array<{ amount: number }> };
  const total = inv.prices[0]!.amount;
  await t.post(preCheckoutQuery(fan, { payload: inv.payload, total_amount: total }));
  const answer = fake.callsTo('answerPreCheckoutQuery').at(-1)!.payload as {
    ok: boolean;
    error_message?: string;
  };
  const paid = successfulPayment(
    fan,
    { payload: inv.payload, total_amount: total, telegram_payment_charge_id: charge },
    { fake },
  );
  const response = answer.ok ? await t.post(paid, opts) : null;
  return {
    answer,
    paid,
    response,
    payload: inv.payload,
    total,
    paymentId: Number(inv.payload.slice('pay:'.length)),
  };
}

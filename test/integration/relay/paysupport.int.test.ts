import { describe, expect, it } from 'vitest';
import { SUPPORT_PER_DAY } from '../../../src/app/relay/support.ts';
import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import { eventually, startForumApp, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { useApp } from '../../support/suite.ts';
import { command, fanUser, groupTopicMessage, privatePhoto, privateText } from '../../support/updates.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const inTopic = (threadId: number) =>
  fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.message_thread_id === threadId);
const textsTo = (id: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id)
    .map((c) => String(c.payload.text));
const threadOf = async (userId: number) =>
  eventually(
    async () => (await createUnitOfWork(t.db.database).repos.topics.get(userId))?.threadId,
    5000,
    'topic',
  );

describe('/paysupport reaches the creator free of charge', () => {
  it('a fan with no credits: "/paysupport <text>" lands in their topic marked 💳, nothing charged; the reply comes back', async () => {
    const zed = fanUser(5101, { first_name: 'Zed' });
    await t.post(command(zed, '/start'));
    await grantCredits(t, zed.id, -3); // 0 credits: an ordinary message would be refused
    await t.post(command(zed, '/paysupport', 'I paid 50 Stars yesterday and got no credits'));
    const threadId = await threadOf(zed.id);
    const note = await eventually(
      () => inTopic(threadId).find((c) => String(c.payload.text).includes('I paid 50 Stars')),
      5000,
      'the support message in the topic',
    );
    expect(String(note.payload.text)).toMatch(/^<b>💳 Payment support<\/b>\nI paid 50 Stars yesterday/);
    expect(await balanceOf(t, zed.id)).toBe(0);
    expect((await ledgerOf(t, zed.id)).map((e) => e.delta)).toEqual([3, -3]);
    await eventually(() => textsTo(zed.id).some((x) => x.startsWith('💳 Sent to the team')), 5000, 'receipt');

    // The admin answers by replying to it, as to any message: the fan gets the answer as a reply.
    const answer = groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, 'Sorry! Sorted.', {
      fake,
      reply_to_message: fake.message(ADMIN_GROUP_ID, (note.result as { message_id: number }).message_id)!,
    });
    await t.post(answer);
    const back = await eventually(
      () => fake.callsTo('copyMessage').find((c) => c.ok && c.payload.chat_id === zed.id),
      5000,
      'the answer',
    );
    expect(back.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
  });

  it('a bare /paysupport takes the next message (a screenshot too), free; then messages are paid again', async () => {
    const yan = fanUser(5102, { first_name: 'Yan' });
    await t.post(command(yan, '/start'));
    await t.post(command(yan, '/paysupport'));
    expect(textsTo(yan.id).at(-1)).toMatch(/Describe the problem in your next message/);
    await t.post(privatePhoto(yan, { fake, caption: 'the receipt' }));
    const threadId = await threadOf(yan.id);
    const copy = await eventually(
      () => fake.callsTo('copyMessage').find((c) => c.ok && c.payload.message_thread_id === threadId),
      5000,
      'the screenshot in the topic',
    );
    expect(copy.payload.caption).toBe('💳 Payment support\nthe receipt');
    expect(await balanceOf(t, yan.id)).toBe(3);
    // The next message is an ordinary one again: charged.
    await t.post(privateText(yan, 'thanks', { fake }));
    expect(await balanceOf(t, yan.id)).toBe(2);
  });

  it(`at most ${SUPPORT_PER_DAY} a day`, async () => {
    const xia = fanUser(5103, { first_name: 'Xia' });
    await t.post(command(xia, '/start'));
    for (let i = 0; i < SUPPORT_PER_DAY + 1; i++) await t.post(command(xia, '/paysupport', `help ${i}`));
    const threadId = await threadOf(xia.id);
    // Count the support messages only: the topic also holds the fan's info card.
    const support = () => inTopic(threadId).filter((c) => /help \d/.test(String(c.payload.text)));
    await eventually(() => support().length >= SUPPORT_PER_DAY, 5000, 'three in the topic');
    expect(
      support()
        .map((c) => String(c.payload.text).match(/help \d/)![0])
        .sort(),
    ).toEqual(['help 0', 'help 1', 'help 2']);
    // The fourth is refused directly (the receipts of the first three come through the outbox).
    expect(textsTo(xia.id).filter((x) => /payment-support messages today/.test(x))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(inTopic(threadId).filter((c) => /help 3/.test(String(c.payload.text)))).toHaveLength(0);
  });
});

describe('before the admin group is set', () => {
  it('goes to the owners privately', async () => {
    const f = await startFakeTelegram();
    const app = await startTestApp(f);
    try {
      const wes = fanUser(5104, { first_name: 'Wes' });
      await app.post(command(wes, '/start'));
      await app.post(command(wes, '/paysupport', 'where are my credits?'));
      await eventually(
        () =>
          f
            .callsTo('sendMessage')
            .some(
              (c) =>
                c.payload.chat_id === OWNER_ID &&
                /Payment support.*where are my credits\?/s.test(String(c.payload.text)),
            ),
        5000,
        'the owners told',
      );
      f.assertNoViolations();
    } finally {
      await app.stop();
      await f.close();
    }
  });
});

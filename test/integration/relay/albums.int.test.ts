import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';

import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { command, fanUser, groupTopicMessage, privateMedia, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { en } from '../../support/i18n.ts';
import { receipt as receiptRef } from '../../../src/app/relay/receipt.ts';

let fake: FakeTelegram;
let t: TestApp;
let photoCost: number;
const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });

useApp(
  () => startForumApp(),
  async (s) => {
    ({ fake, t } = s);
    photoCost = (await t.app.deps.services.getSettings()).message_costs.photo!;
  },
);

let albumSeq = 0;
/** A fan's album: photos sharing a fresh media_group_id, as the separate updates Telegram sends. */
function fanAlbum(user: ReturnType<typeof fanUser>, n: number): Update[] {
  const mediaGroupId = `1370${Date.now()}${albumSeq++}`;
  return Array.from({ length: n }, () => privateMedia(user, 'photo', { fake, media_group_id: mediaGroupId }));
}
const idsOf = (updates: Update[]) => updates.map((u) => u.message!.message_id);
const albumCopiesFrom = (chatId: number) =>
  fake.callsTo('copyMessages').filter((c) => c.ok && c.payload.from_chat_id === chatId);
const singleCopiesOf = (chatId: number, ids: number[]) =>
  fake
    .callsTo('copyMessage')
    .filter((c) => c.payload.from_chat_id === chatId && ids.includes(c.payload.message_id as number));
const sentTo = (chatId: number) =>
  fake.calls.filter((c) => c.ok && c.payload.chat_id === chatId && c.method === 'sendMessage');
/** Receipts: what the fan's chat got that starts like one (its first line, up to the cost). */
const receiptsTo = (chatId: number) =>
  sentTo(chatId).filter((c) => [1, 2, 3].some((n) => firstLine(c.payload.text).startsWith(receiptStart(n))));
const topicOf = async (userId: number) => (await createUnitOfWork(t.db.database).repos.topics.get(userId))!;
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/** A fan who exists (via /start, so no topic yet) and has `credits` on top of the welcome bonus. */
async function fanWithCredits(id: number, credits: number) {
  const fan = fanUser(id);
  await t.post(command(fan, 'start', undefined, { fake }));
  if (credits > 0) await grantCredits(t, fan.id, credits);
  return fan;
}

describe('a fan album', () => {
  it('arrives in a new topic as ONE copyMessages, in order, charged per item, with one receipt', async () => {
    const ana = await fanWithCredits(501, 20);
    const before = await balanceOf(t, ana.id);
    const album = fanAlbum(ana, 3);
    for (const u of album) expect((await t.post(u)).status).toBe(200);
    // Charged as each item is accepted, before anything is relayed.
    expect(await balanceOf(t, ana.id)).toBe(before - 3 * photoCost);

    const copy = await eventually(() => albumCopiesFrom(ana.id)[0], 10_000, 'the album copy');
    const topic = await topicOf(ana.id);
    expect(copy.payload).toMatchObject({
      chat_id: ADMIN_GROUP_ID,
      message_thread_id: topic.threadId,
      message_ids: idsOf(album),
    });
    expect(singleCopiesOf(ana.id, idsOf(album))).toHaveLength(0);
    // A new fan's topic was made first; its card follows.
    expect(
      fake.callsTo('createForumTopic').filter((c) => c.ok && /· 501$/.test(String(c.payload.name))),
    ).toHaveLength(1);
    await eventually(async () => (await topicOf(ana.id)).cardPinned, 5000, 'the pinned card');

    const receipt = await eventually(() => receiptsTo(ana.id)[0], 5000, 'the receipt');
    expect(firstLine(receipt.payload.text)).toBe(receiptHead(3 * photoCost, 3));
    expect(receipt.payload.reply_parameters).toMatchObject({ message_id: idsOf(album)[0] });
    await settle();
    expect(receiptsTo(ana.id)).toHaveLength(1);
    expect(albumCopiesFrom(ana.id)).toHaveLength(1);

    // Each relayed item is linked, so an admin's reply to any of them reaches the right message.
    const links = createUnitOfWork(t.db.database).repos.links;
    const relayed = (copy.result as Array<{ message_id: number }>).map((m) => m.message_id);
    for (const [i, groupMessageId] of relayed.entries()) {
      expect((await links.byGroupMessage(ADMIN_GROUP_ID, groupMessageId))?.fanMessageId).toBe(
        idsOf(album)[i],
      );
    }
  });

  it('relays the items the fan can afford and tells them which item was left out', async () => {
    const ben = await fanWithCredits(502, 0);
    await t.post(privateText(ben, 'hello', { fake })); // a topic exists now; 3 − 1 = 2 credits
    await eventually(() =>
      fake.callsTo('copyMessage').some((c) => c.ok && c.payload.from_chat_id === ben.id),
    );
    // Its receipt out first: a receipt still pending would (rightly) absorb the album's.
    await eventually(() => receiptsTo(ben.id).length === 1, 5000, 'the first receipt');
    await grantCredits(t, ben.id, 2 * photoCost - 1); // enough for two photos, not three
    const album = fanAlbum(ben, 3);
    for (const u of album) await t.post(u);

    const leftOut = en('relay-album-item-refused', {
      type: en('relay-type-photo'),
      cost: photoCost,
      balance: 1,
    });
    const refusal = sentTo(ben.id).find((c) => c.payload.text === leftOut);
    expect(refusal?.payload).toMatchObject({ reply_parameters: { message_id: idsOf(album)[2] } });

    const copy = await eventually(() => albumCopiesFrom(ben.id)[0], 10_000, 'the album copy');
    expect(copy.payload.message_ids).toEqual(idsOf(album).slice(0, 2));
    expect(await balanceOf(t, ben.id)).toBe(1);
    const receipt = await eventually(() => receiptsTo(ben.id)[1], 5000, 'the album’s receipt');
    expect(firstLine(receipt.payload.text)).toBe(receiptHead(2 * photoCost, 2));
  });

  it('charges a redelivered item once and relays it once', async () => {
    const cat = await fanWithCredits(503, 20);
    const before = await balanceOf(t, cat.id);
    const [first, second, third] = fanAlbum(cat, 3) as [Update, Update, Update];
    await t.post(first);
    await t.post(second);
    await t.post(second); // webhook redelivery
    await t.post({ ...second, update_id: second.update_id + 500_000 }); // same message, new update id
    await t.post(third);

    const copy = await eventually(() => albumCopiesFrom(cat.id)[0], 10_000, 'the album copy');
    expect(copy.payload.message_ids).toEqual(idsOf([first, second, third]));
    expect(await balanceOf(t, cat.id)).toBe(before - 3 * photoCost);
    const spends = (await ledgerOf(t, cat.id)).filter((e) => e.delta === -photoCost);
    expect(spends).toHaveLength(3);
    await settle();
    expect(albumCopiesFrom(cat.id)).toHaveLength(1);
  });
});

describe('the album window', () => {
  it('stays open while items keep coming (each within 1.5 s of the last), then sends one album', async () => {
    const eve = await fanWithCredits(504, 20);
    const album = fanAlbum(eve, 3);
    for (const u of album) {
      await t.post(u);
      await settle(1000);
    }
    expect(albumCopiesFrom(eve.id)).toHaveLength(0); // 1 s after the last item: still collecting
    const copy = await eventually(() => albumCopiesFrom(eve.id)[0], 10_000, 'the album copy');
    expect(copy.payload.message_ids).toEqual(idsOf(album));
    await settle();
    expect(albumCopiesFrom(eve.id)).toHaveLength(1);
  });
});

describe('an admin album', () => {
  it('reaches the fan as ONE copyMessages, with 👌 on it', async () => {
    const ana = fanUser(501);
    const threadId = (await topicOf(ana.id)).threadId!;
    const mediaGroupId = `2470${Date.now()}`;
    const album = [1, 2, 3].map(() =>
      groupTopicMessage(
        ADMIN_GROUP_ID,
        threadId,
        owner,
        { kind: 'photo' },
        { fake, media_group_id: mediaGroupId },
      ),
    );
    for (const u of album) await t.post(u);

    const copy = await eventually(
      () => fake.callsTo('copyMessages').find((c) => c.ok && c.payload.chat_id === ana.id),
      10_000,
      'the album to the fan',
    );
    expect(copy.payload).toMatchObject({ from_chat_id: ADMIN_GROUP_ID, message_ids: idsOf(album) });
    expect(fake.callsTo('copyMessage').filter((c) => c.payload.chat_id === ana.id)).toHaveLength(0);
    await eventually(
      () => JSON.stringify(fake.reactions(ADMIN_GROUP_ID, idsOf(album)[0]!)).includes('👌'),
      5000,
      '👌',
    );
    // Each delivered item is linked (the fan's copy ↔ the admin's original).
    const links = createUnitOfWork(t.db.database).repos.links;
    const delivered = (copy.result as Array<{ message_id: number }>).map((m) => m.message_id);
    expect(delivered).toHaveLength(3);
    expect((await links.byFanMessage(ana.id, delivered[2]!))?.groupMessageId).toBe(idsOf(album)[2]);
  });
});

describe('accounts', () => {
  it('stay consistent', async () => {
    const report = await t.app.deps.services.checkLedger();
    expect(report.ok).toBe(true);
  });
});

const firstLine = (text: unknown) => String(text).split('\n')[0] ?? '';
/** The receipt's first line: sent (an album counts its items), and what it cost. */
const receiptHead = (cost: number, count: number) => {
  const r = receiptRef({
    count,
    cost,
    free: false,
    balance: 0,
    lastTopUp: null,
    low: false,
    threshold: 0,
    passLeftMs: 0,
  });
  return firstLine(en(r.key, r.args));
};
/** A receipt's first line up to its cost (`count` messages, sent). */
const receiptStart = (count: number) => receiptHead(0, count).split('·')[0]!;

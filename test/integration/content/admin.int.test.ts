import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { auditLog, products } from '../../../src/db/schema/index.ts';
import { startTestApp, eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import {
  addContentItem,
  answerTo,
  buttonsOf,
  contentItems,
  lastBotText,
  mediaUpdates,
  owner,
  press,
} from '../../support/content.ts';
import { createTestDatabase } from '../../support/db.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { command, fanUser, privateMedia, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

const uow = () => createUnitOfWork(t.db.database);
const draftOf = (adminId = owner.id) => uow().repos.contentDrafts.get(adminId);
const say = (text: string) => t.post(privateText(owner, text, { fake }));
const productOf = async (id: number) =>
  (await t.db.database.db.select().from(products).where(eq(products.id, id)))[0]!;
/** The owner's /content list: the message and its buttons. */
async function adminList() {
  await t.post(command(owner, 'content', undefined, { fake }));
  const list = fake
    .messagesIn(owner.id)
    .filter((m) => m.from_bot)
    .at(-1)!;
  return { list, text: list.text ?? '', buttons: buttonsOf(list) };
}
/** Opens an item's tools from the owner's list (paging on with ▶️); returns the edited list message. */
async function openItem(title: string) {
  const { list } = await adminList();
  for (;;) {
    const buttons = buttonsOf(fake.message(owner.id, list.message_id));
    const item = buttons.find((b) => b.text.endsWith(` ${title}`));
    const next = buttons.find((b) => b.text === '▶️');
    if (!item && !next) throw new Error(`openItem: no "${title}" in the list`);
    await t.post(press(fake, owner, owner.id, list.message_id, (item ?? next)!.callback_data));
    if (item) return fake.message(owner.id, list.message_id)!;
  }
}
async function pressOn(messageId: number, label: RegExp) {
  const m = fake.message(owner.id, messageId)!;
  const button = buttonsOf(m).find((b) => label.test(b.text));
  if (!button) throw new Error(`no button ${String(label)} on message ${messageId}`);
  const u = press(fake, owner, owner.id, messageId, button.callback_data);
  await t.post(u);
  return { update: u, message: fake.message(owner.id, messageId)! };
}

describe('adding content (/content add)', () => {
  it('a photo, a title and two prices make an item, with its Stars product, audited and listed', async () => {
    await t.post(command(owner, 'content', 'add', { fake }));
    expect(lastBotText(fake, owner.id)).toMatch(/New item\.[\s\S]*photo, video, file or audio/);
    const [photo] = mediaUpdates(fake, ['photo']);
    await t.post(photo!);
    expect(lastBotText(fake, owner.id)).toMatch(/Got the media[\s\S]*title/);
    await say('Sunset');
    expect(lastBotText(fake, owner.id)).toMatch(/Title: Sunset\. Send the price in credits/);
    await say('5');
    expect(lastBotText(fake, owner.id)).toMatch(/5 credits\. Send the price in Telegram Stars/);
    await say('25');
    expect(lastBotText(fake, owner.id)).toMatch(/Added Sunset \(#\d+\): 1 photo · 5 credits · ⭐ 25/);

    const item = (await contentItems(t)).find((i) => i.title === 'Sunset')!;
    const largest = photo!.message!.photo!.at(-1)!;
    expect(item).toMatchObject({ priceCredits: 5, priceStars: 25, hidden: false });
    expect(item.media).toEqual([
      { type: 'photo', fileId: largest.file_id, fileUniqueId: largest.file_unique_id },
    ]);
    expect(await productOf(item.productId!)).toMatchObject({
      kind: 'unlock',
      amount: item.id,
      priceStars: 25,
      title: 'Sunset',
      active: true,
    });
    expect(await draftOf()).toBeNull();
    const audit = await t.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'content_create'));
    expect(audit.at(-1)).toMatchObject({ actorId: owner.id, details: { itemId: item.id, title: 'Sunset' } });
    // The owner was not charged as a fan for the media and answers (nothing reached the fan relay).
    expect(fake.callsTo('copyMessage').filter((c) => c.payload.from_chat_id === owner.id)).toEqual([]);

    const { text } = await adminList();
    expect(text).toMatch(/\d+\. Sunset · 5 credits · ⭐ 25 · 🔓 0 unlocks/);
  });

  it('an album becomes one item with every file in message order, even items arriving after the title', async () => {
    await t.post(command(owner, 'content', 'add', { fake }));
    const [a, b, c] = mediaUpdates(fake, ['photo', 'video', 'photo']);
    await t.post(a!);
    await t.post(b!);
    const replies = fake.messagesIn(owner.id).filter((m) => m.from_bot).length;
    await say('Beach album');
    await t.post(c!); // late: still part of the album
    expect(fake.messagesIn(owner.id).filter((m) => m.from_bot)).toHaveLength(replies + 1);
    await say('12');
    await say('40');
    expect(lastBotText(fake, owner.id)).toMatch(
      /Beach album \(#\d+\): 2 photos, 1 video · 12 credits · ⭐ 40/,
    );
    const item = (await contentItems(t)).find((i) => i.title === 'Beach album')!;
    expect(item.media.map((m) => m.fileId)).toEqual([
      a!.message!.photo!.at(-1)!.file_id,
      b!.message!.video!.file_id,
      c!.message!.photo!.at(-1)!.file_id,
    ]);
  });

  it('files and audio are sold too; other media and bad answers get a clear message and the question again', async () => {
    await t.post(command(owner, 'content', 'add', { fake }));
    await say('here it comes');
    expect(lastBotText(fake, owner.id)).toMatch(/That does not work: send the media first/);
    await t.post(privateMedia(owner, 'voice', { fake }));
    expect(lastBotText(fake, owner.id)).toMatch(
      /voice messages, GIFs, stickers and video notes cannot be sold/,
    );
    await t.post(privateMedia(owner, 'animation', { fake }));
    expect(lastBotText(fake, owner.id)).toMatch(/cannot be sold/);
    await t.post(privateMedia(owner, 'document', { fake }));
    expect(lastBotText(fake, owner.id)).toMatch(/Got the media/);
    await t.post(privateMedia(owner, 'photo', { fake }));
    expect(lastBotText(fake, owner.id)).toMatch(/already has its media[\s\S]*Send the title/);

    await say('x'.repeat(65));
    expect(lastBotText(fake, owner.id)).toMatch(/a title of 1 to 64 characters\.\nSend the title/);
    await say('Guide <b>PDF</b>');
    expect(lastBotText(fake, owner.id)).toMatch(/Title: Guide <b>PDF<\/b>\./); // shown as typed, not as HTML
    for (const bad of ['0', 'ten', '5.5', '100001']) {
      await say(bad);
      expect(lastBotText(fake, owner.id)).toMatch(
        /a whole number of credits from 1 to 100000\.\nSend the price in credits/,
      );
    }
    await say('100000');
    await say('10001');
    expect(lastBotText(fake, owner.id)).toMatch(/a whole number of Stars from 1 to 10000/);
    await say('10000');
    const item = (await contentItems(t)).find((i) => i.title === 'Guide <b>PDF</b>')!;
    expect(item).toMatchObject({ priceCredits: 100_000, priceStars: 10_000 });
    expect(item.media.map((m) => m.type)).toEqual(['document']);
  });

  it('/cancel drops the draft: nothing is created, and there is nothing left to cancel', async () => {
    const count = (await contentItems(t)).length;
    await t.post(command(owner, 'content', 'add', { fake }));
    await t.post(mediaUpdates(fake, ['audio'])[0]!);
    await say('Demo track');
    await t.post(command(owner, 'cancel', undefined, { fake }));
    expect(lastBotText(fake, owner.id)).toBe('Cancelled: nothing was saved.');
    expect(await draftOf()).toBeNull();
    expect(await contentItems(t)).toHaveLength(count);
    await t.post(command(owner, 'cancel', undefined, { fake }));
    expect(lastBotText(fake, owner.id)).toBe('There is nothing to cancel.');
  });

  it('a draft lives in the database: a restarted app takes the next answer', async () => {
    const db = await createTestDatabase({ migrate: false });
    const env = { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) };
    const first = await startTestApp(fake, { db, env });
    await first.post(command(owner, 'content', 'add', { fake }));
    await first.post(mediaUpdates(fake, ['video'])[0]!);
    await first.post(privateText(owner, 'Behind the scenes', { fake }));
    await first.stop();
    const second = await startTestApp(fake, { db, env });
    try {
      await second.post(privateText(owner, '7', { fake }));
      await second.post(privateText(owner, '30', { fake }));
      expect(lastBotText(fake, owner.id)).toMatch(
        /Added Behind the scenes \(#\d+\): 1 video · 7 credits · ⭐ 30/,
      );
      const items = await createUnitOfWork(db.database).repos.content.listAll(0, 10);
      expect(items.map((i) => i.title)).toEqual(['Behind the scenes']);
    } finally {
      await second.stop();
      await db.dispose();
    }
  });
});

describe('managing content (/content)', () => {
  it('edits the title and both prices (the Stars product follows), re-asking on bad input', async () => {
    const item = await addContentItem(t, fake, { title: 'Old title', credits: 3, stars: 9 });
    const view = await openItem('Old title');
    expect(view.text).toMatch(
      /Old title \(#\d+\)\n📎 1 photo · Stars: paid media\n💳 3 credits · ⭐ 9\n🔓 0 unlocks · 👁 on sale/,
    );

    await pressOn(view.message_id, /Title/);
    expect(lastBotText(fake, owner.id)).toMatch(/Old title \(#\d+\): Send the new title/);
    await say('New title');
    expect(lastBotText(fake, owner.id)).toMatch(/Saved: New title · 3 credits · ⭐ 9/);

    await pressOn(view.message_id, /Credits/);
    await say('-1');
    expect(lastBotText(fake, owner.id)).toMatch(
      /whole number of credits[\s\S]*Send the new price in credits/,
    );
    await say('4');
    await pressOn(view.message_id, /Stars/);
    await say('11');
    expect(lastBotText(fake, owner.id)).toMatch(/Saved: New title · 4 credits · ⭐ 11/);

    const saved = (await uow().repos.content.get(item.id))!;
    expect(saved).toMatchObject({ title: 'New title', priceCredits: 4, priceStars: 11 });
    expect(await productOf(item.productId!)).toMatchObject({
      title: 'New title',
      priceStars: 11,
      active: true,
    });
    expect(await draftOf()).toBeNull();
  });

  it('hides and shows an item (off sale: its product too), marked in the list', async () => {
    const item = await addContentItem(t, fake, { title: 'Hide me', credits: 2, stars: 5 });
    const view = await openItem('Hide me');
    const hide = await pressOn(view.message_id, /Hide/);
    expect(answerTo(fake, hide.update)?.payload.text).toBe('Hidden: off sale.');
    expect(hide.message.text).toMatch(/🙈 hidden/);
    expect((await uow().repos.content.get(item.id))!.hidden).toBe(true);
    expect((await productOf(item.productId!)).active).toBe(false);
    expect((await adminList()).text).toMatch(/\d+\. 🙈 Hide me · 2 credits · ⭐ 5 · 🔓 0 unlocks · hidden/);

    const show = await pressOn(view.message_id, /Show/);
    expect(answerTo(fake, show.update)?.payload.text).toBe('On sale again.');
    expect((await uow().repos.content.get(item.id))!.hidden).toBe(false);
    expect((await productOf(item.productId!)).active).toBe(true);
  });

  it('moves items up and down in the fans’ order', async () => {
    const titles = () => contentItems(t).then((items) => items.map((i) => i.title).slice(-3));
    await addContentItem(t, fake, { title: 'First', credits: 1, stars: 1 });
    await addContentItem(t, fake, { title: 'Second', credits: 1, stars: 1 });
    await addContentItem(t, fake, { title: 'Third', credits: 1, stars: 1 });
    expect(await titles()).toEqual(['First', 'Second', 'Third']);

    const view = await openItem('Third');
    await pressOn(view.message_id, /Up/);
    expect(await titles()).toEqual(['First', 'Third', 'Second']);
    const up = await pressOn(view.message_id, /Up/);
    expect(await titles()).toEqual(['Third', 'First', 'Second']);
    expect(up.message.text).toMatch(/Position \d+ of \d+/);
    const down = await pressOn(view.message_id, /Down/);
    expect(answerTo(fake, down.update)?.payload.text).toBe('Moved down.');
    expect(await titles()).toEqual(['First', 'Third', 'Second']);
    const last = await openItem('Second');
    const stuck = await pressOn(last.message_id, /Down/);
    expect(answerTo(fake, stuck.update)?.payload.text).toBe('Already last.');
    expect(await titles()).toEqual(['First', 'Third', 'Second']);
  });

  it('sends an item to the admin as fans receive it', async () => {
    const item = await addContentItem(t, fake, {
      title: 'Check me',
      credits: 1,
      stars: 1,
      media: ['document'],
    });
    const view = await openItem('Check me');
    await pressOn(view.message_id, /Send it to me/);
    const sent = await eventually(
      () => fake.callsTo('sendDocument').find((c) => c.ok && c.payload.chat_id === owner.id),
      5000,
    );
    expect(sent.payload).toMatchObject({ document: item.media[0]!.fileId, protect_content: true });
  });
});

describe('who may manage, and tampered buttons', () => {
  it('a fan’s /content add is the fans’ list, not a draft; admin buttons pressed by a fan change nothing', async () => {
    const item = await addContentItem(t, fake, { title: 'Guarded', credits: 2, stars: 3 });
    const mallory = fanUser(730_001, { first_name: 'Mallory' });
    await t.post(command(mallory, 'content', 'add', { fake }));
    expect(await draftOf(mallory.id)).toBeNull();
    await eventually(() => /Premium content/.test(lastBotText(fake, mallory.id)), 5000, 'the fans’ list');

    const someMessage = fake
      .messagesIn(mallory.id)
      .filter((m) => m.from_bot)
      .at(-1)!;
    for (const data of [`citem:hide:${item.id}`, `citem:title:${item.id}`, 'clist:1', 'cadd']) {
      const u = press(fake, mallory, mallory.id, someMessage.message_id, data);
      await t.post(u);
      expect(answerTo(fake, u)?.payload).toMatchObject({
        text: 'Only admins can use these buttons.',
        show_alert: true,
      });
    }
    expect(await uow().repos.content.get(item.id)).toMatchObject({ hidden: false, title: 'Guarded' });
    expect(await draftOf(mallory.id)).toBeNull();
  });

  it('tampered or stale data: “This button has expired.”, and nothing changes', async () => {
    const item = await addContentItem(t, fake, { title: 'Untouched', credits: 2, stars: 3 });
    const { list } = await adminList();
    const before = await contentItems(t);
    for (const data of [
      `citem:nuke:${item.id}`,
      'citem:hide:abc',
      `citem:hide:${item.id}:1`,
      'citem:hide:999999',
      'citem:title:999999',
      'clist:x',
      'cadd:1',
    ]) {
      const u = press(fake, owner, owner.id, list.message_id, data);
      await t.post(u);
      expect(answerTo(fake, u)?.payload.text).toMatch(/This button has expired/);
    }
    expect(await contentItems(t)).toEqual(before);
    expect(await draftOf()).toBeNull();
  });
});

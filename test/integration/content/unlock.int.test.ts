import { and, eq } from 'drizzle-orm';
import type { Message, User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mediaCounts } from '../../../src/app/content/index.ts';
import type { ContentItem } from '../../../src/app/ports/index.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { contentUnlocks, payments } from '../../../src/db/schema/index.ts';
import { decodePaidMediaPayload } from '../../../src/domain/content/index.ts';
import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { OWNER_ID } from '../../support/config.ts';
import {
  addContentItem,
  answerTo,
  browse,
  buttonsOf,
  lastBotText,
  mediaSendsTo,
  owner,
  press,
} from '../../support/content.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en, tr } from '../../support/i18n.ts';
import { fanWithTopic, payLatestInvoice, topicCommand } from '../../support/flows.ts';
import {
  command,
  fanUser,
  preCheckoutQuery,
  purchasedPaidMedia,
  successfulPayment,
} from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;
/** Sold as paid media (a photo). */
let photo: ContentItem;
/** Sold with a Stars invoice (a file). */
let file: ContentItem;
/** Three photos and a video. */
let album: ContentItem;

useApp(
  () => startForumApp(),
  async (s) => {
    ({ fake, t } = s);
    photo = await addContentItem(t, fake, { title: 'Golden hour', credits: 5, stars: 20 });
    file = await addContentItem(t, fake, {
      title: 'Workout plan',
      credits: 8,
      stars: 30,
      media: ['document'],
    });
    album = await addContentItem(t, fake, {
      title: 'Weekend set',
      credits: 4,
      stars: 15,
      media: ['photo', 'photo', 'video', 'photo'],
    });
  },
);

const uow = () => createUnitOfWork(t.db.database);
/** As if the item last went out to the fan a minute ago (past the double-tap window). */
const sentLongAgo = (userId: number, itemId: number) =>
  t.db.database.db
    .update(contentUnlocks)
    .set({ lastSentAt: new Date(Date.now() - 60_000) })
    .where(and(eq(contentUnlocks.userId, userId), eq(contentUnlocks.itemId, itemId)));
const unlockOf = (userId: number, itemId: number) => uow().repos.content.getUnlock(userId, itemId);
const previewOf = (page: Message[], item: ContentItem) =>
  page.find((m) =>
    m.paid_media
      ? decodePaidMediaPayload(fake.paidMediaPayload(m.chat.id, m.message_id))?.itemId === item.id
      : buttonsOf(m).some((b) => b.callback_data.endsWith(`:${item.id}`)),
  );
/** A catalogue text as the fan's chat shows it (tags gone, entities read). */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const enPlain = (key: string, args?: Parameters<typeof en>[1]) => plain(en(key, args));
/** The fan's button labels. */
const unlockFor = (credits: number) => en('content-button-unlock', { credits });
const starsFor = (stars: number) => en('content-button-stars', { stars });
const SEND_AGAIN = en('content-button-resend');
const UNAVAILABLE = en('content-unavailable');
/** Presses a button (by its label) on a message the fan got; returns the update. */
async function tap(fan: User, m: Message, label: string) {
  const button = buttonsOf(m).find((b) => b.text === label);
  if (!button) throw new Error(`no button ${String(label)} on message ${m.message_id}`);
  const u = press(fake, fan, fan.id, m.message_id, button.callback_data);
  await t.post(u);
  return u;
}
async function newFan(id: number, credits = 0) {
  const fan = fanUser(id);
  await t.post(command(fan, 'start', undefined, { fake })); // the welcome bonus: 3 credits
  if (credits) await grantCredits(t, fan.id, credits);
  return fan;
}

describe('browsing /content', () => {
  it('photos and videos are paid-media posts, files are cards; hidden items are not listed', async () => {
    const hidden = await addContentItem(t, fake, { title: 'Secret', credits: 1, stars: 1 });
    await uow().repos.content.update(hidden.id, { hidden: true });
    const ann = await newFan(810_001);
    const page = await browse(t, fake, ann);

    const post = previewOf(page, photo)!;
    const sent = fake
      .callsTo('sendPaidMedia')
      .find((c) => (c.result as Message)?.message_id === post.message_id)!;
    expect(sent.payload).toMatchObject({
      chat_id: ann.id,
      star_count: 20,
      media: [{ type: 'photo', media: photo.media[0]!.fileId }],
      protect_content: true,
    });
    expect(decodePaidMediaPayload(sent.payload.payload as string)).toEqual({
      itemId: photo.id,
      userId: ann.id,
      stars: 20,
      // Which post: two posts of one item bought are two purchases; one redelivered is one.
      post: expect.stringMatching(/^[\w-]{10}$/),
    });
    const item = (i: ContentItem) => ({
      title: i.title,
      credits: i.priceCredits,
      stars: i.priceStars,
      ...mediaCounts(i),
    });
    expect(post.caption).toBe(enPlain('content-locked-paid-media', item(photo)));
    expect(buttonsOf(post).map((b) => b.text)).toEqual([unlockFor(5)]);

    const card = previewOf(page, file)!;
    expect(card.text).toBe(enPlain('content-locked-card', item(file)));
    expect(buttonsOf(card).map((b) => b.text)).toEqual([unlockFor(8), starsFor(30)]);
    expect(previewOf(page, album)!.paid_media?.paid_media).toHaveLength(4);

    expect(previewOf(page, hidden)).toBeUndefined();
    expect(page.at(-1)!.text).toBe(enPlain('content-footer', { page: 1, pages: 1, total: 3 }));
    expect(fake.callsTo('sendPaidMedia').some((c) => c.payload.payload?.startsWith(`cu:${hidden.id}:`))).toBe(
      false,
    );
  });

  it('pages five items at a time', async () => {
    const extra = [];
    for (let i = 1; i <= 3; i++)
      extra.push(await addContentItem(t, fake, { title: `Extra ${i}`, credits: 1, stars: 1 }));
    const ben = await newFan(810_002);
    const first = await browse(t, fake, ben);
    expect(first).toHaveLength(6);
    const footer = first.at(-1)!;
    expect(footer.text).toBe(enPlain('content-footer', { page: 1, pages: 2, total: 6 }));
    expect(buttonsOf(footer).map((b) => b.text)).toEqual([en('content-button-more')]);
    const more = press(fake, ben, ben.id, footer.message_id, buttonsOf(footer)[0]!.callback_data);
    const second = await browse(t, fake, ben, more);
    expect(second).toHaveLength(2);
    expect(second.at(-1)!.text).toBe(enPlain('content-footer', { page: 2, pages: 2, total: 6 }));
    expect(buttonsOf(second.at(-1)).map((b) => b.text)).toEqual([en('content-button-previous')]);
    for (const e of extra) await uow().repos.content.update(e.id, { hidden: true });
  });

  it('with nothing on sale, says so', async () => {
    const all = await uow().repos.content.listAll(0, 100);
    for (const i of all) await uow().repos.content.update(i.id, { hidden: true });
    const cleo = await newFan(810_003);
    await t.post(command(cleo, 'content', undefined, { fake }));
    expect(lastBotText(fake, cleo.id)).toBe(en('content-empty'));
    for (const i of all.filter((x) => !x.hidden)) await uow().repos.content.update(i.id, { hidden: false });
  });
});

describe('unlocking with credits', () => {
  it('not enough credits: the cost, the balance and a buy button; nothing changes', async () => {
    const dan = await newFan(810_010);
    const page = await browse(t, fake, dan);
    const u = await tap(dan, previewOf(page, photo)!, unlockFor(5));
    const refusal = fake
      .messagesIn(dan.id)
      .filter((m) => m.from_bot)
      .at(-1)!;
    expect(refusal.text).toBe(enPlain('content-insufficient', { title: 'Golden hour', cost: 5, balance: 3 }));
    expect(buttonsOf(refusal)).toEqual([
      { text: en('billing-buy-credits-button'), callback_data: 'nav:catalog' },
    ]);
    expect(answerTo(fake, u)?.ok).toBe(true);
    expect(await balanceOf(t, dan.id)).toBe(3);
    expect((await ledgerOf(t, dan.id)).map((e) => e.delta)).toEqual([3]);
    expect(await unlockOf(dan.id, photo.id)).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(mediaSendsTo(fake, dan.id)).toEqual([]);
    expect(fake.message(dan.id, previewOf(page, photo)!.message_id)).toBeDefined();
  });

  it('a price raised after the preview went out: the old button charges nothing and names the new price', async () => {
    const item = await addContentItem(t, fake, { title: 'Repriced', credits: 5, stars: 20 });
    const ada = await newFan(810_028, 100);
    const preview = previewOf(await browse(t, fake, ada), item)!;
    await uow().repos.content.update(item.id, { priceCredits: 50 });
    const u = await tap(ada, preview, unlockFor(5));
    expect(answerTo(fake, u)?.payload).toMatchObject({
      text: en('content-price-changed', { title: 'Repriced', cost: 50 }),
      show_alert: true,
    });
    expect(await balanceOf(t, ada.id)).toBe(103);
    expect(await unlockOf(ada.id, item.id)).toBeNull();

    const fresh = previewOf(await browse(t, fake, ada), item)!;
    await tap(ada, fresh, unlockFor(50));
    expect(await balanceOf(t, ada.id)).toBe(53);
    await uow().repos.content.update(item.id, { hidden: true });
  });

  it('enough credits: one unlock debit, the protected media, the locked preview removed; the list counts it', async () => {
    const eve = await newFan(810_011, 10);
    const page = await browse(t, fake, eve);
    const preview = previewOf(page, photo)!;
    const u = await tap(eve, preview, unlockFor(5));
    expect(answerTo(fake, u)?.payload.text).toBe(en('content-unlocked', { cost: 5, balance: 8 }));
    expect(await balanceOf(t, eve.id)).toBe(8);
    const entries = await t.app.deps.services.history.page(eve.id, 1);
    expect(entries.items[0]).toMatchObject({
      reason: 'unlock',
      delta: -5,
      balanceAfter: 8,
      details: [{ kind: 'name', name: 'Golden hour' }],
    });
    expect((await uow().repos.ledger.findByKey(`unlock:${eve.id}:${photo.id}`))?.delta).toBe(-5);
    expect(await unlockOf(eve.id, photo.id)).toMatchObject({ method: 'credits', credits: 5, stars: 0 });

    const sent = await eventually(() => mediaSendsTo(fake, eve.id)[0], 5000, 'the photo');
    expect(sent.method).toBe('sendPhoto');
    expect(sent.payload).toMatchObject({
      photo: photo.media[0]!.fileId,
      protect_content: true,
      caption: '🔓 <b>Golden hour</b>',
      parse_mode: 'HTML',
    });
    await eventually(() => !fake.message(eve.id, preview.message_id), 5000, 'the preview removed');

    await t.post(command(owner, 'content', undefined, { fake }));
    const prices = { html: en('content-admin-prices', { credits: 5, stars: 20 }) };
    expect(lastBotText(fake, owner.id)).toContain(
      enPlain('content-admin-list-line', { position: 1, title: 'Golden hour', prices, unlocks: 1 }),
    );
  });

  it('an album goes out as one protected album', async () => {
    const fay = await newFan(810_012, 10);
    const page = await browse(t, fake, fay);
    await tap(fay, previewOf(page, album)!, unlockFor(4));
    const sent = await eventually(() => mediaSendsTo(fake, fay.id)[0], 5000, 'the album');
    expect(sent.method).toBe('sendMediaGroup');
    expect(sent.payload.protect_content).toBe(true);
    expect(sent.payload.media).toEqual(
      album.media.map((m, i) => ({
        type: m.type,
        media: m.fileId,
        ...(i === 0 ? { caption: '🔓 <b>Weekend set</b>', parse_mode: 'HTML' } : {}),
      })),
    );
    expect(await balanceOf(t, fay.id)).toBe(13 - 4);
  });

  it('an unlocked item is sent again free: no ledger entry, from the list or an old preview', async () => {
    const gus = await newFan(810_013, 10);
    const first = await browse(t, fake, gus);
    const oldPreview = previewOf(await browse(t, fake, gus), file)!;
    await tap(gus, previewOf(first, file)!, unlockFor(8));
    await eventually(() => mediaSendsTo(fake, gus.id).length === 1, 5000, 'the file');
    const ledger = await ledgerOf(t, gus.id);

    const again = await browse(t, fake, gus);
    const card = previewOf(again, file)!;
    expect(card.text).toBe(enPlain('content-unlocked-card', { title: 'Workout plan', ...mediaCounts(file) }));
    // A tap right after the unlock is a double tap: the file is already on its way.
    const early = await tap(gus, card, SEND_AGAIN);
    expect(answerTo(fake, early)?.payload.text).toBe(en('content-on-its-way'));
    await sentLongAgo(gus.id, file.id);
    const u = await tap(gus, card, SEND_AGAIN);
    expect(answerTo(fake, u)?.payload.text).toBe(en('content-resent'));
    await eventually(() => mediaSendsTo(fake, gus.id).length === 2, 5000, 'sent again');
    expect(mediaSendsTo(fake, gus.id)[1]!.payload).toMatchObject({ document: file.media[0]!.fileId });
    expect(await ledgerOf(t, gus.id)).toEqual(ledger);
    expect(await balanceOf(t, gus.id)).toBe(5);

    // The unlock button of an older preview sends the owned item again too, for free.
    await sentLongAgo(gus.id, file.id);
    await tap(gus, oldPreview, unlockFor(8));
    await eventually(() => mediaSendsTo(fake, gus.id).length === 3, 5000, 'sent a third time');
    expect(await ledgerOf(t, gus.id)).toEqual(ledger);
  });

  it('two presses at once charge once', async () => {
    const hal = await newFan(810_014, 10);
    const page = await browse(t, fake, hal);
    const preview = previewOf(page, photo)!;
    const data = buttonsOf(preview)[0]!.callback_data;
    await Promise.all([
      t.post(press(fake, hal, hal.id, preview.message_id, data)),
      t.post(press(fake, hal, hal.id, preview.message_id, data)),
    ]);
    expect(await balanceOf(t, hal.id)).toBe(8);
    expect((await ledgerOf(t, hal.id)).map((e) => e.delta)).toEqual([3, 10, -5]);
    const rows = await t.db.database.db
      .select()
      .from(contentUnlocks)
      .where(eq(contentUnlocks.userId, hal.id));
    expect(rows).toHaveLength(1);
    // The second press found the item owned: one delivery (the double tap collapses into one send).
    await eventually(() => mediaSendsTo(fake, hal.id).length === 1, 5000, 'the photo');
    await new Promise((r) => setTimeout(r, 200));
    expect(mediaSendsTo(fake, hal.id)).toHaveLength(1);
  });

  it('a hidden item cannot be unlocked (credits or Stars); fans who own it keep it', async () => {
    const ida = await newFan(810_015, 20);
    const jon = await newFan(810_016, 20);
    const idaPage = await browse(t, fake, ida);
    const jonPage = await browse(t, fake, jon);
    await tap(ida, previewOf(idaPage, file)!, unlockFor(8));
    await uow().repos.content.update(file.id, { hidden: true });
    try {
      const viaCredits = await tap(jon, previewOf(jonPage, file)!, unlockFor(8));
      expect(answerTo(fake, viaCredits)?.payload.text).toBe(UNAVAILABLE);
      const viaStars = await tap(jon, previewOf(jonPage, file)!, starsFor(30));
      expect(answerTo(fake, viaStars)?.payload.text).toBe(UNAVAILABLE);
      expect(fake.callsTo('sendInvoice').filter((c) => c.payload.chat_id === jon.id)).toEqual([]);
      expect(await balanceOf(t, jon.id)).toBe(23);
      expect(await unlockOf(jon.id, file.id)).toBeNull();
      expect(previewOf(await browse(t, fake, jon), file)).toBeUndefined();

      const owned = previewOf(await browse(t, fake, ida), file)!;
      expect(owned.text).toBe(
        enPlain('content-unlocked-card', { title: 'Workout plan', ...mediaCounts(file) }),
      );
    } finally {
      await uow().repos.content.update(file.id, { hidden: false });
    }
  });
});

describe('unlocking with Stars', () => {
  it('paid media: the purchase records the unlock once, moves no credits, and confirms', async () => {
    const kim = await newFan(810_020);
    const page = await browse(t, fake, kim);
    const post = previewOf(page, photo)!;
    const bought = purchasedPaidMedia(kim, fake.paidMediaPayload(kim.id, post.message_id));
    await t.post(bought);
    expect(await unlockOf(kim.id, photo.id)).toMatchObject({ method: 'paid_media', stars: 20, credits: 0 });
    const yours = enPlain('content-paid-media-unlocked', { title: 'Golden hour' });
    await eventually(() => lastBotText(fake, kim.id) === yours, 5000, 'the confirmation');
    await t.post(bought); // redelivered
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.messagesIn(kim.id).filter((m) => m.text === yours)).toHaveLength(1);
    expect((await ledgerOf(t, kim.id)).map((e) => e.delta)).toEqual([3]);

    // Owned now: the list offers it again for free, and pressing credits on the old post charges nothing.
    expect(previewOf(await browse(t, fake, kim), photo)!.text).toBe(
      enPlain('content-unlocked-card', { title: 'Golden hour', ...mediaCounts(photo) }),
    );
    const u = await tap(kim, post, unlockFor(5));
    expect(answerTo(fake, u)?.payload.text).toBe(en('content-resent'));
    expect(await balanceOf(t, kim.id)).toBe(3);
  });

  it('paid media after a credits unlock: the credits go back (once)', async () => {
    const lea = await newFan(810_021, 10);
    const page = await browse(t, fake, lea);
    const oldPost = (await browse(t, fake, lea)).find((m) => m.paid_media && previewOf([m], photo))!;
    await tap(lea, previewOf(page, photo)!, unlockFor(5));
    expect(await balanceOf(t, lea.id)).toBe(8);
    const bought = purchasedPaidMedia(lea, fake.paidMediaPayload(lea.id, oldPost.message_id));
    await t.post(bought);
    expect(await balanceOf(t, lea.id)).toBe(13);
    expect((await ledgerOf(t, lea.id)).map((e) => e.delta)).toEqual([3, 10, -5, 5]);
    expect((await uow().repos.ledger.findByKey(`refund:unlock:${lea.id}:${photo.id}`))?.delta).toBe(5);
    const back = enPlain('content-credits-returned', { title: 'Golden hour', returned: 5, balance: 13 });
    await eventually(() => lastBotText(fake, lea.id) === back, 5000);
  });

  it('a second Stars purchase of an owned item is reported to the owners (privately) for a refund', async () => {
    const max = await newFan(810_022);
    const [one, two] = [await browse(t, fake, max), await browse(t, fake, max)];
    await t.post(purchasedPaidMedia(max, fake.paidMediaPayload(max.id, previewOf(one, album)!.message_id)));
    await t.post(purchasedPaidMedia(max, fake.paidMediaPayload(max.id, previewOf(two, album)!.message_id)));
    await eventually(
      () =>
        lastBotText(fake, OWNER_ID) ===
        enPlain('content-admin-double-paid-media', {
          userId: String(max.id),
          stars: 15,
          title: 'Weekend set',
          itemId: String(album.id),
        }),
      5000,
      'the owners’ alert',
    );
    expect((await ledgerOf(t, max.id)).map((e) => e.delta)).toEqual([3]);
  });

  it('a payload we did not write is never silent: the fan and the owners are told, nothing is recorded', async () => {
    const ned = await newFan(810_023);
    await t.post(purchasedPaidMedia(ned, `cu:${photo.id}:${ned.id}`));
    await eventually(
      () => lastBotText(fake, ned.id) === enPlain('billing-payment-unmatched'),
      5000,
      'the fan told',
    );
    // Money trouble goes to those who may refund, privately.
    const alert = enPlain('billing-admin-unmatched-paid-media', {
      userId: String(ned.id),
      payload: `cu:${photo.id}:${ned.id}`,
    });
    await eventually(() => lastBotText(fake, OWNER_ID) === alert, 5000, 'the owners told');
    expect(await unlockOf(ned.id, photo.id)).toBeNull();
  });

  it('files by invoice: ⭐ → invoice (XTR) → pre-checkout → the unlock and the file, once', async () => {
    const ola = await newFan(810_024);
    const page = await browse(t, fake, ola);
    await tap(ola, previewOf(page, file)!, starsFor(30));
    const invoice = fake
      .callsTo('sendInvoice')
      .filter((c) => c.ok && c.payload.chat_id === ola.id)
      .at(-1)!;
    expect(invoice.payload).toMatchObject({
      title: 'Workout plan',
      currency: 'XTR',
      prices: [{ label: 'Workout plan', amount: 30 }],
    });
    const { answer, paid, paymentId } = await payLatestInvoice(t, fake, ola, 'stxOla1');
    expect(answer).toMatchObject({ ok: true });
    expect(await unlockOf(ola.id, file.id)).toMatchObject({
      method: 'invoice',
      stars: 30,
      credits: 0,
      paymentId,
    });
    const [payment] = await t.db.database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment).toMatchObject({ status: 'paid', kind: 'unlock', quantity: file.id, amount: 30 });
    const sent = await eventually(() => mediaSendsTo(fake, ola.id)[0], 5000, 'the file');
    expect(sent.payload).toMatchObject({ document: file.media[0]!.fileId, protect_content: true });
    const receipt = enPlain('content-invoice-unlocked', { title: 'Workout plan', stars: 30 });
    await eventually(() => lastBotText(fake, ola.id) === receipt, 5000);

    await t.post(paid); // redelivered: nothing more
    await t.post({ ...paid, update_id: paid.update_id + 700_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(mediaSendsTo(fake, ola.id)).toHaveLength(1);
    expect((await ledgerOf(t, ola.id)).map((e) => e.delta)).toEqual([3]);

    const again = await tap(ola, previewOf(page, file)!, starsFor(30));
    expect(answerTo(fake, again)?.payload.text).toBe(en('content-already-owned'));
  });

  it('pre-checkout refuses an invoice for an item owned meanwhile, hidden, or repriced', async () => {
    const pia = await newFan(810_025, 20);
    const page = await browse(t, fake, pia);
    const card = previewOf(page, file)!;

    await tap(pia, card, starsFor(30));
    await uow().repos.content.update(file.id, { priceStars: 31 });
    expect((await payLatestInvoice(t, fake, pia, 'stxPia1')).answer).toMatchObject({
      ok: false,
      error_message: en('content-precheckout-price'),
    });
    await uow().repos.content.update(file.id, { priceStars: 30 });

    await tap(pia, card, starsFor(30));
    await uow().repos.content.update(file.id, { hidden: true });
    expect((await payLatestInvoice(t, fake, pia, 'stxPia2')).answer).toMatchObject({
      ok: false,
      error_message: en('content-precheckout-gone'),
    });
    await uow().repos.content.update(file.id, { hidden: false });

    await tap(pia, card, starsFor(30));
    await tap(pia, card, unlockFor(8));
    expect((await payLatestInvoice(t, fake, pia, 'stxPia3')).answer).toMatchObject({
      ok: false,
      error_message: en('content-precheckout-owned'),
    });
    expect(await unlockOf(pia.id, file.id)).toMatchObject({ method: 'credits' });
    expect(await balanceOf(t, pia.id)).toBe(15);
  });

  it('an invoice paid after a credits unlock (a race): the credits go back; refunding the Stars takes the item back', async () => {
    const { fan: ray, threadId } = await fanWithTopic(t, fake, 810_027, 'Ray');
    await grantCredits(t, ray.id, 10);
    const card = previewOf(await browse(t, fake, ray), file)!;
    await tap(ray, card, starsFor(30));
    const inv = fake
      .callsTo('sendInvoice')
      .filter((c) => c.ok && c.payload.chat_id === ray.id)
      .at(-1)!;
    const payload = inv.payload.payload as string;
    await t.post(preCheckoutQuery(ray, { payload, total_amount: 30 }));
    expect(fake.callsTo('answerPreCheckoutQuery').at(-1)!.payload).toMatchObject({ ok: true });
    await tap(ray, card, unlockFor(8)); // between Telegram's check and the payment
    expect(await balanceOf(t, ray.id)).toBe(4);
    const charge = { payload, total_amount: 30, telegram_payment_charge_id: 'stxRay1' };
    await t.post(successfulPayment(ray, charge, { fake }));
    expect(await balanceOf(t, ray.id)).toBe(12);
    expect((await uow().repos.ledger.findByKey(`refund:unlock:${ray.id}:${file.id}`))?.delta).toBe(8);
    await eventually(() => /8 credits returned\. Balance: 12 credits/.test(lastBotText(fake, ray.id)), 5000);
    const paymentId = Number(payload.slice('pay:'.length));
    expect(await unlockOf(ray.id, file.id)).toMatchObject({
      method: 'invoice',
      credits: 0,
      stars: 30,
      paymentId,
    });

    // The Stars are refunded: the item is no longer theirs, and buying it again charges again.
    await t.post(topicCommand(fake, threadId, `/refund ${paymentId}`));
    expect(await unlockOf(ray.id, file.id)).toBeNull();
    const again = previewOf(await browse(t, fake, ray), file)!;
    await tap(ray, again, unlockFor(8));
    expect(await balanceOf(t, ray.id)).toBe(4);
    expect((await uow().repos.ledger.findByKey(`unlock:${ray.id}:${file.id}:2`))?.delta).toBe(-8);
    expect(await unlockOf(ray.id, file.id)).toMatchObject({ method: 'credits', credits: 8 });
  });

  it('/refund of an unlock invoice returns the Stars and the item is no longer theirs', async () => {
    const { fan: sue, threadId } = await fanWithTopic(t, fake, 810_028, 'Sue');
    await tap(sue, previewOf(await browse(t, fake, sue), file)!, starsFor(30));
    const { paymentId } = await payLatestInvoice(t, fake, sue, 'stxSue1');
    expect(await unlockOf(sue.id, file.id)).toMatchObject({ method: 'invoice', paymentId });

    await t.post(topicCommand(fake, threadId, `/refund ${paymentId}`));
    expect(fake.callsTo('refundStarPayment').at(-1)!.payload).toMatchObject({
      user_id: sue.id,
      telegram_payment_charge_id: 'stxSue1',
    });
    expect((await uow().repos.payments.get(paymentId))!.status).toBe('refunded');
    expect(await unlockOf(sue.id, file.id)).toBeNull();
    await eventually(
      () =>
        lastBotText(fake, sue.id) ===
        enPlain('content-refunded-revoked', { stars: 30, title: 'Workout plan' }),
      5000,
    );
    expect(previewOf(await browse(t, fake, sue), file)!.text).toBe(
      enPlain('content-locked-card', { title: 'Workout plan', credits: 8, stars: 30, ...mediaCounts(file) }),
    );
  });

  it('tampered fan buttons change nothing', async () => {
    const quin = await newFan(810_026, 10);
    const page = await browse(t, fake, quin);
    const footer = page.at(-1)!;
    for (const data of [
      'cfan:steal:1',
      `cfan:credits:${photo.id}`,
      'cunlock:x:1',
      `cunlock:5:${photo.id}:1`,
      'cpage:x',
    ]) {
      const u = press(fake, quin, quin.id, footer.message_id, data);
      await t.post(u);
      expect(answerTo(fake, u)?.payload.text).toBe(en('common-stale-button'));
    }
    const unknown = press(fake, quin, quin.id, footer.message_id, 'cunlock:5:999999');
    await t.post(unknown);
    expect(answerTo(fake, unknown)?.payload.text).toBe(UNAVAILABLE);
    const notOwned = press(fake, quin, quin.id, footer.message_id, `cfan:resend:${photo.id}`);
    await t.post(notOwned);
    expect(answerTo(fake, notOwned)?.payload.text).toBe(UNAVAILABLE);
    expect(await balanceOf(t, quin.id)).toBe(13);
    await new Promise((r) => setTimeout(r, 200));
    expect(mediaSendsTo(fake, quin.id)).toEqual([]);
  });
});

describe('a fan in their language', () => {
  it.each([
    ['es', 'es', 810_041],
    ['pt-br', 'pt-BR', 810_042],
  ] as const)('language_code %s: the list and an unlock in the fan’s language', async (code, locale, id) => {
    const fan = fanUser(id, { language_code: code });
    await t.post(command(fan, 'start', undefined, { fake }));
    await grantCredits(t, fan.id, 20);
    const page = await browse(t, fake, fan);
    expect(page.at(-1)!.text).toBe(plain(tr(locale, 'content-footer', { page: 1, pages: 1, total: 3 })));
    const post = previewOf(page, photo)!;
    expect(post.caption).toBe(
      plain(
        tr(locale, 'content-locked-paid-media', {
          title: 'Golden hour',
          credits: 5,
          stars: 20,
          ...mediaCounts(photo),
        }),
      ),
    );
    const u = await tap(fan, post, tr(locale, 'content-button-unlock', { credits: 5 }));
    expect(answerTo(fake, u)?.payload.text).toBe(tr(locale, 'content-unlocked', { cost: 5, balance: 18 }));
  });

  it('a Russian fan browses, unlocks with credits and pays an invoice in Russian', async () => {
    const ivan = fanUser(810_040, { language_code: 'ru' });
    await t.post(command(ivan, 'start', undefined, { fake }));
    await grantCredits(t, ivan.id, 20);
    const ru = (key: string, args?: Parameters<typeof tr>[2]) => plain(tr('ru', key, args));

    const page = await browse(t, fake, ivan);
    expect(page.at(-1)!.text).toBe(ru('content-footer', { page: 1, pages: 1, total: 3 }));
    const post = previewOf(page, photo)!;
    expect(post.caption).toBe(
      ru('content-locked-paid-media', { title: 'Golden hour', credits: 5, stars: 20, ...mediaCounts(photo) }),
    );
    expect(post.caption).toContain('1 фото');
    const card = previewOf(page, file)!;
    expect(card.text).toBe(
      ru('content-locked-card', { title: 'Workout plan', credits: 8, stars: 30, ...mediaCounts(file) }),
    );
    const unlock = tr('ru', 'content-button-unlock', { credits: 5 });
    expect(buttonsOf(post).map((b) => b.text)).toEqual([unlock]);

    // Credits: the answer and the media's caption in Russian.
    const u = await tap(ivan, post, unlock);
    expect(answerTo(fake, u)?.payload.text).toBe(tr('ru', 'content-unlocked', { cost: 5, balance: 18 }));
    expect(answerTo(fake, u)?.payload.text).toContain('5 кредитов');
    const sent = await eventually(() => mediaSendsTo(fake, ivan.id)[0], 5000, 'the photo');
    expect(sent.payload).toMatchObject({
      caption: tr('ru', 'content-delivery-caption', { title: 'Golden hour' }),
    });

    // Stars by invoice: the description and the receipt in Russian.
    await tap(ivan, card, tr('ru', 'content-button-stars', { stars: 30 }));
    const invoice = fake
      .callsTo('sendInvoice')
      .filter((c) => c.ok && c.payload.chat_id === ivan.id)
      .at(-1)!;
    expect(invoice.payload.description).toBe(
      ru('content-invoice-description', { title: 'Workout plan', ...mediaCounts(file) }),
    );
    expect(invoice.payload.description).toContain('1 файл');
    await payLatestInvoice(t, fake, ivan, 'stxIvan1');
    const receipt = ru('content-invoice-unlocked', { title: 'Workout plan', stars: 30 });
    await eventually(() => lastBotText(fake, ivan.id) === receipt, 5000, 'the receipt in Russian');
    expect(receipt).toMatch(/^✅ Workout plan открыто за ⭐ 30/);
  });
});

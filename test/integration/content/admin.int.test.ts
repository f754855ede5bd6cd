import { eq } from 'drizzle-orm';
import type { User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mediaCounts } from '../../../src/app/content/index.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { auditLog, products } from '../../../src/db/schema/index.ts';
import { startTestApp, eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { DEFAULT_BOT_INFO } from '../../support/fake-telegram/index.ts';
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
import { en } from '../../support/i18n.ts';
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
async function adminList(who: User = owner) {
  await t.post(command(who, 'content', undefined, { fake }));
  const list = fake
    .messagesIn(who.id)
    .filter((m) => m.from_bot)
    .at(-1)!;
  return { list, text: list.text ?? '', buttons: buttonsOf(list) };
}
/** Opens an item's tools from the owner's list (paging on with ▶️); returns the edited list message. */
async function openItem(title: string, who: User = owner) {
  const { list } = await adminList(who);
  for (;;) {
    const buttons = buttonsOf(fake.message(who.id, list.message_id));
    const item = buttons.find((b) => b.text.endsWith(` ${title}`));
    const next = buttons.find((b) => b.text === '▶️');
    if (!item && !next) throw new Error(`openItem: no "${title}" in the list`);
    await t.post(press(fake, who, who.id, list.message_id, (item ?? next)!.callback_data));
    if (item) return fake.message(who.id, list.message_id)!;
  }
}
/** A catalogue text as the chat shows it (tags gone, entities read). */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const enPlain = (key: string, args?: Parameters<typeof en>[1]) => plain(en(key, args));
/** What a step of the draft asks (`content-admin-step-…`), as an argument. */
const ask = (step: string) => ({ html: en(`content-admin-step-${step}`) });
const retry = (reason: string, step: string, max?: number) =>
  enPlain('content-admin-retry', {
    reason: { html: en(`content-admin-${reason}`, max === undefined ? undefined : { max: String(max) }) },
    ask: ask(step),
  });
const prices = (credits: number, stars: number) => ({ html: en('content-admin-prices', { credits, stars }) });
/** The item's deep link, shown under its card for the creator to copy. */
const linkLine = (id: number) =>
  enPlain('content-admin-item-link', {
    link: `https://t.me/${DEFAULT_BOT_INFO.username}?start=content_${id}`,
  });
/** The answer to the last step: the new item, named by its title, and its link. */
async function createdText(title: string) {
  const item = (await contentItems(t)).find((i) => i.title === title)!;
  const created = enPlain('content-admin-created', {
    title,
    id: String(item.id),
    prices: prices(item.priceCredits, item.priceStars),
    ...mediaCounts(item),
  });
  return `${created}\n\n${linkLine(item.id)}`;
}
/** A line of the owner's list, without its position. */
const listLine = (title: string, credits: number, stars: number, unlocks: number, hidden = false) =>
  enPlain(hidden ? 'content-admin-list-line-hidden' : 'content-admin-list-line', {
    position: 0,
    title,
    prices: prices(credits, stars),
    unlocks,
  }).replace(/^0\. /, '');
async function pressOn(messageId: number, label: string) {
  const m = fake.message(owner.id, messageId)!;
  const button = buttonsOf(m).find((b) => b.text === label);
  if (!button) throw new Error(`no button ${String(label)} on message ${messageId}`);
  const u = press(fake, owner, owner.id, messageId, button.callback_data);
  await t.post(u);
  return { update: u, message: fake.message(owner.id, messageId)! };
}

describe('adding content (/content add)', () => {
  it('a photo, a title and two prices make an item, with its Stars product, audited and listed', async () => {
    await t.post(command(owner, 'content', 'add', { fake }));
    expect(lastBotText(fake, owner.id)).toBe(enPlain('content-admin-ask-media'));
    const [photo] = mediaUpdates(fake, ['photo']);
    await t.post(photo!);
    expect(lastBotText(fake, owner.id)).toBe(enPlain('content-admin-got-media', { ask: ask('title') }));
    await say('Sunset');
    expect(lastBotText(fake, owner.id)).toBe(
      enPlain('content-admin-got-title', { title: 'Sunset', ask: ask('credits') }),
    );
    await say('5');
    expect(lastBotText(fake, owner.id)).toBe(
      enPlain('content-admin-got-credits', { credits: 5, ask: ask('stars') }),
    );
    await say('25');
    expect(lastBotText(fake, owner.id)).toBe(await createdText('Sunset'));

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
    expect(text).toContain(listLine('Sunset', 5, 25, 0));
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
    expect(lastBotText(fake, owner.id)).toBe(await createdText('Beach album'));
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
    expect(lastBotText(fake, owner.id)).toBe(retry('media-first', 'media'));
    await t.post(privateMedia(owner, 'voice', { fake }));
    expect(lastBotText(fake, owner.id)).toBe(retry('unsellable', 'media'));
    await t.post(privateMedia(owner, 'animation', { fake }));
    expect(lastBotText(fake, owner.id)).toBe(retry('unsellable', 'media'));
    await t.post(privateMedia(owner, 'document', { fake }));
    expect(lastBotText(fake, owner.id)).toBe(enPlain('content-admin-got-media', { ask: ask('title') }));
    await t.post(privateMedia(owner, 'photo', { fake }));
    expect(lastBotText(fake, owner.id)).toBe(retry('has-media', 'title'));

    await say('x'.repeat(65));
    expect(lastBotText(fake, owner.id)).toBe(retry('bad-title', 'title', 64));
    await say('Guide <b>PDF</b>');
    // Shown as typed, not as HTML.
    expect(lastBotText(fake, owner.id)).toMatch(/: Guide <b>PDF<\/b>\./);
    for (const bad of ['0', 'ten', '5.5', '100001']) {
      await say(bad);
      expect(lastBotText(fake, owner.id)).toBe(retry('bad-credits', 'credits', 100000));
    }
    await say('100000');
    await say('10001');
    expect(lastBotText(fake, owner.id)).toBe(retry('bad-stars', 'stars', 10000));
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
    expect(lastBotText(fake, owner.id)).toBe(en('content-admin-cancelled'));
    expect(await draftOf()).toBeNull();
    expect(await contentItems(t)).toHaveLength(count);
    await t.post(command(owner, 'cancel', undefined, { fake }));
    expect(lastBotText(fake, owner.id)).toBe(en('content-admin-nothing-to-cancel'));
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
      const created = (await createUnitOfWork(db.database).repos.content.listAll(0, 10))[0]!;
      expect(lastBotText(fake, owner.id)).toBe(
        `${enPlain('content-admin-created', {
          title: 'Behind the scenes',
          id: String(created.id),
          prices: prices(7, 30),
          ...mediaCounts(created),
        })}\n\n${linkLine(created.id)}`,
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
    const { position, total } = await uow().run(async (r) => ({
      position: await r.content.position(item.id),
      total: await r.content.countAll(),
    }));
    expect(view.text).toBe(
      `${enPlain('content-admin-item', {
        title: 'Old title',
        id: String(item.id),
        ...mediaCounts(item),
        paidMedia: 'yes',
        prices: prices(3, 9),
        unlocks: 0,
        hidden: 'no',
        position,
        total,
      })}\n\n${linkLine(item.id)}`,
    );

    await pressOn(view.message_id, en('content-admin-button-title'));
    expect(lastBotText(fake, owner.id)).toBe(
      enPlain('content-admin-edit-prompt', {
        title: 'Old title',
        id: String(item.id),
        ask: ask('edit-title'),
      }),
    );
    await say('New title');
    expect(lastBotText(fake, owner.id)).toBe(
      enPlain('content-admin-saved', { title: 'New title', prices: prices(3, 9) }),
    );

    await pressOn(view.message_id, en('content-admin-button-credits'));
    await say('-1');
    expect(lastBotText(fake, owner.id)).toBe(retry('bad-credits', 'edit-credits', 100000));
    await say('4');
    await pressOn(view.message_id, en('content-admin-button-stars'));
    await say('11');
    expect(lastBotText(fake, owner.id)).toBe(
      enPlain('content-admin-saved', { title: 'New title', prices: prices(4, 11) }),
    );

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
    const hide = await pressOn(view.message_id, en('content-admin-button-hide'));
    expect(answerTo(fake, hide.update)?.payload.text).toBe(en('content-admin-hidden'));
    expect(hide.message.text).toContain('🙈');
    expect((await uow().repos.content.get(item.id))!.hidden).toBe(true);
    expect((await productOf(item.productId!)).active).toBe(false);
    expect((await adminList()).text).toContain(listLine('Hide me', 2, 5, 0, true));

    const show = await pressOn(view.message_id, en('content-admin-button-show'));
    expect(answerTo(fake, show.update)?.payload.text).toBe(en('content-admin-shown'));
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
    await pressOn(view.message_id, en('content-admin-button-up'));
    expect(await titles()).toEqual(['First', 'Third', 'Second']);
    const up = await pressOn(view.message_id, en('content-admin-button-up'));
    expect(await titles()).toEqual(['Third', 'First', 'Second']);
    expect(answerTo(fake, up.update)?.payload.text).toBe(en('content-admin-moved-up'));
    const down = await pressOn(view.message_id, en('content-admin-button-down'));
    expect(answerTo(fake, down.update)?.payload.text).toBe(en('content-admin-moved-down'));
    expect(await titles()).toEqual(['First', 'Third', 'Second']);
    const last = await openItem('Second');
    const stuck = await pressOn(last.message_id, en('content-admin-button-down'));
    expect(answerTo(fake, stuck.update)?.payload.text).toBe(en('content-admin-already-last'));
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
    const send = await pressOn(view.message_id, en('content-admin-button-send'));
    expect(answerTo(fake, send.update)?.payload.text).toBe(en('content-admin-sending'));
    const sent = await eventually(
      () => fake.callsTo('sendDocument').find((c) => c.ok && c.payload.chat_id === owner.id),
      5000,
    );
    expect(sent.payload).toMatchObject({ document: item.media[0]!.fileId, protect_content: true });
  });
});

describe('who may manage, and tampered buttons', () => {
  it('team roles: a manager adds and edits content (products.edit); an agent cannot', async () => {
    const manager = fanUser(730_010, { first_name: 'Mia' });
    const agent = fanUser(730_011, { first_name: 'Abe' });
    await uow().repos.team.set({ userId: manager.id, role: 'manager', addedBy: owner.id }, new Date());
    await uow().repos.team.set({ userId: agent.id, role: 'agent', addedBy: owner.id }, new Date());

    // The manager: the whole flow, as an owner has it.
    await t.post(command(manager, 'content', 'add', { fake }));
    expect(lastBotText(fake, manager.id)).toBe(enPlain('content-admin-ask-media'));
    await t.post(mediaUpdates(fake, ['photo'], manager)[0]!);
    for (const answer of ['Team pick', '6', '12']) await t.post(privateText(manager, answer, { fake }));
    const item = (await contentItems(t)).find((i) => i.title === 'Team pick')!;
    expect(item).toMatchObject({ priceCredits: 6, priceStars: 12 });
    const audit = await t.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'content_create'));
    expect(audit.at(-1)).toMatchObject({ actorId: manager.id, details: { itemId: item.id } });
    expect(lastBotText(fake, manager.id)).toBe(await createdText('Team pick'));
    const view = await openItem('Team pick', manager);
    const hide = buttonsOf(view).find((b) => b.text === en('content-admin-button-hide'))!;
    await t.post(press(fake, manager, manager.id, view.message_id, hide.callback_data));
    expect((await uow().repos.content.get(item.id))!.hidden).toBe(true);

    // The agent: /content add is the fans' list, the tools refuse, and nothing changes.
    await t.post(command(agent, 'content', 'add', { fake }));
    expect(await draftOf(agent.id)).toBeNull();
    const someMessage = await eventually(
      () =>
        fake
          .messagesIn(agent.id)
          .filter((m) => m.from_bot)
          .at(-1),
      5000,
      'an answer to the agent',
    );
    for (const data of [`citem:show:${item.id}`, `citem:title:${item.id}`, 'clist:1', 'cadd']) {
      const u = press(fake, agent, agent.id, someMessage.message_id, data);
      await t.post(u);
      expect(answerTo(fake, u)?.payload).toMatchObject({
        text: en('content-admin-only-admins'),
        show_alert: true,
      });
    }
    expect(await draftOf(agent.id)).toBeNull();
    expect((await uow().repos.content.get(item.id))!.hidden).toBe(true);
    await uow().repos.content.update(item.id, { hidden: false });
  });

  it('a fan’s /content add is the fans’ list, not a draft; admin buttons pressed by a fan change nothing', async () => {
    const item = await addContentItem(t, fake, { title: 'Guarded', credits: 2, stars: 3 });
    const mallory = fanUser(730_001, { first_name: 'Mallory' });
    await t.post(command(mallory, 'content', 'add', { fake }));
    expect(await draftOf(mallory.id)).toBeNull();
    const footer = enPlain('content-footer', { page: 1, pages: 1, total: 1 }).split(' (')[0]!;
    await eventually(() => lastBotText(fake, mallory.id).startsWith(footer), 5000, 'the fans’ list');

    const someMessage = fake
      .messagesIn(mallory.id)
      .filter((m) => m.from_bot)
      .at(-1)!;
    for (const data of [`citem:hide:${item.id}`, `citem:title:${item.id}`, 'clist:1', 'cadd']) {
      const u = press(fake, mallory, mallory.id, someMessage.message_id, data);
      await t.post(u);
      expect(answerTo(fake, u)?.payload).toMatchObject({
        text: en('content-admin-only-admins'),
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
      expect(answerTo(fake, u)?.payload.text).toBe(en('common-stale-button'));
    }
    expect(await contentItems(t)).toEqual(before);
    expect(await draftOf()).toBeNull();
  });
});

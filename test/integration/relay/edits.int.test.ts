import { and, eq, inArray, like } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { outbox } from '../../../src/db/schema/index.ts';

import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import {
  editedMessage,
  editedPrivateText,
  fanUser,
  groupTopicMessage,
  privateMedia,
  privatePhoto,
  privateText,
} from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { en } from '../../support/i18n.ts';

let fake: FakeTelegram;
let t: TestApp;
const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const member = fanUser(900777, { first_name: 'Mallory' });

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
  {
    afterEach: async () => {
      expect(await deadItems()).toEqual([]); // nothing given up on, "message is not modified" included
    },
  },
);

const settle = () => new Promise((r) => setTimeout(r, 250));
const resultId = (c: { result?: unknown }) => (c.result as { message_id: number }).message_id;
const threadOf = async (userId: number) =>
  (await createUnitOfWork(t.db.database).repos.topics.get(userId))!.threadId!;
const textOf = (chatId: number, messageId: number) => {
  const m = fake.message(chatId, messageId)?.message;
  return m?.text ?? m?.caption;
};
const deadItems = async () =>
  (await t.db.database.db.select().from(outbox).where(eq(outbox.status, 'dead'))).map((i) => i.lastError);
/** Edits still to be sent (other items, such as throttled card renders, may wait for minutes). */
const openEdits = async () =>
  (
    await t.db.database.db
      .select()
      .from(outbox)
      .where(and(like(outbox.idempotencyKey, 'edit:%'), inArray(outbox.status, ['pending', 'sending'])))
  ).length;
const bold = (offset: number, length: number) => ({ type: 'bold' as const, offset, length });

/** Posts a fan's message and waits for it in the topic: the group message id of the copy (or forward). */
async function relay(update: Update, method = 'copyMessage'): Promise<number> {
  await t.post(update);
  const { chat, message_id } = update.message!;
  const call = await eventually(
    () =>
      fake.calls.find(
        (c) =>
          c.ok &&
          c.method === method &&
          c.payload.from_chat_id === chat.id &&
          c.payload.message_id === message_id,
      ),
    5000,
    'the relay',
  );
  // A new fan's card and its pin follow their message: wait for them, so they are not taken for what
  // the test looks for next.
  await eventually(
    async () => (await createUnitOfWork(t.db.database).repos.topics.get(chat.id))?.cardPinned === true,
    5000,
    'the card',
  );
  return resultId(call);
}

/** An admin's reply in the fan's topic, delivered (👌): the reply update and the fan's copy id. */
async function adminReply(fanId: number, text: string, opts: { date?: number } = {}) {
  const reply = groupTopicMessage(ADMIN_GROUP_ID, await threadOf(fanId), owner, text, { fake, ...opts });
  await t.post(reply);
  const copy = await eventually(
    () =>
      fake.calls.find(
        (c) => c.ok && c.method === 'copyMessage' && c.payload.message_id === reply.message!.message_id,
      ),
    5000,
    'the reply to the fan',
  );
  await eventually(() => fake.reactions(ADMIN_GROUP_ID, reply.message!.message_id).length > 0, 5000, '👌');
  return { reply, fanCopyId: resultId(copy) };
}

describe("a fan's edits", () => {
  it('edit the copy in the topic, formatting kept, free of charge', async () => {
    const ann = fanUser(401);
    const original = privateText(ann, 'helo there', { fake });
    const copyId = await relay(original);
    const balance = await balanceOf(t, ann.id);
    const entries = (await ledgerOf(t, ann.id)).length;

    await t.post(editedPrivateText(original.message!, 'hello there', { fake, entities: [bold(0, 5)] }));
    const edit = await eventually(() => fake.callsTo('editMessageText').find((c) => c.ok), 5000, 'the edit');
    expect(edit.payload).toMatchObject({
      chat_id: ADMIN_GROUP_ID,
      message_id: copyId,
      text: 'hello there',
      entities: [{ type: 'bold', offset: 0, length: 5 }],
    });
    expect(textOf(ADMIN_GROUP_ID, copyId)).toBe('hello there');
    // The same text again ("message is not modified") counts as done; edits never charge.
    const again = { fake, entities: [bold(0, 5)], date: Math.floor(Date.now() / 1000) + 1 };
    await t.post(editedPrivateText(original.message!, 'hello there', again));
    await eventually(() => fake.callsTo('editMessageText').some((c) => !c.ok), 5000, 'the second edit');
    await eventually(async () => (await openEdits()) === 0, 5000, 'the outbox to drain');
    expect(await deadItems()).toEqual([]);
    expect(await balanceOf(t, ann.id)).toBe(balance);
    expect(await ledgerOf(t, ann.id)).toHaveLength(entries);
  });

  it('edit a caption with editMessageCaption', async () => {
    const ben = fanUser(402);
    const photo = privatePhoto(ben, { fake, caption: 'old caption' });
    const copyId = await relay(photo);
    fake.reset();
    await t.post(editedMessage(photo, { caption: 'new caption', caption_entities: [bold(0, 3)] }, { fake }));
    const edit = await eventually(() => fake.callsTo('editMessageCaption').find((c) => c.ok), 5000);
    expect(edit.payload).toMatchObject({
      chat_id: ADMIN_GROUP_ID,
      message_id: copyId,
      caption: 'new caption',
      caption_entities: [{ type: 'bold', offset: 0, length: 3 }],
    });
    expect(textOf(ADMIN_GROUP_ID, copyId)).toBe('new caption');
  });

  it('in forward mode, reply "✏️ edited" with the new text under the forward', async () => {
    const settings = createUnitOfWork(t.db.database).repos.settings;
    await settings.set('relay_mode', 'forward', null);
    try {
      const cat = fanUser(403);
      const original = privateText(cat, 'see you at 5', { fake });
      const forwardId = await relay(original, 'forwardMessage');
      fake.reset();
      await t.post(editedPrivateText(original.message!, 'see you at 6', { fake, entities: [bold(11, 1)] }));
      const note = await eventually(
        () => fake.callsTo('sendMessage').find((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID),
        5000,
        'the note',
      );
      expect(note.payload).toMatchObject({
        text: `${en('relay-edit-note')}\nsee you at 6`,
        message_thread_id: await threadOf(cat.id),
        reply_parameters: { message_id: forwardId },
      });
      // The bold "6" moved with the prefix.
      expect(note.payload.entities).toContainEqual({
        type: 'bold',
        offset: 11 + `${en('relay-edit-note')}\n`.length,
        length: 1,
      });
      expect(fake.callsTo('editMessageText')).toHaveLength(0);
    } finally {
      await settings.set('relay_mode', 'copy', null);
    }
  });

  it('follow how each message was relayed, not the mode now (message_links records it)', async () => {
    const settings = createUnitOfWork(t.db.database).repos.settings;
    const links = createUnitOfWork(t.db.database).repos.links;
    // Copied before a switch to forward mode: still edited in place, free.
    const eve = fanUser(421);
    const copied = privateText(eve, 'copied once', { fake });
    const copyId = await relay(copied);
    expect((await links.byFanMessage(eve.id, copied.message!.message_id))!.mode).toBe('copy');
    await settings.set('relay_mode', 'forward', null);
    try {
      // Forwarded while in forward mode: recorded as a forward.
      const fay = fanUser(422);
      const forwarded = privateText(fay, 'forwarded once', { fake });
      const forwardId = await relay(forwarded, 'forwardMessage');
      expect((await links.byFanMessage(fay.id, forwarded.message!.message_id))!.mode).toBe('forward');
      fake.reset();
      const balance = await balanceOf(t, eve.id);
      await t.post(editedPrivateText(copied.message!, 'copied, edited', { fake }));
      const edit = await eventually(
        () => fake.callsTo('editMessageText').find((c) => c.ok),
        5000,
        'the edit',
      );
      expect(edit.payload).toMatchObject({ chat_id: ADMIN_GROUP_ID, message_id: copyId });
      expect(await balanceOf(t, eve.id)).toBe(balance);
      await settings.set('relay_mode', 'copy', null);
      // Back in copy mode, the forward still cannot be edited: a note under it.
      fake.reset();
      await t.post(editedPrivateText(forwarded.message!, 'forwarded, edited', { fake }));
      const note = await eventually(
        () => fake.callsTo('sendMessage').find((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID),
        5000,
        'the note',
      );
      expect(note.payload).toMatchObject({ reply_parameters: { message_id: forwardId } });
      expect(fake.callsTo('editMessageText')).toHaveLength(0);
    } finally {
      await settings.set('relay_mode', 'copy', null);
    }
  });

  it('of a message still queued: the copy shows the edit and a note follows it', async () => {
    const dan = fanUser(404);
    await relay(privateText(dan, 'first', { fake }));
    // The group is flood-limited for a second: the next message waits in the outbox.
    fake.failNext(
      'copyMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
      { match: (p) => p.from_chat_id === dan.id },
    );
    const queued = privateText(dan, 'typo', { fake });
    await t.post(queued);
    await t.post(editedPrivateText(queued.message!, 'fixed', { fake }));
    const copyId = await eventually(
      () =>
        fake.calls.find(
          (c) => c.ok && c.method === 'copyMessage' && c.payload.message_id === queued.message!.message_id,
        ),
      5000,
    ).then(resultId);
    expect(textOf(ADMIN_GROUP_ID, copyId)).toBe('fixed');
    const note = await eventually(
      () =>
        fake
          .callsTo('sendMessage')
          .find((c) => c.ok && String(c.payload.text).startsWith(`${en('relay-edit-note')}\nfixed`)),
      5000,
      'the note',
    );
    expect(note.payload.message_thread_id).toBe(await threadOf(dan.id));
    expect(fake.calls.indexOf(note)).toBeGreaterThan(
      fake.calls.findIndex((c) => c.ok && c.method === 'copyMessage' && resultId(c) === copyId),
    );
  });

  it('are not a free channel: edits still queued coalesce into one send', async () => {
    const eve = fanUser(410);
    const original = privateText(eve, 'v0', { fake });
    const copyId = await relay(original);
    // The group is flood-limited for a second: the first edit waits in the outbox…
    fake.failNext(
      'editMessageText',
      { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
      { match: (p) => p.message_id === copyId },
    );
    const now = Math.floor(Date.now() / 1000);
    await t.post(editedPrivateText(original.message!, 'v1', { fake, date: now + 1 }));
    await eventually(
      () => fake.callsTo('editMessageText').some((c) => c.payload.message_id === copyId),
      5000,
    );
    // …and the next four replace it instead of queueing four more sends.
    for (let i = 2; i <= 5; i++)
      await t.post(editedPrivateText(original.message!, `v${i}`, { fake, date: now + i }));
    await eventually(() => textOf(ADMIN_GROUP_ID, copyId) === 'v5', 5000, 'the last edit');
    await eventually(async () => (await openEdits()) === 0, 5000, 'the outbox to drain');
    const sent = fake.callsTo('editMessageText').filter((c) => c.ok && c.payload.message_id === copyId);
    expect(sent.map((c) => c.payload.text)).toEqual(['v5']);
  });

  it('are capped per message (edit_mirror_limit, default 3); the fan is told once', async () => {
    const fay = fanUser(411);
    const original = privateText(fay, 'e0', { fake });
    const copyId = await relay(original);
    const now = Math.floor(Date.now() / 1000);
    for (let i = 1; i <= 5; i++) {
      await t.post(editedPrivateText(original.message!, `e${i}`, { fake, date: now + i }));
      await eventually(async () => (await openEdits()) === 0, 5000, 'the edit sent');
    }
    const sent = fake.callsTo('editMessageText').filter((c) => c.ok && c.payload.message_id === copyId);
    expect(sent.map((c) => c.payload.text)).toEqual(['e1', 'e2', 'e3']);
    const told = fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === fay.id && c.payload.text === en('relay-edit-limit', { limit: 3 }));
    expect(told).toHaveLength(1);
  });

  it('of a message older than 48 hours are not mirrored', async () => {
    const gus = fanUser(412);
    const old = privateText(gus, 'long ago', { fake, date: Math.floor(Date.now() / 1000) - 49 * 3600 });
    const copyId = await relay(old);
    await t.post(editedPrivateText(old.message!, 'rewritten', { fake }));
    await eventually(
      () =>
        fake
          .callsTo('sendMessage')
          .some((c) => c.payload.chat_id === gus.id && c.payload.text === en('relay-edit-too-old')),
      5000,
      'the fan told',
    );
    expect(fake.callsTo('editMessageText').filter((c) => c.payload.message_id === copyId)).toHaveLength(0);
    expect(await openEdits()).toBe(0);
  });

  it('in forward mode, each edit note is charged like a text; without credits it is refused', async () => {
    const settings = createUnitOfWork(t.db.database).repos.settings;
    await settings.set('relay_mode', 'forward', null);
    try {
      const hal = fanUser(413);
      const original = privateText(hal, 'one', { fake });
      await relay(original, 'forwardMessage');
      expect(await balanceOf(t, hal.id)).toBe(2); // 3 welcome − 1
      const now = Math.floor(Date.now() / 1000);
      await t.post(editedPrivateText(original.message!, 'one!', { fake, date: now + 1 }));
      await eventually(async () => (await openEdits()) === 0, 5000, 'the note sent');
      expect(await balanceOf(t, hal.id)).toBe(1);
      expect((await ledgerOf(t, hal.id)).map((e) => e.delta)).toEqual([3, -1, -1]);
      await grantCredits(t, hal.id, -1); // 0 left
      await t.post(editedPrivateText(original.message!, 'one!!', { fake, date: now + 2 }));
      await eventually(
        () =>
          fake
            .callsTo('sendMessage')
            .some(
              (c) =>
                c.payload.chat_id === hal.id &&
                c.payload.text === en('relay-edit-not-paid', { cost: 1, balance: 0 }),
            ),
        5000,
        'refused for lack of credits',
      );
      const thread = await threadOf(hal.id);
      const notes = fake
        .callsTo('sendMessage')
        .filter(
          (c) =>
            c.ok &&
            c.payload.message_thread_id === thread &&
            String(c.payload.text).startsWith(en('relay-edit-note')),
        );
      expect(notes.map((c) => c.payload.text)).toEqual([`${en('relay-edit-note')}\none!`]);
    } finally {
      await settings.set('relay_mode', 'copy', null);
    }
  });

  it('of a refused message change nothing', async () => {
    const eve = fanUser(405);
    await relay(privateText(eve, 'hi', { fake })); // 3 → 2 credits: a voice (5) is refused
    const voice = privateMedia(eve, 'voice', { fake, caption: 'listen' });
    await t.post(voice);
    fake.reset();
    await t.post(editedMessage(voice, { caption: 'listen!' }, { fake }));
    await settle();
    expect(fake.calls.filter((c) => c.payload.chat_id === ADMIN_GROUP_ID)).toHaveLength(0);
  });
});

describe("an admin's edits and deletes", () => {
  it("edit the fan's copy", async () => {
    const fay = fanUser(406);
    await relay(privateText(fay, 'question', { fake }));
    const { reply, fanCopyId } = await adminReply(fay.id, 'answr');
    await t.post(editedMessage(reply, { text: 'answer', entities: [bold(0, 6)] }, { fake }));
    const edit = await eventually(
      () => fake.callsTo('editMessageText').find((c) => c.ok && c.payload.chat_id === fay.id),
      5000,
      'the edit',
    );
    expect(edit.payload).toMatchObject({ message_id: fanCopyId, text: 'answer', entities: [bold(0, 6)] });
    expect(textOf(fay.id, fanCopyId)).toBe('answer');
  });

  it('are ignored from anyone who is not an admin', async () => {
    const gus = fanUser(407);
    const question = privateText(gus, 'question', { fake });
    await relay(question);
    const { reply, fanCopyId } = await adminReply(gus.id, 'the answer');
    // What the fan gets for their message and the answer (the receipt, 👀) is in before the count starts.
    await eventually(
      () =>
        fake.calls.some((c) => c.ok && c.method === 'sendMessage' && c.payload.chat_id === gus.id) &&
        JSON.stringify(fake.reactions(gus.id, question.message!.message_id)).includes('👀'),
      5000,
      'the receipt and 👀',
    );
    fake.reset();
    // A member (not an admin) edits in the topic, and a forged edit of the admin's reply by them.
    const own = groupTopicMessage(ADMIN_GROUP_ID, await threadOf(gus.id), member, 'mine', { fake });
    await t.post(own);
    await t.post(editedMessage(own, { text: 'mine, edited' }, { fake }));
    await t.post(editedMessage({ ...reply.message!, from: member }, { text: 'hijacked' }));
    const del = groupTopicMessage(ADMIN_GROUP_ID, await threadOf(gus.id), member, '/delete', {
      fake,
      reply_to_message: reply.message!,
      entities: [{ type: 'bot_command', offset: 0, length: 7 }],
    });
    await t.post(del);
    await settle();
    expect(fake.calls.filter((c) => c.payload.chat_id === gus.id)).toHaveLength(0);
    expect(textOf(gus.id, fanCopyId)).toBe('the answer');
  });

  it("/delete in reply to an admin's answer deletes the fan's copy, then the command, with 👌", async () => {
    const hal = fanUser(408);
    await relay(privateText(hal, 'question', { fake }));
    const { reply, fanCopyId } = await adminReply(hal.id, 'oops, wrong fan');
    fake.reset();
    const cmd = groupTopicMessage(ADMIN_GROUP_ID, await threadOf(hal.id), owner, '/del', {
      fake,
      reply_to_message: reply.message!,
      entities: [{ type: 'bot_command', offset: 0, length: 4 }],
    });
    await t.post(cmd);
    expect(fake.callsTo('deleteMessage').map((c) => [c.ok, c.payload.chat_id, c.payload.message_id])).toEqual(
      [
        [true, hal.id, fanCopyId],
        [true, ADMIN_GROUP_ID, cmd.message!.message_id],
      ],
    );
    expect(fake.message(hal.id, fanCopyId)).toBeUndefined();
    expect(fake.message(ADMIN_GROUP_ID, cmd.message!.message_id)).toBeUndefined();
    expect(JSON.stringify(fake.reactions(ADMIN_GROUP_ID, reply.message!.message_id))).toContain('👌');
  });

  it('/delete explains what it cannot do: no reply, a fan message, past 48 hours', async () => {
    const ivy = fanUser(409);
    const question = await relay(privateText(ivy, 'question', { fake }));
    const old = Math.floor(Date.now() / 1000) - 49 * 3600;
    const { reply, fanCopyId } = await adminReply(ivy.id, 'an old answer', { date: old });
    const threadId = await threadOf(ivy.id);
    const ask = async (replyTo?: number) => {
      fake.reset();
      const cmd = groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, '/delete', {
        fake,
        ...(replyTo ? { reply_to_message: fake.message(ADMIN_GROUP_ID, replyTo)!.message } : {}),
        entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      });
      await t.post(cmd);
      // The answer to the command (a render of the live inbox may go out meanwhile).
      const answer = fake
        .callsTo('sendMessage')
        .find(
          (c) =>
            c.ok &&
            (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id ===
              cmd.message!.message_id,
        )!;
      expect(answer.payload).toMatchObject({
        message_thread_id: threadId,
        reply_parameters: { message_id: cmd.message!.message_id },
      });
      expect(fake.callsTo('deleteMessage')).toHaveLength(0);
      return String(answer.payload.text);
    };
    expect(await ask()).toBe(en('relay-delete-no-reply'));
    expect(await ask(question)).toBe(en('relay-delete-not-yours'));
    expect(await ask(reply.message!.message_id)).toBe(en('relay-delete-too-old'));
    expect(textOf(ivy.id, fanCopyId)).toBe('an old answer');
  });
});

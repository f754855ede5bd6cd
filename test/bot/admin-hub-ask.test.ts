import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HUB_CATEGORIES } from '../../src/bot/features/admin/hub/registry.ts';
import type { HubCategory } from '../../src/bot/features/admin/hub/screen.ts';
import type { BotHarness, HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, privatePhoto, privateText } from '../support/updates.ts';

/**
 * The hub's questions (a screen that asks for typed input): the next message answers, a wrong answer is
 * retried, /cancel and moving elsewhere drop the question, the permission is re-checked on the answer,
 * and nobody else's messages are touched. A test category ("echo") asks for a number below 100.
 */
const echo: HubCategory = {
  id: 'echotest',
  permission: 'settings.edit',
  titleKey: 'admin-hub-category-system',
  async screen(_ctx, act, arg) {
    if (act === 'main')
      return { text: `echo main ${arg}`, rows: [[{ text: 'ask', to: { cat: 'echotest', act: 'ask' } }]] };
    if (act === 'ask') return { text: 'type a number', rows: [], ask: { act: 'num', arg: 7 } };
    return null;
  },
  async input(_ctx, act, arg, message) {
    if (act !== 'num') return null;
    const n = Number(message.text);
    if (!message.text || !Number.isInteger(n)) return { retry: 'not a number' };
    if (n >= 100) return { retry: 'too big' };
    if (n === 0) return null;
    return { text: `got ${n} for ${arg}`, rows: [], back: { cat: 'echotest' } };
  },
};

let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(32_001, { first_name: 'Max' });
const fan = fanUser(32_003);

beforeAll(async () => {
  // Registered before the bot is built (its direct commands are read when the hub's composer is made).
  (HUB_CATEGORIES as HubCategory[]).push(echo);
  const { createBotHarness } = await import('../support/bot-harness.ts');
  h = await createBotHarness();
  await h.stack.uow.repos.team.set(
    { userId: manager.id, role: 'manager', addedBy: OWNER_ID },
    h.stack.clock.now(),
  );
});
afterAll(async () => {
  (HUB_CATEGORIES as HubCategory[]).splice(HUB_CATEGORIES.indexOf(echo), 1);
  await h.dispose();
});
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const sent = (chatId: number) =>
  h.calls.filter(
    (c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId,
  );

/** Opens the echo category and presses its "ask" button; returns the menu message. */
async function ask(who = owner): Promise<Message> {
  await h.handle(command(who, '/echotest'));
  const menu = h.lastMessage(who.id);
  const data = buttonsOf(sent(who.id).at(-1)!).find((b) => b.text === 'ask')!.callback_data!;
  await h.handle(callbackQuery(who, data, menu));
  expect(sent(who.id).at(-1)!.payload.text).toBe('type a number');
  return menu;
}

describe('a screen that asks for typed input', () => {
  it('the next message answers it; the answer shows as a new menu whose buttons work', async () => {
    const menu = await ask();
    await h.handle(privateText(owner, '42'));
    const answer = sent(owner.id).at(-1)!;
    expect(answer.method).toBe('sendMessage');
    expect(answer.payload.text).toBe('got 42 for 7');
    // Answered: the next message is an ordinary one again (not taken by the question).
    expect(await h.stack.uow.repos.flows.get(owner.id, 'hub')).toBeNull();
    // Its Back button belongs to the same live menu.
    const back = buttonsOf(answer).find((b) => b.text === en('admin-hub-back'))!.callback_data!;
    await h.handle(callbackQuery(owner, back, menu));
    expect(sent(owner.id).at(-1)!.payload.text).toBe('echo main 0');
  });

  it('a wrong answer says why and the question stays open until a right one', async () => {
    await ask();
    await h.handle(privateText(owner, 'abc'));
    expect(sent(owner.id).at(-1)!.payload.text).toBe('not a number');
    await h.handle(privatePhoto(owner));
    expect(sent(owner.id).at(-1)!.payload.text).toBe('not a number');
    await h.handle(privateText(owner, '100'));
    expect(sent(owner.id).at(-1)!.payload.text).toBe('too big');
    await h.handle(privateText(owner, '5'));
    expect(sent(owner.id).at(-1)!.payload.text).toBe('got 5 for 7');
  });

  it('/cancel drops the question, says nothing changed and shows the category again', async () => {
    await ask();
    await h.handle(command(owner, '/cancel'));
    const texts = sent(owner.id)
      .slice(-2)
      .map((c) => c.payload.text);
    expect(texts).toEqual([en('admin-hub-cancelled'), 'echo main 0']);
    expect(await h.stack.uow.repos.flows.get(owner.id, 'hub')).toBeNull();
  });

  it('moving elsewhere (another button or command) abandons the question', async () => {
    await ask();
    await h.handle(command(owner, '/admin'));
    expect(await h.stack.uow.repos.flows.get(owner.id, 'hub')).toBeNull();
  });

  it('an answer the category no longer understands drops the question with a notice', async () => {
    await ask();
    await h.handle(privateText(owner, '0'));
    expect(sent(owner.id).at(-1)!.payload.text).toBe(en('admin-hub-ask-gone'));
    expect(await h.stack.uow.repos.flows.get(owner.id, 'hub')).toBeNull();
  });

  it('a member demoted after the question was asked gets nothing from answering it', async () => {
    await ask(manager);
    await h.stack.uow.repos.team.set(
      { userId: manager.id, role: 'agent', addedBy: OWNER_ID },
      h.stack.clock.now(),
    );
    try {
      await h.handle(privateText(manager, '42'));
      expect(sent(manager.id).at(-1)!.payload.text).toBe(en('admin-hub-not-allowed'));
      expect(sent(manager.id).some((c) => c.payload.text === 'got 42 for 7')).toBe(false);
    } finally {
      await h.stack.uow.repos.team.set(
        { userId: manager.id, role: 'manager', addedBy: OWNER_ID },
        h.stack.clock.now(),
      );
    }
  });

  it('a known fan’s plain message reads no flow: the update’s first read said none is open', async () => {
    await h.handle(privateText(fan, 'first')); // first contact: the profile is written
    const pending = vi.spyOn(h.stack.services.hub, 'pendingAsk');
    const draft = vi.spyOn(h.stack.services.content.admin, 'input');
    try {
      await h.handle(privateText(fan, 'second'));
      expect(pending).not.toHaveBeenCalled();
      expect(draft).not.toHaveBeenCalled();
      // A member with a question open is read as before (the first test answers one).
      await ask();
      await h.handle(privateText(owner, '7'));
      expect(pending).toHaveBeenCalledTimes(1);
    } finally {
      pending.mockRestore();
      draft.mockRestore();
    }
  });

  it('a fan’s private messages are not taken by anything of the hub', async () => {
    await h.handle(privateText(fan, '42'));
    expect(h.calls.some((c) => c.payload.text === 'got 42 for 7' || c.payload.text === 'not a number')).toBe(
      false,
    );
  });
});

import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import {
  callbackQuery,
  chosenInlineResult,
  command,
  fanUser,
  inlineQuery,
  privateText,
} from '../support/updates.ts';

/**
 * Quick replies in the control center (/quickreplies): add one question at a time, edit, move, delete,
 * import (all or nothing) and export; who may do what; and the inline mode: only the team gets results,
 * a chosen result counts a use.
 */
let h: BotHarness;
const manager = fanUser(42_001, { first_name: 'Max' });
const agent = fanUser(42_002, { first_name: 'Ana' });
const fan = fanUser(42_003, { first_name: 'Fay' });

beforeAll(async () => {
  h = await createBotHarness();
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  for (const who of [manager, agent, fan]) await h.handle(command(who, '/start'));
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const menuCalls = (chatId: number) =>
  h.calls.filter(
    (c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId,
  );
const lastMenu = (chatId: number) => menuCalls(chatId).at(-1)!;
const text = (chatId: number) => String(lastMenu(chatId).payload.text);
const labels = (chatId: number) => buttonsOf(lastMenu(chatId)).map((b) => b.text);
const all = () => h.stack.uow.repos.quickReplies.list();

let menu: Message;
async function open(who = manager): Promise<void> {
  await h.handle(command(who, '/quickreplies'));
  menu = h.lastMessage(who.id);
}
async function press(label: string, who = manager): Promise<void> {
  const b = buttonsOf(lastMenu(who.id)).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button “${label}” in: ${labels(who.id).join(', ')}`);
  const before = h.calls.length;
  await h.handle(callbackQuery(who, b.callback_data, menu));
  expect(h.calls[before]?.method).toBe('answerCallbackQuery');
}
async function type(value: string, who = manager, extra: Parameters<typeof privateText>[2] = {}) {
  await h.handle(privateText(who, value, extra));
  if (buttonsOf(lastMenu(who.id)).length > 0) menu = h.lastMessage(who.id);
}

describe('/quickreplies: adding and editing', () => {
  it('adds a template one question at a time (category, title, text with its formatting)', async () => {
    await open();
    expect(text(manager.id)).toContain(en('admin-qr-title', { count: 0 }));
    expect(text(manager.id)).toContain(`@${h.bot.botInfo.username}`);
    await press(en('admin-qr-new-button'));
    expect(text(manager.id)).toContain(en('admin-qr-ask-category', { max: 32 }));
    await type('Greetings');
    expect(h.lastText(manager.id)).toContain(
      en('admin-qr-ask-title', { title: 64, body: 4096, max: 300, category: 'Greetings' }),
    );
    await type('   ');
    expect(h.lastText(manager.id)).toBe(en('admin-qr-error-title-empty'));
    await type('Welcome');
    await type('Hi, thanks for writing!', manager, {
      entities: [{ type: 'bold', offset: 0, length: 2 }],
    });
    expect(text(manager.id)).toContain(en('admin-qr-created', { title: 'Welcome' }));
    const [t] = await all();
    expect(t).toMatchObject({
      category: 'Greetings',
      title: 'Welcome',
      body: 'Hi, thanks for writing!',
      entities: [{ type: 'bold', offset: 0, length: 2 }],
      uses: 0,
    });
    // A second one with the same title in the same category (any case) is refused: another title.
    await open();
    await press(en('admin-qr-category-button', { name: 'Greetings', count: 1 }));
    await press(en('admin-qr-new-here-button'));
    await type('welcome');
    await type('Another text');
    expect(h.lastText(manager.id)).toContain(en('admin-qr-error-duplicate'));
    await type('Welcome back');
    await type('Good to see you again.');
    expect((await all()).map((x) => x.title)).toEqual(['Welcome', 'Welcome back']);
  });

  it('edits the title, the text and the category; moves; deletes after a confirmation', async () => {
    await open();
    await press(en('admin-qr-category-button', { name: 'Greetings', count: 2 }));
    await press('Welcome back');
    await press(en('admin-qr-edit-title-button'));
    await type('Back again');
    expect(text(manager.id)).toContain(en('admin-qr-saved'));
    await press(en('admin-qr-up-button'));
    expect((await all()).map((x) => x.title)).toEqual(['Back again', 'Welcome']);
    await press(en('admin-qr-edit-body-button'));
    await type('Welcome back!');
    await press(en('admin-qr-edit-category-button'));
    await type('Returning fans');
    const moved = (await all()).find((x) => x.title === 'Back again')!;
    expect(moved).toMatchObject({ category: 'Returning fans', body: 'Welcome back!', entities: null });
    await press(en('admin-qr-delete-button'));
    expect(text(manager.id)).toBe(en('admin-qr-delete-confirm', { title: 'Back again', uses: 0 }));
    await press(en('admin-qr-delete-yes'));
    expect(text(manager.id)).toContain(en('admin-qr-deleted', { title: 'Back again' }));
    expect((await all()).map((x) => x.title)).toEqual(['Welcome']);
    const audits = await h.stack.uow.repos.admin.recentAudits(
      ['quick_reply_add', 'quick_reply_edit', 'quick_reply_delete'],
      20,
    );
    expect(audits.map((a) => a.action)).toContain('quick_reply_delete');
  });

  it('an agent sees and exports them but has no buttons to change them; a forged press changes nothing', async () => {
    await open(agent);
    expect(labels(agent.id)).not.toContain(en('admin-qr-new-button'));
    expect(labels(agent.id)).toContain(en('admin-qr-export-button'));
    await press(en('admin-qr-category-button', { name: 'Greetings', count: 1 }), agent);
    await press('Welcome', agent);
    expect(labels(agent.id)).not.toContain(en('admin-qr-delete-button'));
    const [t] = await all();
    const { hubData } = await import('../../src/bot/callback-data/hub.ts');
    const nonce = buttonsOf(lastMenu(agent.id))[0]!.callback_data!.split(':')[1]!;
    await h.handle(
      callbackQuery(
        agent,
        hubData.pack({ nonce, cat: 'quickreplies', act: 'delok', arg: String(t!.id) }),
        menu,
      ),
    );
    expect(await all()).toHaveLength(1);
    expect(text(agent.id)).toContain(en('admin-hub-not-allowed'));
    // A fan does not learn the command exists.
    await h.handle(command(fan, '/quickreplies'));
    expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: '/quickreplies' }));
  });
});

describe('/quickreplies: import and export', () => {
  it('exports a text file, and imports one: updates by name, adds the rest; any error imports nothing', async () => {
    await open();
    await press(en('admin-qr-export-button'));
    const doc = h.callsTo('sendDocument').at(-1)!;
    expect(doc.payload.chat_id).toBe(manager.id);
    expect(doc.payload.caption).toBe(en('admin-qr-export-caption', { count: 1 }));

    await press(en('admin-qr-import-button'));
    await type('stray\n=== [Greetings] Welcome\n\n=== Prices\n/price');
    const refused = h.lastText(manager.id)!;
    expect(refused).toContain(en('admin-qr-import-errors', { count: 3 }));
    expect(refused).toContain(
      en('admin-qr-import-error-line', { line: 4, reason: en('admin-qr-error-body-command') }),
    );
    expect(refused).toContain(
      en('admin-qr-import-error-line', { line: 1, reason: en('admin-qr-import-outside') }),
    );
    expect(refused).toContain(
      en('admin-qr-import-error-line', { line: 2, reason: en('admin-qr-error-body-empty') }),
    );
    expect(await all()).toHaveLength(1);

    // The question stays open: the corrected file goes through.
    await type(
      '# fixed\n=== [greetings] WELCOME\nHello again!\n\n=== Prices\nA text costs 1 credit.\n=== [Greetings] Bye\nSee you',
    );
    expect(text(manager.id)).toContain(en('admin-qr-import-done', { added: 2, updated: 1, unchanged: 0 }));
    const items = await all();
    expect(items.map((x) => [x.category, x.title, x.body])).toEqual([
      ['', 'Prices', 'A text costs 1 credit.'],
      ['Greetings', 'Welcome', 'Hello again!'],
      ['Greetings', 'Bye', 'See you'],
    ]);
  });
});

describe('inline mode', () => {
  const answers = () => h.callsTo('answerInlineQuery');

  it('answers a team member with the matching templates, most used first, personal', async () => {
    const items = await all();
    const bye = items.find((x) => x.title === 'Bye')!;
    await h.handle(chosenInlineResult(agent, `qr${bye.id}`, 'bye'));
    expect((await h.stack.uow.repos.quickReplies.get(bye.id))!.uses).toBe(1);

    await h.handle(inlineQuery(agent, ''));
    const all3 = answers().at(-1)!.payload;
    expect(all3.is_personal).toBe(true);
    expect((all3.results as Array<{ id: string }>).map((r) => r.id)[0]).toBe(`qr${bye.id}`);
    expect(all3.results).toHaveLength(3);
    expect(all3.button).toEqual({ text: en('admin-qr-inline-manage'), start_parameter: 'admin' });

    await h.handle(inlineQuery(agent, 'CREDIT'));
    const one = answers().at(-1)!.payload.results as Array<Record<string, any>>;
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({
      type: 'article',
      title: 'Prices',
      input_message_content: { message_text: 'A text costs 1 credit.' },
    });
  });

  it('answers anyone else with nothing, uncached, and counts nothing for them; makes them no account', async () => {
    const stranger = fanUser(42_999);
    await h.handle(inlineQuery(stranger, ''));
    expect(answers().at(-1)!.payload).toMatchObject({ results: [], cache_time: 0, is_personal: true });
    expect(await h.stack.user(stranger.id)).toBeNull();
    await h.handle(inlineQuery(fan, 'bye'));
    expect(answers().at(-1)!.payload.results).toEqual([]);
    const bye = (await all()).find((x) => x.title === 'Bye')!;
    await h.handle(chosenInlineResult(fan, `qr${bye.id}`));
    await h.handle(chosenInlineResult(agent, 'garbage'));
    expect((await h.stack.uow.repos.quickReplies.get(bye.id))!.uses).toBe(1);
  });
});

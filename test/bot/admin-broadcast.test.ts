import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignCallback } from '../../src/app/campaigns/delivery.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, privateMedia, privateText } from '../support/updates.ts';

/**
 * /broadcast in process: composing (a text, an album collected silently), preview, audience, the
 * confirmation with the exact count and the start; mass gifts only for owners; agents and fans get
 * nothing; a forged progress button is refused after the press is answered.
 */
let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(65_001, { first_name: 'Max' });
const agent = fanUser(65_002, { first_name: 'Ana' });
const fans = [65_010, 65_011, 65_012];

beforeAll(async () => {
  h = await createBotHarness();
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  for (const id of fans) await h.stack.ensureFan(id);
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const menuCalls = (chatId: number) =>
  h.calls.filter(
    (c) =>
      ['sendMessage', 'editMessageText'].includes(c.method) &&
      c.payload.chat_id === chatId &&
      c.payload.reply_markup,
  );
const screenText = (who = manager) => String(menuCalls(who.id).at(-1)?.payload.text ?? '');
const labels = (who = manager) => buttonsOf(menuCalls(who.id).at(-1)!).map((b) => b.text);
const button = (label: string, who = manager) => {
  const b = buttonsOf(menuCalls(who.id).at(-1)!).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label} in ${JSON.stringify(labels(who))}`);
  return b.callback_data;
};
async function press(who: typeof manager, label: string) {
  const data = button(label, who);
  const message: Message = h.lastMessage(who.id);
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, message));
  expect(h.calls[before]?.method, 'the first call of a press').toBe('answerCallbackQuery');
}

describe('/broadcast', () => {
  it('composes, previews, targets, confirms the exact count and starts', async () => {
    await h.handle(command(manager, '/broadcast'));
    expect(screenText()).toContain(en('admin-broadcast-title').split('\n')[0]!);
    expect(labels()).not.toContain(en('admin-broadcast-gift'));
    await press(manager, en('admin-broadcast-new'));
    expect(screenText()).toBe(en('admin-broadcast-compose'));
    await h.handle(privateText(manager, 'Big news!'));
    expect(screenText()).toContain('Big news!');
    const mark = h.calls.length;
    await press(manager, en('admin-broadcast-preview'));
    expect(
      h.calls
        .slice(mark)
        .some(
          (c) =>
            c.method === 'sendMessage' && c.payload.chat_id === manager.id && c.payload.text === 'Big news!',
        ),
    ).toBe(true);
    await press(manager, en('admin-broadcast-audience'));
    await press(manager, en('admin-broadcast-never-paid'));
    expect(screenText()).toContain(en('admin-broadcast-crit-never-paid'));
    await press(manager, en('admin-broadcast-audience-done'));
    await press(manager, en('admin-broadcast-review'));
    const count = await h.stack.uow.repos.campaigns.countAudience({ neverPaid: true });
    expect(screenText()).toContain(`<b>${count}</b>`);
    await press(manager, en('admin-broadcast-send', { count }));
    const jobs = h.stack.jobs.filter((j) => j.method === 'queueCampaign');
    expect(jobs).toHaveLength(1);
    const id = jobs[0]!.args[0] as number;
    expect(screenText()).toBe(en('admin-broadcast-started', { kind: 'broadcast', id, count }));
    expect(await h.stack.uow.repos.campaigns.get(id)).toMatchObject({
      status: 'sending',
      confirmedCount: count,
      progressChatId: manager.id,
    });
  });

  it('collects an album without a screen per item, and takes no buttons on it', async () => {
    await h.handle(command(manager, '/broadcast'));
    await press(manager, en('admin-broadcast-new'));
    await h.handle(privateMedia(manager, 'photo', { media_group_id: 'alb1', caption: 'Pics' }));
    const screens = menuCalls(manager.id).length;
    await h.handle(privateMedia(manager, 'photo', { media_group_id: 'alb1' }));
    expect(menuCalls(manager.id)).toHaveLength(screens);
    await press(manager, en('admin-broadcast-preview'));
    const album = h.calls.filter((c) => c.method === 'sendMediaGroup' && c.payload.chat_id === manager.id);
    expect(album).toHaveLength(1);
    expect((album[0]!.payload.media as unknown[]).length).toBe(2);
    expect(labels()).not.toContain(en('admin-broadcast-buttons'));
  });

  it('offers mass gifts to owners only; agents and fans get nothing', async () => {
    await h.handle(command(owner, '/broadcast'));
    expect(labels(owner)).toContain(en('admin-broadcast-gift'));
    await press(owner, en('admin-broadcast-gift'));
    await press(owner, en('admin-broadcast-gift-credits'));
    await h.handle(privateText(owner, '0'));
    expect(h.lastText(owner.id)).toBe(en('admin-broadcast-gift-invalid'));
    await h.handle(privateText(owner, '5'));
    expect(screenText(owner)).toBe(en('admin-broadcast-gift-compose'));
    h.reset();
    for (const who of [agent, fanUser(fans[0]!)]) {
      await h.handle(command(who, '/broadcast'));
      expect(
        h.calls.some((c) =>
          String(c.payload.text ?? '').includes(en('admin-broadcast-title').split('\n')[0]!),
        ),
      ).toBe(false);
    }
  });

  it('refuses a forged progress button after answering the press', async () => {
    const before = h.calls.length;
    const message = {
      message_id: 1,
      date: 0,
      chat: { id: agent.id, type: 'private', first_name: 'Ana' },
    } as Message;
    await h.handle(callbackQuery(agent, campaignCallback('cancel', 1), message));
    expect(h.calls[before]?.method).toBe('answerCallbackQuery');
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
  });
});

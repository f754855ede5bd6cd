import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { createChartRenderer } from '../../src/integrations/charts/renderer.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, privateText } from '../support/updates.ts';

/**
 * /analytics and /search in process: the overview, a chart sent as a photo with the menu (its numbers)
 * moved beneath it, CSV as a document, top spenders; the message and payment searches typed as answers;
 * and who may see what (agents: search without payments; fans: nothing), forged arguments.
 */
let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(53_001, { first_name: 'Max' });
const agent = fanUser(53_002, { first_name: 'Ana' });
const stranger = fanUser(53_003);
const fan = 53_101;

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const lastScreen = (chatId: number) =>
  h.calls
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId)
    .at(-1)!;
const screenText = (chatId = OWNER_ID) => String(lastScreen(chatId).payload.text);
const buttons = (chatId = OWNER_ID) => buttonsOf(lastScreen(chatId));
const labels = (chatId = OWNER_ID) => buttons(chatId).map((b) => b.text);

let menu: Message;
async function open(cmd: string, who = owner) {
  await h.handle(command(who, cmd));
  menu = h.lastMessage(who.id);
}
async function press(label: string, who = owner) {
  const b = buttons(who.id).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label} in ${labels(who.id).join(' | ')}`);
  const before = h.calls.length;
  await h.handle(callbackQuery(who, b.callback_data, menu));
  expect(h.calls[before]?.method, 'the first call of a press').toBe('answerCallbackQuery');
  menu = h.lastMessage(who.id);
}
function forged(cat: string, act: string, arg: string, who = owner): string {
  const nonce = buttons(who.id)
    .map((b) => (b.callback_data ? hubData.unpack(b.callback_data) : null))
    .find((d) => d !== null)!.nonce;
  return hubData.pack({ nonce, cat, act, arg });
}

beforeAll(async () => {
  h = await createBotHarness({ deps: { charts: createChartRenderer({ scale: 1 }) } });
  const r = h.stack.uow.repos;
  const now = h.stack.clock.now();
  await r.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await r.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  await h.stack.ensureFan(fan, { firstName: 'Rita' });
  await h.stack.grant(fan, 50);
  const pack = (await r.products.listActive()).find((p) => p.kind === 'credits')!;
  const p = await r.payments.create({
    userId: fan,
    productId: pack.id,
    rail: 'stars',
    amount: 50,
    currency: 'XTR',
    kind: 'credits',
    quantity: 10,
  });
  await r.payments.markPaid(p.id, 'ch-a1', now);
  await h.stack.services.acceptFanMessage({
    userId: fan,
    chatId: fan,
    messageId: 7,
    type: 'text',
    text: 'Is the new album out yet?',
  });
  await r.topics.setThread(fan, 42, 'Rita');
});
afterAll(() => h?.dispose());
beforeEach(() => h.reset());

describe('/analytics', () => {
  it('the overview for 30 days, then another period', async () => {
    await open('/analytics');
    expect(screenText()).toContain(en('admin-analytics-title', { days: 30, timezone: 'UTC' }));
    expect(screenText()).toContain(en('admin-analytics-messages', { in: 1, out: 0 }));
    expect(labels()).toContain(en('admin-analytics-period-current', { days: 30 }));
    await press(en('admin-analytics-period', { days: 7 }));
    expect(screenText()).toContain(en('admin-analytics-title', { days: 7, timezone: 'UTC' }));
  });

  it('a chart: a photo, the numbers beneath it as the menu, the pressed menu removed', async () => {
    await open('/analytics');
    const pressed = menu.message_id;
    await press(en('admin-analytics-fans-button'));
    const methods = h.calls.map((c) => c.method);
    expect(methods.indexOf('sendPhoto')).toBeGreaterThan(-1);
    expect(methods.lastIndexOf('sendMessage')).toBeGreaterThan(methods.indexOf('sendPhoto'));
    expect(h.callsTo('deleteMessage').map((c) => c.payload.message_id)).toEqual([pressed]);
    expect(screenText()).toContain(en('admin-analytics-fans-title', { days: 30, timezone: 'UTC' }));
    expect(screenText()).toContain('<pre>');
    // The CSV of the same series, as a document.
    await press(en('admin-analytics-csv-button'));
    expect(h.callsTo('sendDocument')).toHaveLength(1);
  });

  it('top spenders lead to the fan’s card', async () => {
    await open('/analytics');
    await press(en('admin-analytics-top-button'));
    expect(screenText()).toContain(en('admin-analytics-top-title', { days: 30 }));
    const card = buttons().find((b) => b.text.startsWith('1. Rita'));
    expect(card && hubData.unpack(card.callback_data)).toMatchObject({
      cat: 'users',
      act: 'card',
      arg: String(fan),
    });
  });

  it('an agent is told their role lacks it; a fan gets an unknown command; forged arguments are invalid', async () => {
    await h.handle(command(agent, '/analytics'));
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(stranger, '/analytics'));
    expect(h.lastText(stranger.id)).toBe(en('common-unknown-command', { command: '/analytics' }));
    await open('/analytics', manager);
    for (const [act, arg] of [
      ['main', '14'],
      ['ch', 'users30'],
      ['csv', 'fans5'],
      ['nope', '30'],
    ]) {
      await h.handle(callbackQuery(manager, forged('analytics', act!, arg!, manager), menu));
      expect(screenText(manager.id)).toBe(en('admin-hub-invalid'));
      await open('/analytics', manager);
    }
  });
});

describe('/search', () => {
  it('messages: typed words find the fan’s message, with a link to it in the topic', async () => {
    await h.stack.uow.repos.links.add({
      userId: fan,
      direction: 'in',
      fanChatId: fan,
      fanMessageId: 7,
      groupChatId: ADMIN_GROUP_ID,
      groupThreadId: 42,
      groupMessageId: 900,
      adminId: null,
    });
    await open('/search', agent);
    expect(labels(agent.id)).not.toContain(en('admin-search-payments-button'));
    await press(en('admin-search-messages-button'), agent);
    expect(screenText(agent.id)).toBe(en('admin-search-messages-ask'));
    await h.handle(privateText(agent, '?!'));
    expect(h.lastText(agent.id)).toBe(en('admin-search-messages-empty'));
    await h.handle(privateText(agent, 'ALBUM'));
    expect(screenText(agent.id)).toContain(en('admin-search-messages-title', { query: 'ALBUM' }));
    const link = buttons(agent.id).find((b) => b.url);
    expect(link?.url).toBe(`https://t.me/c/${String(ADMIN_GROUP_ID).slice(4)}/42/900`);
  });

  it('payments: a typed query for a manager; a word it does not know is asked again', async () => {
    await open('/search', manager);
    await press(en('admin-search-payments-button'), manager);
    await h.handle(privateText(manager, 'stars banana'));
    expect(h.lastText(manager.id)).toBe(en('admin-search-payments-unknown', { word: 'banana' }));
    await h.handle(privateText(manager, 'stars paid @nobody_fan'));
    expect(h.lastText(manager.id)).toBe(en('admin-search-payments-unknown-fan', { username: 'nobody_fan' }));
    await h.handle(privateText(manager, `stars paid fan:${fan}`));
    expect(screenText(manager.id)).toContain(en('admin-search-payments-count', { count: 1 }));
    expect(
      buttons(manager.id).some((b) => b.callback_data && hubData.unpack(b.callback_data)?.cat === 'payments'),
    ).toBe(true);
  });

  it('an agent’s forged payment page is refused; a fan gets an unknown command', async () => {
    await open('/search', agent);
    await h.handle(callbackQuery(agent, forged('search', 'payp', '0', agent), menu));
    expect(screenText(agent.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(stranger, '/search'));
    expect(h.lastText(stranger.id)).toBe(en('common-unknown-command', { command: '/search' }));
  });
});

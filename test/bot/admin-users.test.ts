import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { topicLink } from '../../src/app/messages.ts';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, privateText } from '../support/updates.ts';

/**
 * /users in process: the search (typed), filters and pages, the card, and every action with its
 * confirmation and refusals (role, stale menu, forged data, a used confirmation, bad input).
 */
let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(61_001, { first_name: 'Max' });
const agent = fanUser(61_002, { first_name: 'Ana' });
const fan = fanUser(61_010, { first_name: 'Fiona', last_name: 'Fanning', username: 'fiona_f' });
const THREAD = 777;

beforeAll(async () => {
  h = await createBotHarness();
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  await h.stack.ensureFan(fan.id);
  await h.stack.uow.repos.users.upsert(
    { id: fan.id, firstName: 'Fiona', lastName: 'Fanning', username: 'fiona_f' },
    now,
  );
  await h.stack.grant(fan.id, 10);
  await h.stack.uow.repos.topics.reserve(fan.id, ADMIN_GROUP_ID, 'Fiona');
  await h.stack.uow.repos.topics.setThread(fan.id, THREAD, 'Fiona');
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const lastMenuCall = (chatId: number) =>
  h.calls
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId)
    .at(-1)!;
const screenText = (who = owner) => String(lastMenuCall(who.id).payload.text);
const labels = (who = owner) => buttonsOf(lastMenuCall(who.id)).map((b) => b.text);
const button = (label: string, who = owner) => {
  const b = buttonsOf(lastMenuCall(who.id)).find((x) => x.text === label);
  if (!b?.callback_data) throw new Error(`no button ${label} in ${JSON.stringify(labels(who))}`);
  return b.callback_data;
};
/** Callback data of the member's live menu for any target (what a forged button would carry). */
const forged = (act: string, arg: string | number, who = owner) => {
  const any = buttonsOf(lastMenuCall(who.id)).find((b) => b.callback_data)!;
  const { nonce } = hubData.unpack(any.callback_data)!;
  return hubData.pack({ nonce, cat: 'users', act, arg: String(arg) });
};

/** Presses `data` on `message`: the answer to the callback is always the first call. */
async function press(who: typeof owner, data: string, message: Message) {
  const before = h.calls.length;
  await h.handle(callbackQuery(who, data, message));
  const calls = h.calls.slice(before);
  expect(calls[0]?.method, 'the first call of a press').toBe('answerCallbackQuery');
}

/** /users, then a typed search; returns the results message (to press its buttons). */
async function search(query: string, who = owner): Promise<Message> {
  await h.handle(command(who, '/users'));
  // The member's search is kept between visits: start from a clean one.
  if (labels(who).includes(en('admin-users-reset')))
    await press(who, button(en('admin-users-reset'), who), h.lastMessage(who.id));
  await press(who, button(en('admin-users-find'), who), h.lastMessage(who.id));
  expect(screenText(who)).toBe(en('admin-users-find-ask'));
  await h.handle(privateText(who, query));
  return h.lastMessage(who.id);
}

/** The fan's card, reached through a search; returns the message to press on. */
async function openCard(who = owner): Promise<Message> {
  const menu = await search('fio', who);
  await press(who, button(`1. Fiona Fanning @fiona_f`, who), menu);
  expect(screenText(who)).toContain(en('admin-users-card-title', { name: 'Fiona Fanning' }));
  return menu;
}
const balance = async () => (await h.stack.user(fan.id))!.creditBalance;

describe('/users: finding fans', () => {
  it('the list opens for every role that may see users; fans get nothing', async () => {
    for (const who of [owner, agent]) {
      await h.handle(command(who, '/users'));
      expect(screenText(who)).toContain(en('admin-users-title'));
      expect(labels(who)).toEqual(
        expect.arrayContaining([en('admin-users-find'), en('admin-users-filters'), en('admin-hub-close')]),
      );
    }
    h.reset();
    await h.handle(command(fan, '/users'));
    expect(h.calls.some((c) => String(c.payload.text ?? '').includes(en('admin-users-title')))).toBe(false);
    expect(h.calls.some((c) => c.payload.reply_markup !== undefined)).toBe(false);
  });

  it('by part of a name, by @username and by id (case-insensitive), each opening the card', async () => {
    for (const q of ['FANN', '@Fiona', String(fan.id), 'fiona fa']) {
      await search(q);
      expect(labels()).toContain('1. Fiona Fanning @fiona_f');
      expect(screenText()).toContain(en('admin-users-crit-query', { query: q }));
    }
    await search('nobody-like-this');
    expect(screenText()).toContain(en('admin-users-none'));
  });

  it('a query that cannot be searched is asked again', async () => {
    await h.handle(command(owner, '/users'));
    await press(owner, button(en('admin-users-find')), h.lastMessage(owner.id));
    await h.handle(privateText(owner, 'x'.repeat(80)));
    expect(screenText()).toBe(en('admin-users-find-invalid'));
    await h.handle(privateText(owner, 'fio'));
    expect(labels()).toContain('1. Fiona Fanning @fiona_f');
  });

  it('filters combine with the query; Clear resets everything', async () => {
    const menu = await search('fio');
    await press(owner, button(en('admin-users-filters')), menu);
    expect(screenText()).toContain(en('admin-users-filters-title'));
    await press(owner, button(en('admin-users-f-banned')), menu);
    expect(screenText()).toContain(en('admin-users-crit-banned'));
    await press(owner, button(en('admin-users-show', { more: 0, count: 0 })), menu);
    expect(screenText()).toContain(en('admin-users-none'));
    await press(owner, button(en('admin-users-filters')), menu);
    await press(owner, button(`✓ ${en('admin-users-f-banned')}`), menu);
    await press(owner, button(en('admin-users-f-not-banned')), menu);
    await press(owner, button(en('admin-users-f-active', { days: 7 })), menu);
    await press(owner, button(en('admin-users-show', { more: 0, count: 1 })), menu);
    expect(labels()).toContain('1. Fiona Fanning @fiona_f');
    expect(screenText()).toContain(en('admin-users-crit-active', { days: 7 }));
    await press(owner, button(en('admin-users-reset')), menu);
    expect(screenText()).toContain(en('admin-users-crit-none'));
  });

  it('the spend filter is typed, and only offered to those who may see revenue', async () => {
    const menu = await search('fio');
    await press(owner, button(en('admin-users-filters')), menu);
    await press(owner, button(en('admin-users-f-spent')), menu);
    await h.handle(privateText(owner, 'lots'));
    expect(screenText()).toBe(en('admin-users-spent-invalid', { max: 100_000_000 }));
    await h.handle(privateText(owner, '5'));
    expect(screenText()).toContain(en('admin-users-crit-spent', { credits: 5 }));
    const agentMenu = await search('fio', agent);
    await press(agent, button(en('admin-users-filters'), agent), agentMenu);
    expect(labels(agent)).not.toContain(en('admin-users-f-spent'));
    await press(agent, forged('fspent', 1, agent), agentMenu);
    expect(screenText(agent)).toBe(en('admin-hub-not-allowed'));
  });

  it('results page 8 at a time', async () => {
    for (let i = 0; i < 10; i++)
      await h.stack.uow.repos.users.upsert({ id: 62_000 + i, firstName: `Pagey ${i}` }, h.stack.clock.now());
    const menu = await search('pagey');
    expect(labels().filter((l) => /^\d+\. Pagey/.test(l))).toHaveLength(8);
    await press(owner, button('▶'), menu);
    expect(labels().filter((l) => /^\d+\. Pagey/.test(l))).toHaveLength(2);
    expect(screenText()).toContain(en('admin-users-page', { page: 2 }));
    expect(labels()).not.toContain('▶');
    await press(owner, button('◀'), menu);
    expect(labels().filter((l) => /^\d+\. Pagey/.test(l))).toHaveLength(8);
  });
});

describe('the card', () => {
  it('shows the fan and, for an owner, every action and the topic link', async () => {
    await openCard();
    const text = screenText();
    expect(text).toContain(en('admin-users-card-balance', { balance: await balance() }));
    expect(text).toContain(en('admin-users-card-tier', { tier: en('tier-name', { tier: 'new' }) }));
    expect(text).toContain(en('admin-users-card-spent', { spent: 0 }));
    expect(text).toContain(en('admin-users-card-payments', { count: 0 }));
    expect(text).toContain(en('admin-users-card-topic', { link: topicLink(ADMIN_GROUP_ID, THREAD) }));
    expect(labels()).toEqual(
      expect.arrayContaining([
        en('admin-users-add'),
        en('admin-users-remove'),
        en('admin-users-pass'),
        en('admin-users-tier'),
        en('admin-users-ban'),
      ]),
    );
    const link = buttonsOf(lastMenuCall(owner.id)).find((b) => b.text === en('admin-users-open-topic'));
    expect(link?.url).toBe(topicLink(ADMIN_GROUP_ID, THREAD));
  });

  it('an agent sees no revenue and no actions; forged action buttons are refused', async () => {
    const menu = await openCard(agent);
    expect(screenText(agent)).not.toContain(en('admin-users-card-spent', { spent: 0 }));
    for (const l of ['admin-users-add', 'admin-users-remove', 'admin-users-tier', 'admin-users-ban'])
      expect(labels(agent)).not.toContain(en(l));
    for (const [act, arg] of [
      ['rm', fan.id],
      ['add', fan.id],
      ['tier', fan.id],
      ['settier', `${fan.id}x3`],
      ['banyes', fan.id],
    ] as const) {
      await press(agent, forged(act, arg, agent), menu);
      expect(screenText(agent)).toBe(en('admin-hub-not-allowed'));
    }
    const user = (await h.stack.user(fan.id))!;
    expect(user).toMatchObject({ tier: 'new', isBanned: false });
  });

  it('a tampered user id finds nobody; garbage is an invalid button', async () => {
    const menu = await search('fio');
    await press(owner, forged('card', 999_999), menu);
    expect(screenText()).toBe(en('admin-users-unknown'));
    await search('fio');
    await press(owner, forged('card', 'abc'), h.lastMessage(owner.id));
    expect(screenText()).toBe(en('admin-hub-invalid'));
  });
});

describe('actions', () => {
  it('remove credits: amount, reason, confirm; never below zero; a used or stale Confirm does nothing', async () => {
    const menu = await openCard();
    const start = await balance();
    await press(owner, button(en('admin-users-remove')), menu);
    await h.handle(privateText(owner, 'some'));
    expect(screenText()).toBe(en('admin-users-amount-invalid', { max: 100_000 }));
    await h.handle(privateText(owner, String(start + 1)));
    expect(screenText()).toBe(en('admin-users-remove-too-much', { balance: start }));
    await h.handle(privateText(owner, '2'));
    expect(screenText()).toBe(en('admin-users-reason-ask', { credits: 2, name: 'Fiona Fanning' }));
    await h.handle(privateText(owner, 'charged twice'));
    expect(screenText()).toBe(
      en('admin-users-remove-confirm', {
        credits: 2,
        name: 'Fiona Fanning',
        balance: start,
        reason: 'charged twice',
      }),
    );
    const data = button(en('admin-users-confirm'));
    const confirmMsg = h.lastMessage(owner.id);
    // Typing instead of pressing keeps the confirmation open.
    await h.handle(privateText(owner, 'yes'));
    expect(screenText()).toBe(en('admin-users-confirm-press'));
    await press(owner, data, confirmMsg);
    expect(screenText()).toContain(en('admin-users-removed', { credits: 2, balance: start - 2 }));
    expect(await balance()).toBe(start - 2);
    // The same Confirm again: the confirmation is gone, nothing more is taken.
    await press(owner, data, confirmMsg);
    expect(screenText()).toBe(en('admin-users-confirm-gone'));
    expect(await balance()).toBe(start - 2);
    expect((await h.stack.services.checkLedger()).ok).toBe(true);
  });

  it('a Confirm from a menu replaced by a newer one is stale', async () => {
    const menu = await openCard();
    await press(owner, button(en('admin-users-add')), menu);
    await h.handle(privateText(owner, '3'));
    const data = button(en('admin-users-confirm'));
    const confirmMsg = h.lastMessage(owner.id);
    const before = await balance();
    await h.handle(command(owner, '/admin'));
    await press(owner, data, confirmMsg);
    expect(screenText()).toBe(en('admin-hub-stale'));
    expect(await balance()).toBe(before);
  });

  it('add credits: a gift, confirmed, the fan told', async () => {
    const menu = await openCard();
    const start = await balance();
    await press(owner, button(en('admin-users-add')), menu);
    await h.handle(privateText(owner, '0'));
    expect(screenText()).toBe(en('admin-users-amount-invalid', { max: 100_000 }));
    await h.handle(privateText(owner, '5'));
    expect(screenText()).toBe(
      en('admin-users-add-confirm', { credits: 5, name: 'Fiona Fanning', balance: start }),
    );
    await press(owner, button(en('admin-users-confirm')), h.lastMessage(owner.id));
    expect(screenText()).toContain(en('admin-users-added', { credits: 5, balance: start + 5 }));
    expect(await balance()).toBe(start + 5);
    const rows = await h.stack.outboxRows();
    expect(rows.some((r) => r.idempotencyKey.startsWith('gift-notice:hub:'))).toBe(true);
  });

  it('Cancel on a confirmation changes nothing', async () => {
    const menu = await openCard();
    const start = await balance();
    await press(owner, button(en('admin-users-add')), menu);
    await h.handle(privateText(owner, '4'));
    await press(owner, button(en('admin-users-cancel')), h.lastMessage(owner.id));
    expect(screenText()).toContain(en('admin-users-card-title', { name: 'Fiona Fanning' }));
    expect(await balance()).toBe(start);
  });

  it('gift a pass: a duration, confirmed', async () => {
    const menu = await openCard();
    await press(owner, button(en('admin-users-pass')), menu);
    await h.handle(privateText(owner, 'forever'));
    expect(screenText()).toBe(en('admin-users-pass-invalid'));
    await h.handle(privateText(owner, '2d'));
    expect(screenText()).toBe(
      en('admin-users-pass-confirm', { duration: { duration: 2 * 86_400_000 }, name: 'Fiona Fanning' }),
    );
    await press(owner, button(en('admin-users-confirm')), h.lastMessage(owner.id));
    const until = (await h.stack.user(fan.id))!.timePassUntil!;
    expect(until.getTime()).toBeGreaterThan(h.stack.clock.now().getTime() + 86_400_000);
    expect(screenText()).toContain(en('admin-users-passed', { until }));
  });

  it('ban and unban, each confirmed (a manager may)', async () => {
    const menu = await openCard(manager);
    await press(manager, button(en('admin-users-ban'), manager), menu);
    expect(screenText(manager)).toBe(en('admin-users-ban-confirm', { name: 'Fiona Fanning' }));
    await press(manager, button(en('admin-users-confirm'), manager), menu);
    expect(screenText(manager)).toContain(en('admin-users-banned'));
    expect((await h.stack.user(fan.id))!.isBanned).toBe(true);
    await press(manager, button(en('admin-users-unban'), manager), menu);
    await press(manager, button(en('admin-users-confirm'), manager), menu);
    expect(screenText(manager)).toContain(en('admin-users-unbanned'));
    expect((await h.stack.user(fan.id))!.isBanned).toBe(false);
    // A manager adjusts nothing.
    expect(labels(manager)).not.toContain(en('admin-users-remove'));
  });

  it('the tier by hand, then back to automatic', async () => {
    const menu = await openCard();
    await press(owner, button(en('admin-users-tier')), menu);
    await press(owner, button(en('tier-name', { tier: 'vip' })), menu);
    const vip = en('tier-name', { tier: 'vip' });
    expect(screenText()).toContain(en('admin-users-tier-set', { tier: vip }));
    expect(screenText()).toContain(en('admin-users-card-tier-manual', { tier: vip }));
    expect(await h.stack.user(fan.id)).toMatchObject({ tier: 'vip', tierManual: true });
    await press(owner, button(en('admin-users-tier')), menu);
    await press(owner, button(en('admin-users-tier-auto')), menu);
    expect(screenText()).toContain(
      en('admin-users-tier-cleared', { tier: en('tier-name', { tier: 'new' }) }),
    );
    expect(await h.stack.user(fan.id)).toMatchObject({ tier: 'new', tierManual: false });
    await press(owner, forged('settier', `${fan.id}x9`), menu);
    expect(screenText()).toBe(en('admin-hub-invalid'));
  });
});

describe('/balance', () => {
  it('shows the fan their tier', async () => {
    await h.handle(command(fan, '/balance'));
    expect(h.lastText(fan.id)).toContain(en('balance-tier', { tier: en('tier-name', { tier: 'new' }) }));
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contentItemData } from '../../src/bot/callback-data/content.ts';
import { buyData, navData, privacyData, tourData } from '../../src/bot/callback-data/index.ts';
import { typeLabel } from '../../src/bot/features/fan-relay.ts';
import {
  auditLog,
  ledgerEntries,
  messageLinks,
  payments,
  products,
  userNotes,
} from '../../src/db/schema/index.ts';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, groupTopicMessage, privateText } from '../support/updates.ts';

/**
 * A fan's first steps and their data: /start for a new fan (the quick tour and its bonus, paid once) and
 * a returning one, /balance's saving tip, deep links into the shop and premium content, /privacy's
 * "Delete my data", and the owners' /reset of test accounts, with their refusals. In process.
 */

let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const t = (key: string, args?: Parameters<typeof en>[1]) => en(key, args);
const db = () => h.stack.db.database.db;

beforeAll(async () => {
  h = await createBotHarness();
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

const entries = (userId: number) =>
  db().select().from(ledgerEntries).where(eq(ledgerEntries.userId, userId)).orderBy(ledgerEntries.id);
const setSetting = (key: string, value: unknown) => h.stack.uow.repos.settings.set(key, value, OWNER_ID);
const lastEdit = () => h.callsTo('editMessageText').at(-1)!.payload;
const editButtons = () =>
  (
    lastEdit().reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
  ).inline_keyboard.flat();
const productId = async (title: string) =>
  (await db().select().from(products).where(eq(products.title, title)))[0]!.id;
/** A message's spend, as the relay writes it (keyed on the message). */
async function spend(userId: number, credits: number, n: number) {
  await h.stack.uow.run((r) =>
    r.ledger.apply({
      userId,
      delta: -credits,
      reason: 'spend',
      idempotencyKey: `msg:${userId}:${n}`,
      actor: `user:${userId}`,
      metadata: { type: 'text' },
    }),
  );
}

describe('/start: a new fan and the quick tour', () => {
  it('offers the tour with its bonus; three screens edit the welcome in place with the real prices', async () => {
    const fan = fanUser(51_001);
    await h.handle(command(fan, '/start'));
    expect(h.lastText(fan.id)).toBe(t('start-welcome-default'));
    expect(h.keyboard(fan.id)).toEqual([
      { text: t('start-button'), callback_data: navData.pack({ to: 'catalog' }) },
      { text: t('start-tour-button', { bonus: 5 }), callback_data: tourData.pack({ step: 'costs' }) },
    ]);
    const welcome = h.lastMessage(fan.id);
    await setSetting('message_costs', { text: 2, photo: 4, voice: null });

    const before = h.calls.length;
    await h.handle(callbackQuery(fan, tourData.pack({ step: 'costs' }), welcome));
    expect(h.calls[before]!.method, 'the press is answered first').toBe('answerCallbackQuery');
    const costs = String(lastEdit().text);
    expect(lastEdit().message_id).toBe(welcome.message_id);
    const label = (type: string) => typeLabel((k, a) => t(k, a), type);
    expect(costs).toContain(t('start-tour-cost-line', { type: label('text'), cost: 2 }));
    expect(costs).toContain(t('start-tour-cost-line', { type: label('photo'), cost: 4 }));
    expect(costs).not.toContain(label('voice'));
    expect(costs).toContain(t('start-tour-pack', { credits: 10, stars: 50 }));
    expect(costs).toContain(t('start-tour-pass', { length: { duration: 3_600_000 }, stars: 100 }));

    await h.handle(callbackQuery(fan, tourData.pack({ step: 'buy' }), welcome));
    expect(lastEdit().text).toBe(t('start-tour-buy', { card: 'no' }));
    await h.handle(callbackQuery(fan, tourData.pack({ step: 'replies' }), welcome));
    expect(lastEdit().text).toBe(t('start-tour-replies'));
    expect(editButtons().map((b) => b.text)).toEqual([
      t('start-tour-back'),
      t('start-tour-finish', { bonus: 5 }),
    ]);
    await setSetting('message_costs', { text: 1, photo: 3, voice: 5 });
  });

  it('finishing pays one keyed bonus entry, once; a second tap pays nothing', async () => {
    const fan = fanUser(51_002);
    await h.handle(command(fan, '/start'));
    const welcome = h.lastMessage(fan.id);
    await h.handle(callbackQuery(fan, tourData.pack({ step: 'finish' }), welcome));
    expect(h.lastAnswer()?.text).toBe(t('start-tour-bonus-toast', { bonus: 5 }));
    expect(lastEdit().text).toBe(t('start-tour-done', { bonus: 5, balance: 8 }));
    await h.handle(callbackQuery(fan, tourData.pack({ step: 'finish' }), welcome));
    expect(lastEdit().text).toBe(t('start-tour-already', { balance: 8 }));
    const bonuses = (await entries(fan.id)).filter((e) => e.metadata.kind === 'tutorial');
    expect(bonuses).toHaveLength(1);
    expect(bonuses[0]).toMatchObject({
      reason: 'bonus',
      delta: 5,
      idempotencyKey: `bonus:tutorial:${fan.id}:0`,
    });
    // Toured: the next /start is a welcome back.
    await h.handle(command(fan, '/start'));
    expect(h.lastText(fan.id)).toContain(t('start-welcome-back-balance', { balance: 8 }));
  });

  it('with the bonus switched off the tour is offered without one and pays nothing', async () => {
    await setSetting('tutorial_bonus_enabled', false);
    try {
      const fan = fanUser(51_003);
      await h.handle(command(fan, '/start'));
      expect(h.keyboard(fan.id)[1]!.text).toBe(t('start-tour-button', { bonus: 0 }));
      await h.handle(callbackQuery(fan, tourData.pack({ step: 'finish' }), h.lastMessage(fan.id)));
      expect(lastEdit().text).toBe(t('start-tour-done', { bonus: 0, balance: 3 }));
      expect((await entries(fan.id)).map((e) => e.reason)).toEqual(['bonus']);
    } finally {
      await setSetting('tutorial_bonus_enabled', true);
    }
  });

  it('a forged step is answered as stale and changes nothing', async () => {
    const fan = fanUser(51_004);
    await h.handle(command(fan, '/start'));
    await h.handle(callbackQuery(fan, 'tour:gimme', h.lastMessage(fan.id)));
    expect(h.lastAnswer()?.text).toBe(t('common-stale-button'));
    expect(await entries(fan.id)).toHaveLength(1);
  });
});

describe('/start: a returning fan', () => {
  it('is welcomed back with the balance and the time pass', async () => {
    const fan = fanUser(51_101, { first_name: 'Rita' });
    await h.handle(command(fan, '/start'));
    await spend(fan.id, 1, 1);
    await h.stack.setPass(fan.id, new Date(h.stack.clock.now().getTime() + 2 * 3_600_000));
    await h.handle(command(fan, '/start'));
    expect(h.lastText(fan.id)).toBe(
      [
        t('start-welcome-back-named', { name: 'Rita' }),
        t('start-welcome-back-balance', { balance: 2 }),
        t('start-welcome-back-pass', { left: { duration: 2 * 3_600_000 } }),
      ].join('\n'),
    );
    expect(h.keyboard(fan.id)).toEqual([
      { text: t('start-button'), callback_data: navData.pack({ to: 'catalog' }) },
    ]);
  });
});

describe('/balance tips', () => {
  it('a day pass that would have cost less than the last 24 hours of messages', async () => {
    const fan = fanUser(51_201);
    await h.handle(command(fan, '/start'));
    await h.stack.grant(fan.id, 200);
    for (let i = 0; i < 90; i++) await spend(fan.id, 1, i);
    await h.handle(command(fan, '/balance'));
    const dayPass = await productId('1-day pass');
    expect(h.lastText(fan.id)).toContain(
      t('balance-tip-day-pass', { credits: 90, stars: 360, pass: '1-day pass', passStars: 350 }),
    );
    expect(h.keyboard(fan.id)).toEqual([
      {
        text: t('balance-tip-button', { title: '1-day pass' }),
        callback_data: buyData.pack({ product: dayPass }),
      },
    ]);
  });

  it('none a day later, nor while a pass runs', async () => {
    const fan = fanUser(51_202);
    await h.handle(command(fan, '/start'));
    await h.stack.grant(fan.id, 200);
    for (let i = 0; i < 90; i++) await spend(fan.id, 1, i);
    await h.stack.setPass(fan.id, new Date(h.stack.clock.now().getTime() + 3_600_000));
    await h.handle(command(fan, '/balance'));
    expect(h.lastText(fan.id)).not.toContain('💡');
    await h.stack.setPass(fan.id, null);
    h.stack.clock.advance(25 * 3_600_000);
    try {
      await h.handle(command(fan, '/balance'));
      expect(h.lastText(fan.id)).not.toContain('💡');
    } finally {
      h.stack.clock.advance(-25 * 3_600_000);
    }
  });

  it('a bigger pack that costs less per credit than the one bought last', async () => {
    const fan = fanUser(51_203);
    await h.handle(command(fan, '/start'));
    await db()
      .insert(payments)
      .values({
        userId: fan.id,
        productId: await productId('10 credits'),
        rail: 'stars',
        amount: 50,
        currency: 'XTR',
        status: 'paid',
        kind: 'credits',
        quantity: 10,
      });
    await h.handle(command(fan, '/balance'));
    expect(h.lastText(fan.id)).toContain(
      t('balance-tip-bigger-pack', { pack: '100 credits', last: '10 credits', percent: 20 }),
    );
  });
});

describe('deep links', () => {
  const photo = { type: 'photo' as const, fileId: 'AgAC-photo', fileUniqueId: 'u-photo' };
  const addItem = (title: string) =>
    h.stack.uow.run((r) =>
      r.content.create({ title, priceCredits: 7, priceStars: 30, media: [photo], createdBy: OWNER_ID }),
    );

  it('start=buy_<pack> opens its Stars invoice (no card payments here)', async () => {
    const fan = fanUser(51_301);
    const pack = await productId('25 credits');
    await h.handle(command(fan, '/start', `buy_${pack}`));
    const invoice = h.callsTo('sendInvoice').at(-1)!.payload;
    expect(invoice).toMatchObject({ chat_id: fan.id, currency: 'XTR', title: '25 credits' });
    expect(invoice.prices).toEqual([{ label: '25 credits', amount: 115 }]);
  });

  it('a product off sale, an unknown one, and a malformed link each say so', async () => {
    const fan = fanUser(51_302);
    const pass = await productId('7-day pass');
    await db().update(products).set({ active: false }).where(eq(products.id, pass));
    try {
      await h.handle(command(fan, '/start', `buy_${pass}`));
      expect(h.lastText(fan.id)).toBe(t('start-link-off-sale'));
      expect(h.keyboard(fan.id)[0]!.callback_data).toBe(navData.pack({ to: 'catalog' }));
    } finally {
      await db().update(products).set({ active: true }).where(eq(products.id, pass));
    }
    await h.handle(command(fan, '/start', 'buy_999999'));
    expect(h.lastText(fan.id)).toBe(t('start-link-unknown-product'));
    h.reset();
    await h.handle(command(fan, '/start', 'buy_12;drop'));
    const texts = h.sentTo(fan.id).map((c) => c.payload.text);
    expect(texts).toEqual([t('start-link-invalid'), t('start-welcome-default')]);
    expect(h.callsTo('sendInvoice')).toHaveLength(0);
  });

  it('start=content_<item> queues that item’s locked preview; hidden and unknown items say so', async () => {
    const fan = fanUser(51_303);
    const item = await addItem('Behind the scenes');
    await h.handle(command(fan, '/start', `content_${item.id}`));
    const rows = (await h.stack.outboxRows()).filter((r) => r.idempotencyKey.startsWith('content-link:'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.chatId).toBe(fan.id);
    expect(rows[0]!.payload).toMatchObject({ kind: 'call', method: 'sendPaidMedia' });
    const hidden = await addItem('Old set');
    await h.stack.uow.repos.content.update(hidden.id, { hidden: true });
    await h.handle(command(fan, '/start', `content_${hidden.id}`));
    expect(h.lastText(fan.id)).toBe(t('start-link-content-hidden'));
    await h.handle(command(fan, '/start', 'content_888888'));
    expect(h.lastText(fan.id)).toBe(t('start-link-content-unknown'));
  });

  it('the control center shows each product’s link, and each content item’s', async () => {
    const pack = await productId('10 credits');
    await h.handle(command(owner, '/products'));
    const open = h.keyboard(owner.id).find((b) => b.text === '🟢 10 credits')!.callback_data!;
    await h.handle(callbackQuery(owner, open, h.lastMessage(owner.id)));
    const link = `https://t.me/${h.bot.botInfo.username}?start=buy_${pack}`;
    expect(String(lastEdit().text)).toContain(t('admin-products-item-link', { link }));

    const item = await addItem('Studio tour');
    await h.handle(command(owner, '/content'));
    await h.handle(
      callbackQuery(owner, contentItemData.pack({ action: 'view', item: item.id }), h.lastMessage(owner.id)),
    );
    const itemLink = `https://t.me/${h.bot.botInfo.username}?start=content_${item.id}`;
    expect(String(lastEdit().text)).toContain(t('content-admin-item-link', { link: itemLink }));
  });
});

describe('/privacy: delete my data', () => {
  it('asks first; "keep" deletes nothing', async () => {
    const fan = fanUser(51_401, { first_name: 'Pia', username: 'pia' });
    await h.handle(command(fan, '/privacy'));
    expect(h.lastText(fan.id)).toBe(t('legal-privacy', { text: { html: t('legal-privacy-default') } }));
    const msg = h.lastMessage(fan.id);
    await h.handle(callbackQuery(fan, privacyData.pack({ action: 'ask' }), msg));
    expect(lastEdit().text).toBe(t('privacy-confirm'));
    await h.handle(callbackQuery(fan, privacyData.pack({ action: 'no' }), msg));
    expect(h.lastAnswer()?.text).toBe(t('privacy-kept'));
    expect((await h.stack.user(fan.id))?.username).toBe('pia');
  });

  it('clears name, notes and links, keeps the books, tells the owners once; the name stays gone', async () => {
    const fan = fanUser(51_402, { first_name: 'Pat', last_name: 'Lee', username: 'patlee' });
    await h.handle(command(fan, '/start'));
    await spend(fan.id, 1, 1);
    await h.stack.uow.repos.admin.addNote(fan.id, OWNER_ID, 'likes cats');
    await db().insert(messageLinks).values({
      userId: fan.id,
      direction: 'in',
      fanChatId: fan.id,
      fanMessageId: 1,
      groupChatId: ADMIN_GROUP_ID,
      groupMessageId: 77_001,
    });
    await h.handle(command(fan, '/privacy'));
    const msg = h.lastMessage(fan.id);
    await h.handle(callbackQuery(fan, privacyData.pack({ action: 'yes' }), msg));
    expect(lastEdit().text).toBe(t('privacy-erased'));
    await h.handle(callbackQuery(fan, privacyData.pack({ action: 'yes' }), msg));

    const user = (await h.stack.user(fan.id))!;
    expect(user).toMatchObject({ firstName: '', lastName: null, username: null, creditBalance: 2 });
    expect(user.forgottenAt).not.toBeNull();
    expect(await db().select().from(userNotes).where(eq(userNotes.userId, fan.id))).toHaveLength(0);
    expect(await db().select().from(messageLinks).where(eq(messageLinks.userId, fan.id))).toHaveLength(0);
    expect((await entries(fan.id)).map((e) => e.reason)).toEqual(['bonus', 'spend']);
    const alerts = (await h.stack.outboxRows()).filter((r) =>
      r.idempotencyKey.startsWith(`privacy-erased:${fan.id}:`),
    );
    expect(alerts.map((a) => a.chatId)).toEqual([OWNER_ID]);
    expect(alerts[0]!.payload).toMatchObject({
      text: { key: 'privacy-admin-erased', args: { id: String(fan.id), notes: 1, links: 1 } },
    });
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.userId, fan.id), eq(auditLog.action, 'privacy_erase'))),
    ).toHaveLength(1);

    // Telegram sends the name with every update: it is not stored again.
    h.stack.clock.advance(120_000);
    await h.handle(privateText(fan, '/help'));
    expect(await h.stack.user(fan.id)).toMatchObject({ firstName: '', username: null });
  });
});

describe('/reset (owners, test accounts)', () => {
  const topicOf = async (userId: number, threadId: number) => {
    await h.stack.uow.repos.topics.reserve(userId, ADMIN_GROUP_ID, `Fan ${userId}`);
    await h.stack.uow.repos.topics.setThread(userId, threadId, `Fan ${userId}`);
  };
  const resetIn = (threadId: number, text: string, from = owner) =>
    groupTopicMessage(ADMIN_GROUP_ID, threadId, from, text, {
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });

  it('one adjustment zeroes balance and pass; /history starts at it; audited; the tour comes back', async () => {
    const fan = fanUser(51_501);
    await h.handle(command(fan, '/start'));
    await h.handle(callbackQuery(fan, tourData.pack({ step: 'finish' }), h.lastMessage(fan.id)));
    await spend(fan.id, 2, 1);
    await h.stack.setPass(fan.id, new Date(h.stack.clock.now().getTime() + 3_600_000));
    await h.handle(command(owner, '/reset', String(fan.id)));
    expect(h.lastText(owner.id)).toBe(
      t('admin-reset-done', { id: String(fan.id), credits: 6, pass: 'yes', payments: 0 }),
    );
    const user = (await h.stack.user(fan.id))!;
    expect(user).toMatchObject({ creditBalance: 0, timePassUntil: null });
    const all = await entries(fan.id);
    expect(all).toHaveLength(4); // nothing deleted
    expect(all.at(-1)).toMatchObject({ reason: 'adjustment', delta: -6, metadata: { kind: 'reset' } });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'account_reset'))).toHaveLength(1);

    const page = await h.stack.services.history.page(fan.id, 1);
    expect(page.items.map((i) => i.reason)).toEqual(['adjustment']);
    expect(page.items[0]!.details).toEqual([{ kind: 'reset' }]);
    expect(page.totals.spent).toBe(0);

    // A fresh start: the tour (and its bonus) again.
    await h.handle(command(fan, '/start'));
    expect(h.keyboard(fan.id)[1]!.callback_data).toBe(tourData.pack({ step: 'costs' }));
  });

  it('refused for a fan with real payments unless forced; in the fan’s topic too', async () => {
    const fan = fanUser(51_502);
    await h.handle(command(fan, '/start'));
    await db()
      .insert(payments)
      .values({
        userId: fan.id,
        productId: await productId('10 credits'),
        rail: 'stars',
        amount: 50,
        currency: 'XTR',
        status: 'paid',
        kind: 'credits',
        quantity: 10,
      });
    await topicOf(fan.id, 4242);
    await h.handle(resetIn(4242, '/reset'));
    expect(h.lastText(ADMIN_GROUP_ID)).toBe(
      t('admin-reset-has-payments', { id: String(fan.id), payments: 1 }),
    );
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(3);
    await h.handle(resetIn(4242, '/reset force'));
    expect(h.lastText(ADMIN_GROUP_ID)).toBe(
      t('admin-reset-done', { id: String(fan.id), credits: 3, pass: 'no', payments: 1 }),
    );
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(0);
  });

  it('to anyone but an owner it is an unknown command; a manager in a topic is refused', async () => {
    const fan = fanUser(51_503);
    const manager = fanUser(51_504);
    await h.handle(command(fan, '/start'));
    await h.stack.uow.repos.team.set(
      { userId: manager.id, role: 'manager', addedBy: OWNER_ID },
      h.stack.clock.now(),
    );
    await h.handle(command(fan, '/reset', String(fan.id)));
    expect(h.lastText(fan.id)).toBe(t('common-unknown-command', { command: '/reset' }));
    await h.handle(command(manager, '/reset', String(fan.id)));
    expect(h.lastText(manager.id)).toBe(t('common-unknown-command', { command: '/reset' }));
    await topicOf(fan.id, 4343);
    await h.handle(resetIn(4343, '/reset', manager));
    expect(h.lastText(ADMIN_GROUP_ID)).toBe(t('admin-reset-not-allowed', { id: String(fan.id) }));
    await h.handle(command(owner, '/reset', 'someone'));
    expect(h.lastText(owner.id)).toBe(t('admin-reset-usage'));
    await h.handle(command(owner, '/reset', '777777777'));
    expect(h.lastText(owner.id)).toBe(t('admin-reset-unknown', { id: '777777777' }));
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(3);
  });
});

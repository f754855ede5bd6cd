import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { products } from '../../../src/db/schema/index.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { balanceOf, ledgerOf } from '../../support/accounts.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { callbackQuery, command, fanUser, preCheckoutQuery } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { en } from '../../support/i18n.ts';
import { balanceBar } from '../../../src/domain/ledger/index.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const invoicesTo = (id: number) =>
  fake.callsTo('sendInvoice').filter((c) => c.ok && c.payload.chat_id === id);
const pay = (fan: ReturnType<typeof fanUser>, charge: string) => payLatestInvoice(t, fake, fan, charge);
const lastText = (id: number) =>
  String(
    fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === id)
      .at(-1)?.payload.text,
  );

describe('buying with Telegram Stars', () => {
  it('catalog button → invoice (XTR, no provider token) → pre-checkout → one grant and a confirmation', async () => {
    const ann = fanUser(601, { first_name: 'Ann' });
    await t.post(command(ann, '/buy'));
    const catalog = fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === ann.id)
      .at(-1)!;
    const buttons = (catalog.payload.reply_markup as Keyboard).inline_keyboard.flat();
    expect(buttons[0]!.text).toBe('⭐ 50 · 10 credits');
    await t.post(callbackQuery(ann, buttons[0]!.callback_data, fake.messagesIn(ann.id).at(-1)!));
    const invoice = invoicesTo(ann.id).at(-1)!.payload;
    expect(invoice).toMatchObject({
      currency: 'XTR',
      title: '10 credits',
      prices: [{ label: '10 credits', amount: 50 }],
    });
    expect(invoice.provider_token ?? '').toBe('');

    const { answer, paid } = await pay(ann, 'stxAnn1');
    expect(answer).toMatchObject({ ok: true });
    expect(await balanceOf(t, ann.id)).toBe(13); // 3 welcome + 10
    const bar = balanceBar(13, 10);
    const receipt = en('billing-receipt-credits', {
      credits: 10,
      balance: 13,
      max: bar.max,
      cells: bar.cells,
      percent: bar.percent,
      paid: '⭐ 50',
    });
    await eventually(() => lastText(ann.id) === receipt, 5000, 'confirmation');
    // The same successful_payment again (a redelivery, or under a new update id): one grant.
    await t.post(paid);
    await t.post({ ...paid, update_id: paid.update_id + 500_000 });
    expect(await balanceOf(t, ann.id)).toBe(13);
    expect((await ledgerOf(t, ann.id)).map((e) => e.delta)).toEqual([3, 10]);
    expect((await t.app.deps.services.checkLedger()).ok).toBe(true);
  });

  it('a time pass extends the current one', async () => {
    const ben = fanUser(602);
    await t.post(command(ben, '/buy'));
    const buttons = (
      fake
        .callsTo('sendMessage')
        .filter((c) => c.payload.chat_id === ben.id)
        .at(-1)!.payload.reply_markup as Keyboard
    ).inline_keyboard.flat();
    const hour = buttons.find((b) => b.text.includes('1-hour pass'))!;
    await t.post(callbackQuery(ben, hour.callback_data, fake.messagesIn(ben.id).at(-1)!));
    await pay(ben, 'stxBen1');
    await t.post(callbackQuery(ben, hour.callback_data, fake.messagesIn(ben.id).at(-1)!));
    await pay(ben, 'stxBen2');
    const until = (await createUnitOfWork(t.db.database).repos.users.get(ben.id))!.timePassUntil!;
    expect(until.getTime() - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);
    const receipt = en('billing-receipt-pass', { until, paid: '⭐ 100' });
    await eventually(() => lastText(ben.id) === receipt, 5000, 'pass confirmation');
  });

  it('refuses at pre-checkout when the product was withdrawn or its price changed', async () => {
    const cat = fanUser(603);
    await t.post(command(cat, '/buy25'));
    await t.db.database.db.update(products).set({ priceStars: 999 }).where(eq(products.amount, 25));
    const changed = await pay(cat, 'stxCat1');
    expect(changed.answer).toMatchObject({
      ok: false,
      error_message: en('billing-invoice-price-changed'),
    });
    await t.db.database.db.update(products).set({ priceStars: 115 }).where(eq(products.amount, 25));

    await t.post(command(cat, '/buy50'));
    await t.db.database.db.update(products).set({ active: false }).where(eq(products.amount, 50));
    const withdrawn = await pay(cat, 'stxCat2');
    expect(withdrawn.answer).toMatchObject({
      ok: false,
      error_message: en('billing-invoice-off-sale'),
    });
    await t.db.database.db.update(products).set({ active: true }).where(eq(products.amount, 50));

    // A tampered payload never passes.
    await t.post(preCheckoutQuery(cat, { payload: 'pay:999999', total_amount: 50 }));
    expect(fake.callsTo('answerPreCheckoutQuery').at(-1)!.payload).toMatchObject({ ok: false });
    expect(await balanceOf(t, cat.id)).toBe(3);
  });

  it('/buyN goes straight to the pack of size N, and lists the packs for an unknown N', async () => {
    const dan = fanUser(604);
    await t.post(command(dan, '/buy50'));
    expect(invoicesTo(dan.id).at(-1)!.payload).toMatchObject({
      title: '50 credits',
      prices: [{ amount: 215 }],
    });
    await t.post(command(dan, '/buy7'));
    const lines = lastText(dan.id).split('\n');
    expect(lines[0]).toBe(en('billing-no-such-pack', { credits: 7 }));
    expect(lines.slice(1).map((l) => l.split(' ')[0])).toEqual(['/buy10', '/buy25', '/buy50', '/buy100']);
  });
});

describe('terms and payment support', () => {
  it('answer /terms and /paysupport from settings, with sensible defaults', async () => {
    const eve = fanUser(605);
    await t.post(command(eve, '/terms'));
    expect(lastText(eve.id)).toMatch(/Terms: credits and time passes are digital goods/);
    await createUnitOfWork(t.db.database).repos.settings.set(
      'paysupport_text',
      'Write to help@example.com',
      null,
    );
    await t.post(command(eve, '/paysupport'));
    // The creator's text, then how to reach them free of charge (the next message).
    expect(lastText(eve.id)).toMatch(/^🛟 Write to help@example\.com\n\n✍️ .*next message/);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../../src/db/schema/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { balanceBar } from '../../../src/domain/ledger/index.ts';
import type { Locale } from '../../../src/domain/shared/index.ts';
import { en, tr } from '../../support/i18n.ts';

let fake: FakeTelegram;
let db: TestDatabase;
let t: TestApp;
const boot = () =>
  startTestApp(fake, {
    env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) },
    db,
    outbox: { budgets: defaultBudgets(1000) },
  });

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  db = await createTestDatabase();
  // A 3-second pass keeps the test short; the notices 10 and 1 minute before have already passed.
  await db.database.db
    .insert(products)
    .values({ kind: 'time', title: 'Blink pass', amount: 3, priceStars: 1, sort: 1 });
  t = await boot();
});
afterAll(async () => {
  await t.stop();
  await db.dispose();
  await fake.close();
});
afterEach(async () => {
  fake.assertNoViolations();
  // npm run ledger:check, after every scenario.
  expect((await t.app.deps.services.checkLedger()).ok).toBe(true);
});

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const barArgs = (balance: number, max: number) => {
  const bar = balanceBar(balance, max);
  return { balance, max: bar.max, cells: bar.cells, percent: bar.percent };
};
/** The end notice as a reader of `locale` sees it, for a balance of `balance` (last top-up `max`). */
const endNotice = (locale: Locale, balance: number, max: number) =>
  tr(locale, 'billing-pass-ended', barArgs(balance, max));
/** Its first line, the same whatever the balance. */
const endHead = (locale: Locale) => endNotice(locale, 0, 0).split('\n')[0]!;
const endNotices = (id: number, locale: Locale = 'en') =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id && String(c.payload.text).startsWith(endHead(locale)));

async function buyBlink(fan: ReturnType<typeof fanUser>, charge: string) {
  await t.post(command(fan, '/buy'));
  const buttons = (
    fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === fan.id && c.payload.reply_markup !== undefined)
      .at(-1)!.payload.reply_markup as Keyboard
  ).inline_keyboard.flat();
  await t.post(
    callbackQuery(
      fan,
      buttons.find((b) => b.text.includes('Blink'))!.callback_data,
      fake.messagesIn(fan.id).at(-1)!,
    ),
  );
  await payLatestInvoice(t, fake, fan, charge);
}

describe('time-pass notices (pg-boss scheduled jobs)', () => {
  it('the end notice arrives once, after an extension only for the new end, and survives a restart', async () => {
    const fan = fanUser(701);
    await buyBlink(fan, 'stxBlink1');
    await buyBlink(fan, 'stxBlink2'); // extends the pass to ~6 s: the first end is stale now
    await t.stop();
    t = await boot(); // the jobs are in the database, not in memory
    await eventually(() => endNotices(fan.id).length === 1, 15_000, 'the end notice');
    await new Promise((r) => setTimeout(r, 2500));
    expect(endNotices(fan.id)).toHaveLength(1);
    expect(endNotices(fan.id)[0]!.payload.text).toBe(en('billing-pass-ended', barArgs(3, 3)));
  }, 30_000);

  it('a Russian fan reads the end notice in Russian', async () => {
    const fan = fanUser(702, { language_code: 'ru' });
    await buyBlink(fan, 'stxBlinkRu');
    await eventually(() => endNotices(fan.id, 'ru').length === 1, 15_000, 'the Russian end notice');
    expect(endNotices(fan.id, 'ru')[0]!.payload.text).toBe(endNotice('ru', 3, 3));
    expect(endNotice('ru', 3, 3)).toMatch(/^⌛ Ваш пропуск закончился/);
  }, 30_000);
});

describe('/buy speaks the fan’s language', () => {
  it.each([
    ['es', 'es'],
    ['ru', 'ru'],
    ['pt-br', 'pt-BR'],
  ] as const)('language_code %s → the catalogue in %s', async (code, locale) => {
    const fan = fanUser(710 + ['es', 'ru', 'pt-br'].indexOf(code), { language_code: code });
    await t.post(command(fan, '/buy'));
    const text = String(
      fake
        .callsTo('sendMessage')
        .filter((c) => c.ok && c.payload.chat_id === fan.id)
        .at(-1)!.payload.text,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe(tr(locale, 'billing-catalog-title'));
    expect(lines).toContain(tr(locale, 'billing-catalog-passes'));
    expect(lines).toContain(tr(locale, 'billing-product-line', { title: 'Blink pass', stars: 1 }));
    expect(lines.at(-1)).toBe(tr(locale, 'billing-catalog-footer'));
    expect(tr(locale, 'billing-catalog-title')).not.toBe(en('billing-catalog-title'));
  });
});

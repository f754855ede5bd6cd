import type { Message } from 'grammy/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { grantCredits } from '../../support/accounts.ts';
import { startForumApp, type TestApp } from '../../support/app.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import type { UploadedFile } from '../../support/fake-telegram/multipart.ts';
import { callbackQuery, command, fanUser, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { en, tr } from '../../support/i18n.ts';
import type { Locale } from '../../../src/domain/shared/index.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const buttonsOf = (markup: unknown) => (markup as Keyboard).inline_keyboard.flat();

/** The /history message sent to `id` (the call's result is the message to press buttons on). */
function historyMessage(id: number, locale: Locale = 'en') {
  const title = tr(locale, 'history-title', { page: 1, pages: 1 }).split(' · ')[0]!;
  const call = fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id && String(c.payload.text).startsWith(title))
    .at(-1)!;
  return {
    text: String(call.payload.text),
    buttons: buttonsOf(call.payload.reply_markup),
    message: call.result as Message,
  };
}
const editsTo = (id: number) => fake.callsTo('editMessageText').filter((c) => c.payload.chat_id === id);
const answers = () => fake.callsTo('answerCallbackQuery');
const totals = (t: {
  purchased: number;
  spent: number;
  gifted: number;
  returned: number;
  takenBack?: number;
}) => en('history-totals', { takenBack: 0, ...t });
const CSV = en('history-button-csv');
/** The end of a history line: what, the change and the balance after. */
const lineEnd = (reason: string, details: string, delta: string, balance: number) =>
  en('history-line-details', {
    date: '',
    reason: { html: en(`history-reason-${reason}`) },
    details,
    delta,
    balance,
  }).slice(3);

/** A minimal RFC 4180 reader (quoted fields with commas, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function buyTen(fan: ReturnType<typeof fanUser>, charge: string) {
  await t.post(command(fan, '/buy10'));
  await payLatestInvoice(t, fake, fan, charge);
}

describe('/history', () => {
  const dee = fanUser(701, { first_name: 'Dee' });

  beforeAll(async () => {
    await t.post(command(dee, '/balance')); // +3 welcome bonus
    await grantCredits(t, dee.id, 20); // adjustment
    await buyTen(dee, 'stxDee1'); // +10 purchase
    // An entry whose details a spreadsheet would run as a formula, with a comma and quotes in it.
    await createUnitOfWork(t.db.database).run((r) =>
      r.ledger.apply({
        userId: dee.id,
        delta: 2,
        reason: 'gift',
        idempotencyKey: `test-gift:${dee.id}`,
        actor: 'admin:1',
        metadata: { product: '=HYPERLINK("http://x"),"y"' },
      }),
    );
    for (let i = 0; i < 12; i++) await t.post(privateText(dee, `x${i}`, { fake })); // 12 × −1
  });

  it('shows page 1 (newest first) with the totals, and pages forward and back by editing the message', async () => {
    await t.post(command(dee, '/history'));
    const first = historyMessage(dee.id);
    // 16 entries: bonus, adjustment, purchase, gift, 12 spends.
    expect(first.text.split('\n')[0]).toBe(en('history-title', { page: 1, pages: 2 }));
    expect(first.text).toContain(totals({ purchased: 10, spent: 12, gifted: 5, returned: 0 }));
    const lines = first.text.split('\n').filter((l) => /→/.test(l));
    expect(lines).toHaveLength(10);
    const textMessage = en('history-detail-message', { type: 'text' });
    expect(lines[0]!.endsWith(lineEnd('spend', textMessage, '-1', 23))).toBe(true);
    expect(first.buttons.map((b) => b.text)).toEqual(['▶️', CSV]);

    await t.post(callbackQuery(dee, first.buttons[0]!.callback_data, first.message));
    const second = editsTo(dee.id).at(-1)!.payload;
    expect(second.message_id).toBe(first.message.message_id);
    expect(second.text).toContain(en('history-title', { page: 2, pages: 2 }));
    const older = String(second.text)
      .split('\n')
      .filter((l) => /→/.test(l));
    expect(older).toHaveLength(6);
    expect(older.at(-1)!.endsWith(lineEnd('bonus', en('history-detail-welcome'), '+3', 3))).toBe(true);
    const bought = `${en('history-detail-credits', { count: 10 })}, ${en('history-detail-stars', { stars: '50' })}`;
    expect(second.text).toContain(lineEnd('purchase', bought, '+10', 33));
    const back = buttonsOf(second.reply_markup);
    expect(back.map((b) => b.text)).toEqual(['◀️', CSV]);

    await t.post(callbackQuery(dee, back[0]!.callback_data, first.message));
    const again = editsTo(dee.id).at(-1)!.payload;
    expect(again.message_id).toBe(first.message.message_id);
    expect(again.text).toContain(en('history-title', { page: 1, pages: 2 }));
  });

  it('clamps a page past the end and refuses a tampered button without crashing', async () => {
    await t.post(command(dee, '/history'));
    const { message } = historyMessage(dee.id);
    const before = editsTo(dee.id).length;
    await t.post(callbackQuery(dee, 'hist:999999', message));
    expect(editsTo(dee.id)).toHaveLength(before + 1);
    expect(editsTo(dee.id).at(-1)!.payload.text).toContain(en('history-title', { page: 2, pages: 2 }));

    for (const data of ['hist:abc', 'hist:0', 'hist:-3', 'hist:1:2', 'histcsv:x']) {
      await t.post(callbackQuery(dee, data, message));
      expect(answers().at(-1)!.payload.text).toBe(en('common-stale-button'));
    }
    expect(editsTo(dee.id)).toHaveLength(before + 1);
  });

  it('exports every entry as a CSV document', async () => {
    await t.post(command(dee, '/history'));
    const { buttons, message } = historyMessage(dee.id);
    await t.post(callbackQuery(dee, buttons.find((b) => b.text === CSV)!.callback_data, message));
    const call = fake
      .callsTo('sendDocument')
      .filter((c) => c.payload.chat_id === dee.id)
      .at(-1)!;
    expect(call.ok).toBe(true);
    const doc = call.payload.document as UploadedFile;
    expect(doc.filename).toBe('history.csv');
    const csv = doc.data!.toString('utf8');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(
      [
        'history-csv-date',
        'history-csv-reason',
        'history-csv-credits',
        'history-csv-balance',
        'history-csv-details',
      ].map((k) => en(k)),
    );
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    // Newest first; numeric columns stay numbers (no guard on "-1").
    expect(rows[1]!.slice(1, 4)).toEqual(['spend', '-1', '23']);
    expect(rows.at(-1)!.slice(1, 5)).toEqual(['bonus', '3', '3', en('history-detail-welcome')]);
    // The formula is neutralised, and the field with commas and quotes round-trips through quoting.
    const gift = rows.find((r) => r[1] === 'gift')!;
    expect(gift[4]).toBe(`'=HYPERLINK("http://x"),"y"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x""),""y"""`);
    expect(rows.find((r) => r[1] === 'purchase')![4]).toBe(
      `${en('history-detail-credits', { count: 10 })}, ${en('history-detail-stars', { stars: '50' })}`,
    );
  });

  it('keeps credits returned for undelivered messages apart from credits a payment refund took back', async () => {
    const eli = fanUser(702, { first_name: 'Eli' });
    await t.post(command(eli, '/balance')); // +3 welcome bonus
    const entry = (delta: number, key: string) =>
      createUnitOfWork(t.db.database).run((r) =>
        r.ledger.apply({ userId: eli.id, delta, reason: 'refund', idempotencyKey: key, actor: 'test' }),
      );
    await entry(1, `test-returned:${eli.id}`); // a message that could not be delivered
    await entry(-2, `test-clawback:${eli.id}`); // a refunded payment's credits taken back
    await t.post(command(eli, '/history'));
    expect(historyMessage(eli.id).text).toContain(
      totals({ purchased: 0, spent: 0, gifted: 3, returned: 1, takenBack: 2 }),
    );
  });

  it.each([
    ['ru', 'ru'],
    ['es', 'es'],
    ['pt-br', 'pt-BR'],
  ] as const)(
    'language_code %s: the page and the CSV headers in the fan’s language',
    async (code, locale) => {
      const fan = fanUser(703 + code.length * 10 + code.charCodeAt(0), { language_code: code });
      await t.post(command(fan, '/balance')); // +3 welcome bonus
      await t.post(command(fan, '/history'));
      const page = historyMessage(fan.id, locale);
      expect(page.text.split('\n')[0]).toBe(tr(locale, 'history-title', { page: 1, pages: 1 }));
      expect(page.text).toContain(
        tr(locale, 'history-totals', { purchased: 0, spent: 0, gifted: 3, returned: 0, takenBack: 0 }),
      );
      const welcome = tr(locale, 'history-detail-welcome');
      expect(page.text).toContain(`${tr(locale, 'history-reason-bonus')} (${welcome}): <b>+3</b> → 3`);
      const csvButton = page.buttons.find((b) => b.text === tr(locale, 'history-button-csv'))!;
      await t.post(callbackQuery(fan, csvButton.callback_data, page.message));
      const doc = fake
        .callsTo('sendDocument')
        .filter((c) => c.payload.chat_id === fan.id)
        .at(-1)!.payload.document as UploadedFile;
      const rows = parseCsv(doc.data!.toString('utf8'));
      expect(rows[0]![0]).toBe(tr(locale, 'history-csv-date'));
      expect(rows[0]![3]).toBe(tr(locale, 'history-csv-balance'));
      expect(rows[1]).toEqual([expect.any(String), 'bonus', '3', '3', welcome]);
      if (locale === 'ru') expect(rows[0]![0]).toBe('дата');
    },
  );
});

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

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const buttonsOf = (markup: unknown) => (markup as Keyboard).inline_keyboard.flat();

/** The /history message sent to `id` (the call's result is the message to press buttons on). */
function historyMessage(id: number) {
  const call = fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id && /Your history/.test(String(c.payload.text)))
    .at(-1)!;
  return {
    text: String(call.payload.text),
    buttons: buttonsOf(call.payload.reply_markup),
    message: call.result as Message,
  };
}
const editsTo = (id: number) => fake.callsTo('editMessageText').filter((c) => c.payload.chat_id === id);
const answers = () => fake.callsTo('answerCallbackQuery');

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
    expect(first.text).toContain('page 1/2');
    expect(first.text).toContain('Bought 10 · spent 12 · gifts/bonus 5 · refunded 0');
    const lines = first.text.split('\n').filter((l) => /→/.test(l));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/Message \(text message\): <b>-1<\/b> → 23$/);
    expect(first.buttons.map((b) => b.text)).toEqual(['▶️', '📄 Export CSV']);

    await t.post(callbackQuery(dee, first.buttons[0]!.callback_data, first.message));
    const second = editsTo(dee.id).at(-1)!.payload;
    expect(second.message_id).toBe(first.message.message_id);
    expect(second.text).toContain('page 2/2');
    const older = String(second.text)
      .split('\n')
      .filter((l) => /→/.test(l));
    expect(older).toHaveLength(6);
    expect(older.at(-1)).toMatch(/Bonus \(welcome bonus\): <b>\+3<\/b> → 3$/);
    expect(second.text).toMatch(/Purchase \(10 credits, ⭐ 50\): <b>\+10<\/b> → 33/);
    const back = buttonsOf(second.reply_markup);
    expect(back.map((b) => b.text)).toEqual(['◀️', '📄 Export CSV']);

    await t.post(callbackQuery(dee, back[0]!.callback_data, first.message));
    const again = editsTo(dee.id).at(-1)!.payload;
    expect(again.message_id).toBe(first.message.message_id);
    expect(again.text).toContain('page 1/2');
  });

  it('clamps a page past the end and refuses a tampered button without crashing', async () => {
    await t.post(command(dee, '/history'));
    const { message } = historyMessage(dee.id);
    const before = editsTo(dee.id).length;
    await t.post(callbackQuery(dee, 'hist:999999', message));
    expect(editsTo(dee.id)).toHaveLength(before + 1);
    expect(editsTo(dee.id).at(-1)!.payload.text).toContain('page 2/2');

    for (const data of ['hist:abc', 'hist:0', 'hist:-3', 'hist:1:2', 'histcsv:x']) {
      await t.post(callbackQuery(dee, data, message));
      expect(answers().at(-1)!.payload.text).toMatch(/This button has expired/);
    }
    expect(editsTo(dee.id)).toHaveLength(before + 1);
  });

  it('exports every entry as a CSV document', async () => {
    await t.post(command(dee, '/history'));
    const { buttons, message } = historyMessage(dee.id);
    await t.post(callbackQuery(dee, buttons.find((b) => b.text === '📄 Export CSV')!.callback_data, message));
    const call = fake
      .callsTo('sendDocument')
      .filter((c) => c.payload.chat_id === dee.id)
      .at(-1)!;
    expect(call.ok).toBe(true);
    const doc = call.payload.document as UploadedFile;
    expect(doc.filename).toBe('history.csv');
    const csv = doc.data!.toString('utf8');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['date', 'reason', 'credits', 'balance_after', 'details']);
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    // Newest first; numeric columns stay numbers (no guard on "-1").
    expect(rows[1]!.slice(1, 4)).toEqual(['spend', '-1', '23']);
    expect(rows.at(-1)!.slice(1, 5)).toEqual(['bonus', '3', '3', 'welcome bonus']);
    // The formula is neutralised, and the field with commas and quotes round-trips through quoting.
    const gift = rows.find((r) => r[1] === 'gift')!;
    expect(gift[4]).toBe(`'=HYPERLINK("http://x"),"y"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x""),""y"""`);
    expect(rows.find((r) => r[1] === 'purchase')![4]).toBe('10 credits, ⭐ 50');
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
      'Bought 0 · spent 0 · gifts/bonus 3 · refunded 1 · taken back 2',
    );
  });
});

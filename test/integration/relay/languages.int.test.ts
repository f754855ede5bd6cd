import { describe, expect, it } from 'vitest';
import { receipt } from '../../../src/app/relay/receipt.ts';
import type { Locale } from '../../../src/domain/shared/index.ts';
import { grantCredits } from '../../support/accounts.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en, tr } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';
import { fanUser, privateMedia, privatePhoto, privateText } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

const textsTo = (chatId: number) =>
  fake.calls
    .filter((c) => c.ok && c.method === 'sendMessage' && c.payload.chat_id === chatId)
    .map((c) => String(c.payload.text));

/** The receipt of a fan's first text: 3 welcome credits − 1, under the low-balance threshold (5). */
const firstReceipt = (locale: Locale) => {
  const r = receipt({
    cost: 1,
    free: false,
    balance: 2,
    lastTopUp: 3,
    low: true,
    threshold: 5,
    passLeftMs: 0,
  });
  return tr(locale, r.key, r.args);
};

describe('a fan is served in their Telegram language (language_code at first contact)', () => {
  const cases: Array<{ code: string; locale: Locale; id: number }> = [
    { code: 'es', locale: 'es', id: 7101 },
    { code: 'ru', locale: 'ru', id: 7102 },
    { code: 'pt-br', locale: 'pt-BR', id: 7103 },
  ];
  for (const { code, locale, id } of cases) {
    it(`${code}: the receipt and the "not enough credits" refusal`, async () => {
      const fan = fanUser(id, { first_name: `Fan ${code}`, language_code: code });
      await t.post(privateText(fan, 'hola', { fake }));
      await eventually(() => textsTo(fan.id).length > 0, 5000, 'the receipt');
      expect(textsTo(fan.id)[0]).toBe(firstReceipt(locale));
      expect(textsTo(fan.id)[0]).not.toBe(firstReceipt('en'));

      await t.post(privateMedia(fan, 'voice', { fake })); // 5 credits, with 2 left
      const refusal = tr(locale, 'relay-insufficient', {
        type: tr(locale, 'relay-type-voice'),
        cost: 5,
        balance: 2,
      });
      expect(textsTo(fan.id).at(-1)).toBe(refusal);
      expect(refusal).not.toBe(
        en('relay-insufficient', { type: en('relay-type-voice'), cost: 5, balance: 2 }),
      );
    });
  }

  it('ru: credits take their plural forms (1 кредит, 3 кредита, 5 кредитов)', async () => {
    const fan = fanUser(7104, { first_name: 'Иван', language_code: 'ru' });
    await t.post(privateText(fan, 'привет', { fake }));
    await eventually(() => textsTo(fan.id).length > 0, 5000, 'the receipt');
    expect(textsTo(fan.id)[0]).toMatch(/^✔️ Отправлено · −1 кредит\n/);

    await grantCredits(t, fan.id, -1); // 1 left
    await t.post(privatePhoto(fan, { fake })); // a photo costs 3
    expect(textsTo(fan.id).at(-1)).toMatch(/^💳 Отправить фото стоит 3 кредита, а у вас 1 кредит\./);

    await grantCredits(t, fan.id, 2); // 3 left
    await t.post(privateMedia(fan, 'voice', { fake })); // a voice message costs 5
    expect(textsTo(fan.id).at(-1)).toMatch(
      /^💳 Отправить голосовое сообщение стоит 5 кредитов, а у вас 3 кредита\./,
    );
  });
});

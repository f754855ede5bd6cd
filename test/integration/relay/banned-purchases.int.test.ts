import { describe, expect, it } from 'vitest';
import { en } from '../../support/i18n.ts';
import { contentFanData, contentUnlockData } from '../../../src/bot/callback-data/content.ts';
import { buyData, cardPayData } from '../../../src/bot/callback-data/index.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { balanceOf } from '../../support/accounts.ts';
import { eventually, type TestApp } from '../../support/app.ts';
import { addContentItem, answerTo, browse, buttonsOf, lastBotText } from '../../support/content.ts';
import type { FakeStripe } from '../../support/fake-stripe/index.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { payLatestInvoice } from '../../support/flows.ts';
import { startStripeApp } from '../../support/stripe.ts';
import { useApp } from '../../support/suite.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';

const bannedPurchaseText = en('billing-banned');

/**
 * A banned fan's messages are refused, so nothing is sold to them: credits they could not spend, or
 * content from a creator who cut them off. What they already own stays theirs.
 */

let fake: FakeTelegram;
let t: TestApp;
let stripe: FakeStripe;

useApp(
  () => startStripeApp(),
  (s) => ({ fake, t, stripe } = s),
);

const repos = () => createUnitOfWork(t.db.database).repos;
const ban = (id: number) => repos().users.setBanned(id, true);
const creditPack = async () => (await repos().products.listActive()).find((p) => p.kind === 'credits')!;
const invoicesTo = (id: number) => fake.callsTo('sendInvoice').filter((c) => c.payload.chat_id === id);

/** A fan who exists (has pressed /start), pressing a button on a message the bot sent them. */
async function pressAs(fan: ReturnType<typeof fanUser>, data: string) {
  const anchor = fake.messagesIn(fan.id).at(-1)!;
  const update = callbackQuery(fan, data, anchor);
  await t.post(update);
  return update;
}

describe('a banned fan cannot buy', () => {
  it('credits with Stars or by card: told why, no invoice, no Checkout Session, no payment row', async () => {
    const ann = fanUser(1201, { first_name: 'Ann' });
    await t.post(command(ann, 'start'));
    await ban(ann.id);
    const pack = await creditPack();

    await pressAs(ann, buyData.pack({ product: pack.id }));
    await eventually(() => lastBotText(fake, ann.id) === bannedPurchaseText, 5000, 'the Stars refusal');
    await pressAs(ann, cardPayData.pack({ product: pack.id }));
    await eventually(
      () => fake.callsTo('sendMessage').filter((c) => c.payload.text === bannedPurchaseText).length === 2,
      5000,
      'the card refusal',
    );

    expect(invoicesTo(ann.id)).toHaveLength(0);
    expect(stripe.callsTo('POST', '/v1/checkout/sessions')).toHaveLength(0);
    expect(stripe.callsTo('POST', '/v1/customers')).toHaveLength(0);
    expect(await repos().payments.recent(ann.id, 10)).toHaveLength(0);
  });

  it('with an invoice sent before the ban: the pre-checkout is refused and nothing is granted', async () => {
    const bo = fanUser(1202, { first_name: 'Bo' });
    await t.post(command(bo, 'start'));
    const before = await balanceOf(t, bo.id);
    await pressAs(bo, buyData.pack({ product: (await creditPack()).id }));
    await eventually(() => invoicesTo(bo.id).length === 1, 5000, 'the invoice');
    await ban(bo.id);

    const { answer } = await payLatestInvoice(t, fake, bo, 'stxBo1');
    expect(answer).toEqual({
      pre_checkout_query_id: expect.any(String),
      ok: false,
      error_message: bannedPurchaseText,
    });
    expect(await balanceOf(t, bo.id)).toBe(before);
  });

  it('content: /content and the unlock buttons say why; an item already owned is still sent again', async () => {
    const item = await addContentItem(t, fake, { title: 'Backstage', credits: 2, stars: 10 });
    const cy = fanUser(1203, { first_name: 'Cy' });
    await t.post(command(cy, 'start'));
    // Owned before the ban (the welcome credits pay for it).
    const page = await browse(t, fake, cy);
    expect(page.length).toBeGreaterThan(1);
    const unlock = buttonsOf(page[0]).find(
      (b) => b.callback_data === contentUnlockData.pack({ credits: item.priceCredits, item: item.id }),
    );
    expect(unlock).toBeDefined();
    await pressAs(cy, unlock!.callback_data);
    await eventually(async () => await repos().content.getUnlock(cy.id, item.id), 5000, 'the unlock');
    const other = await addContentItem(t, fake, { title: 'Outtakes', credits: 1, stars: 5 });

    await ban(cy.id);
    const balance = await balanceOf(t, cy.id);
    await t.post(command(cy, 'content', undefined, { fake }));
    await eventually(() => lastBotText(fake, cy.id) === bannedPurchaseText, 5000, 'the /content refusal');

    for (const data of [
      contentUnlockData.pack({ credits: other.priceCredits, item: other.id }),
      contentFanData.pack({ action: 'stars', item: other.id }),
    ]) {
      const press = await pressAs(cy, data);
      const answer = await eventually(() => answerTo(fake, press), 5000, `the answer to ${data}`);
      expect(answer.payload).toMatchObject({ text: bannedPurchaseText, show_alert: true });
    }
    expect(await repos().content.getUnlock(cy.id, other.id)).toBeFalsy();
    expect(invoicesTo(cy.id)).toHaveLength(0);
    expect(await balanceOf(t, cy.id)).toBe(balance);

    // What they paid for stays theirs.
    const resend = await pressAs(cy, contentFanData.pack({ action: 'resend', item: item.id }));
    const answer = await eventually(() => answerTo(fake, resend), 5000, 'the resend answer');
    expect(String(answer.payload.text)).not.toBe(bannedPurchaseText);
  });
});

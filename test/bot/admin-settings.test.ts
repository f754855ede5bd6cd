import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SETTING_CHANGED } from '../../src/app/admin/settings/index.ts';
import type { CardGateway } from '../../src/app/ports/index.ts';
import { resolveSettings } from '../../src/app/system/settings.ts';
import { receiptText } from '../../src/app/relay/receipt.ts';
import { hubData } from '../../src/bot/callback-data/hub.ts';
import { createBotHarness, type BotHarness, type HarnessCall } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { en, tr } from '../support/i18n.ts';
import { callbackQuery, command, fanUser, privatePhoto, privateText } from '../support/updates.ts';

/**
 * Settings in the control center (/settings): guided changes with bounds, retries and previews, audited;
 * who may; and what each switch does on the fans' side (pause, card payments, auto-recharge, premium
 * content, the response time in receipts).
 */

/** A Stripe that answers every call with a plausible object (only what is offered is asserted here). */
const cards = {
  createCustomer: async () => 'cus_test',
  createCheckout: async (a: { paymentId: number }) => ({
    id: `cs_${a.paymentId}`,
    url: `https://checkout.test/${a.paymentId}`,
    expiresAt: new Date(Date.now() + 3600_000),
  }),
  createPortal: async () => ({ url: 'https://portal.test/x' }),
  createSetupCheckout: async () => ({ id: 'cs_setup', url: 'https://checkout.test/setup' }),
  chargeOffSession: async () => ({ status: 'accepted' }),
  refund: async () => ({ id: 're_1', status: 'succeeded' }),
} as unknown as CardGateway;

let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const manager = fanUser(41_001, { first_name: 'Max' });
const agent = fanUser(41_002, { first_name: 'Ana' });
const fan = fanUser(41_003, { first_name: 'Fay' });

beforeAll(async () => {
  h = await createBotHarness({ deps: { cards } });
  const now = h.stack.clock.now();
  await h.stack.uow.repos.team.set({ userId: manager.id, role: 'manager', addedBy: OWNER_ID }, now);
  await h.stack.uow.repos.team.set({ userId: agent.id, role: 'agent', addedBy: OWNER_ID }, now);
  // Everyone has talked to the bot once (names for the change log; the fan's account and bonus).
  for (const who of [owner, manager, agent, fan]) await h.handle(command(who, '/start'));
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (call: HarnessCall) =>
  ((call.payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat();
const menuCalls = (chatId: number) =>
  h.calls.filter(
    (c) => ['sendMessage', 'editMessageText'].includes(c.method) && c.payload.chat_id === chatId,
  );
const lastMenu = (chatId: number) => menuCalls(chatId).at(-1)!;
const text = (chatId: number) => String(lastMenu(chatId).payload.text);
const settings = async () => resolveSettings(await h.stack.uow.repos.settings.all());

/** The menu message the member presses on (the last one sent to them). */
let menu: Message;

async function open(who = manager): Promise<void> {
  await h.handle(command(who, '/settings'));
  menu = h.lastMessage(who.id);
}

/** Presses the button labelled `label` on the member's last screen; the answer comes first. */
async function press(label: string, who = manager): Promise<void> {
  const b = buttonsOf(lastMenu(who.id)).find((x) => x.text === label);
  if (!b?.callback_data)
    throw new Error(
      `no button “${label}” in: ${buttonsOf(lastMenu(who.id))
        .map((x) => x.text)
        .join(', ')}`,
    );
  const before = h.calls.length;
  await h.handle(callbackQuery(who, b.callback_data, menu));
  expect(h.calls[before]?.method).toBe('answerCallbackQuery');
}

async function type(value: string, who = manager): Promise<void> {
  await h.handle(privateText(who, value));
  const last = h.lastMessage(who.id);
  if (buttonsOf(lastMenu(who.id)).length > 0) menu = last;
}

async function audits() {
  return h.stack.uow.repos.admin.recentAudits([SETTING_CHANGED], 50);
}

describe('/settings: the main screen', () => {
  it('lists the current values and a button per group, the pause switch and recent changes', async () => {
    await open();
    expect(text(manager.id)).toContain(en('admin-settings-title'));
    expect(text(manager.id)).toContain(en('admin-settings-line-open'));
    const labels = buttonsOf(lastMenu(manager.id)).map((b) => b.text);
    for (const key of [
      'admin-settings-pause-button',
      'admin-settings-group-texts',
      'admin-settings-group-prices',
      'admin-settings-group-money',
      'admin-settings-group-messages',
      'admin-settings-group-language',
      'admin-settings-group-tiers',
      'admin-settings-group-switches',
      'admin-settings-recent-button',
    ])
      expect(labels).toContain(en(key));
    for (const b of buttonsOf(lastMenu(manager.id)))
      expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
  });

  it('an agent is not allowed; a fan gets the unknown-command answer', async () => {
    await h.handle(command(agent, '/settings'));
    expect(h.lastText(agent.id)).toBe(en('admin-hub-not-allowed'));
    await h.handle(command(fan, '/settings'));
    expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: '/settings' }));
  });

  it('a forged press by an agent changes nothing; a button of an older menu is stale', async () => {
    await open(agent);
    const agentMenu = h.lastMessage(agent.id);
    const nonce = (await h.stack.uow.repos.adminMenus.current(agent.id))!;
    await h.handle(
      callbackQuery(agent, hubData.pack({ nonce, cat: 'settings', act: 'pause', arg: '1' }), agentMenu),
    );
    expect(text(agent.id)).toContain(en('admin-hub-not-allowed'));
    expect((await settings()).line_paused).toBe(false);

    await open();
    const old = menu;
    const data = buttonsOf(lastMenu(manager.id)).find((b) => b.text === en('admin-settings-pause-button'))!;
    await open(); // a newer menu: the first one's buttons go stale
    await h.handle(callbackQuery(manager, data.callback_data!, old));
    expect(text(manager.id)).toBe(en('admin-hub-stale'));
    expect((await settings()).line_paused).toBe(false);
  });

  it('tampered buttons (an unknown field, a value outside the choices) change nothing', async () => {
    await open();
    const nonce = (await h.stack.uow.repos.adminMenus.current(manager.id))!;
    for (const [act, arg] of [
      ['set', 'receipt_mode-sometimes'],
      ['set', 'line_paused-2'],
      ['f', 'no_such_field'],
      ['t', 'terms_text-xx'],
      ['nc', 'low_credit_threshold'],
    ] as const) {
      await h.handle(callbackQuery(manager, hubData.pack({ nonce, cat: 'settings', act, arg }), menu));
      expect(text(manager.id)).toBe(en('admin-hub-invalid'));
    }
    const now = await settings();
    expect([now.receipt_mode, now.line_paused, now.low_credit_threshold]).toEqual(['every', false, 5]);
  });
});

describe('a typed value', () => {
  it('shows its bounds, retries bad input with the reason, saves a good one and audits it', async () => {
    await open();
    await press(en('admin-settings-group-money'));
    await press(en('admin-settings-label-low'));
    expect(text(manager.id)).toContain(en('admin-settings-ask-int', { min: 0, max: 1_000_000 }));

    await type('five');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-number'));
    await type('2000000');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-max', { max: 1_000_000 }));
    expect((await settings()).low_credit_threshold).toBe(5);

    await type('8');
    expect((await settings()).low_credit_threshold).toBe(8);
    expect(text(manager.id)).toContain(
      en('admin-settings-saved', {
        label: en('admin-settings-label-low'),
        old: en('admin-settings-credits', { count: 5 }),
        new: en('admin-settings-credits', { count: 8 }),
      }),
    );
    const [row] = await audits();
    expect(row).toMatchObject({
      actorId: manager.id,
      action: SETTING_CHANGED,
      details: { key: 'low_credit_threshold', old: 5, new: 8 },
    });
    // Answered: the next message is not taken as another value.
    expect(await h.stack.uow.repos.flows.get(manager.id, 'hub')).toBeNull();
  });

  it('a time zone is checked (IANA), a currency code too', async () => {
    await open();
    await press(en('admin-settings-group-language'));
    await press(en('admin-settings-label-timezone'));
    await type('Mars/Olympus');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-timezone'));
    await type('Europe/Madrid');
    expect((await settings()).timezone).toBe('Europe/Madrid');

    // Money settings are the owners' (settings.money).
    await open(owner);
    await press(en('admin-settings-group-money'), owner);
    await press(en('admin-settings-label-currency'), owner);
    await type('euro', owner);
    expect(h.lastText(owner.id)).toContain(en('admin-settings-error-currency'));
    await type('EUR', owner);
    expect((await settings()).store_currency).toBe('eur');
    await h.stack.uow.repos.settings.set('store_currency', 'usd', null);
  });

  it('an amount in the store currency takes decimals; the same value again says nothing changed', async () => {
    await open(owner);
    await press(en('admin-settings-group-money'), owner);
    await press(en('admin-settings-label-cap'), owner);
    expect(text(owner.id)).toContain(
      en('admin-settings-ask-amount', { currency: 'USD', min: 0, max: 100_000 }),
    );
    await type('lots', owner);
    expect(h.lastText(owner.id)).toContain(en('admin-settings-error-amount'));
    await type('49,99', owner);
    expect((await settings()).auto_recharge_monthly_cap).toBe(49.99);
    await press(en('admin-settings-label-cap'), owner);
    await type('49.99', owner);
    expect(text(owner.id)).toContain(
      en('admin-settings-unchanged', { label: en('admin-settings-label-cap'), value: '49.99 USD' }),
    );
    const before = (await audits()).length;
    await press(en('admin-settings-label-cap'), owner);
    await type('100', owner);
    expect(await audits()).toHaveLength(before + 1);
  });

  it('a message type gets a price or cannot be sent', async () => {
    await open();
    await press(en('admin-settings-group-prices'));
    const photo = en('admin-settings-label-cost', { type: en('relay-type-photo') });
    await press(photo);
    await type('-1');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-min', { min: 0 }));
    await type('4');
    expect((await settings()).message_costs.photo).toBe(4);
    await press(photo);
    await press(en('admin-settings-cost-refuse-button'));
    expect((await settings()).message_costs.photo).toBeNull();
    expect(text(manager.id)).toContain(en('admin-settings-cannot-send'));
    await press(photo);
    await type('3');
    expect((await settings()).message_costs.photo).toBe(3);
  });

  it('tier thresholds: VIP must stay above Regular', async () => {
    await open();
    await press(en('admin-settings-group-tiers'));
    await press(en('admin-settings-label-tier-vip'));
    await type('50');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-tiers', { regular: 100, vip: 50 }));
    await type('500');
    expect((await settings()).tier_thresholds).toEqual({ regular: 100, vip: 500 });
  });

  it('tier discounts: 0 to 90 percent, refused outside; /balance shows the perk to that tier', async () => {
    await open();
    await press(en('admin-settings-group-tiers'));
    const vip = en('admin-settings-label-discount', { tier: en('tier-name', { tier: 'vip' }) });
    await press(vip);
    await type('95');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-max', { max: 90 }));
    await type('12.5');
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-number'));
    await type('20');
    expect((await settings()).tier_discounts).toEqual({ new: 0, regular: 0, vip: 20 });
    expect(text(manager.id)).toContain(en('admin-settings-percent', { value: 20 }));

    await h.stack.uow.repos.userDirectory.setTier(fan.id, 'vip', true);
    await h.handle(command(fan, '/balance'));
    const prices = [`${en('relay-type-text')} 1`, `${en('relay-type-voice')} 4`];
    const line = h
      .lastText(fan.id)!
      .split('\n')
      .find((l) => l.startsWith('🎁'));
    expect(line).toContain(en('tier-name', { tier: 'vip' }));
    expect(line).toContain('20%');
    for (const p of prices) expect(line).toContain(p);
    await h.stack.uow.repos.userDirectory.setTier(fan.id, 'new', false);
    await h.handle(command(fan, '/balance'));
    expect(h.lastText(fan.id)).not.toContain('🎁');
  });

  it('a choice is a button; edit mirroring turns off and on', async () => {
    await open();
    await press(en('admin-settings-group-messages'));
    await press(en('admin-settings-label-receipts'));
    await press(en('admin-settings-receipts-low'));
    expect((await settings()).receipt_mode).toBe('low');
    await press(en('admin-settings-label-edits'));
    await press(en('admin-settings-edits-off-button'));
    expect((await settings()).edit_mirror_limit).toBe(0);
    await press(en('admin-settings-label-edits'));
    await press(en('admin-settings-edits-on-button', { limit: 3 }));
    expect((await settings()).edit_mirror_limit).toBe(3);
    await press(en('admin-settings-label-receipts'));
    await press(en('admin-settings-receipts-every'));
  });
});

describe('a text fans read, per language', () => {
  it('a stored text at its longest, with paragraphs and & < >, still opens its screen whole', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `Rule ${i} & <terms> apply.`.padEnd(49, '.')).join(
      '\n',
    );
    expect(long.length).toBeLessThanOrEqual(4000);
    const before = (await settings()).terms_text;
    await h.stack.services.settingsAdmin.set(manager.id, 'terms_text', { es: long });
    try {
      await open();
      await press(en('admin-settings-group-texts'));
      await press(en('admin-settings-label-terms'));
      await press(en('admin-settings-text-lang-own', { language: tr('es', 'language-name') }));
      const screen = text(manager.id);
      expect(screen.length).toBeLessThanOrEqual(4096);
      expect(screen.match(/<blockquote>/g)).toHaveLength(1);
      expect(screen).toContain('</blockquote>');
      expect(screen).toContain('Rule 0 &amp; &lt;terms&gt; apply.');
    } finally {
      await h.stack.services.settingsAdmin.set(manager.id, 'terms_text', before);
    }
  });

  it('pick the language, type, preview exactly as fans see it, edit again, save; /terms shows it', async () => {
    await open();
    await press(en('admin-settings-group-texts'));
    await press(en('admin-settings-label-terms'));
    await press(en('admin-settings-text-lang-builtin', { language: tr('es', 'language-name') }));
    expect(text(manager.id)).toContain(tr('es', 'legal-terms-default'));

    await privatePhotoIsRefused();
    await type('Primera versión');
    expect(text(manager.id)).toContain(tr('es', 'legal-terms', { text: { html: 'Primera versión' } }));
    await press(en('admin-settings-preview-edit'));
    await type('Sin reembolsos <de> créditos.');
    const preview = text(manager.id);
    expect(preview).toContain(en('admin-settings-preview', { language: tr('es', 'language-name') }));
    expect(preview).toContain(
      tr('es', 'legal-terms', { text: { html: 'Sin reembolsos &lt;de&gt; créditos.' } }),
    );
    expect((await settings()).terms_text).toEqual({});

    await press(en('admin-settings-preview-save'));
    expect((await settings()).terms_text).toEqual({ es: 'Sin reembolsos <de> créditos.' });
    const [row] = await audits();
    expect(row!.details).toEqual({
      key: 'terms_text',
      old: {},
      new: { es: 'Sin reembolsos <de> créditos.' },
    });

    const spanish = fanUser(41_010, { language_code: 'es' });
    await h.handle(command(spanish, '/terms'));
    expect(h.lastText(spanish.id)).toBe(
      tr('es', 'legal-terms', { text: { html: 'Sin reembolsos &lt;de&gt; créditos.' } }),
    );

    // Clear: back to the built-in text.
    await press(en('admin-settings-text-lang-own', { language: tr('es', 'language-name') }));
    await press(en('admin-settings-text-clear-button'));
    expect((await settings()).terms_text).toEqual({});
    expect(text(manager.id)).toContain(
      en('admin-settings-text-cleared', {
        label: en('admin-settings-label-terms'),
        language: tr('es', 'language-name'),
      }),
    );
  });

  it('too long is retried with the limit; Cancel on a preview saves nothing', async () => {
    await open();
    await press(en('admin-settings-group-texts'));
    await press(en('admin-settings-label-response-time'));
    await press(en('admin-settings-text-lang-builtin', { language: tr('en', 'language-name') }));
    await type('x'.repeat(121));
    expect(h.lastText(manager.id)).toContain(en('admin-settings-error-too-long', { length: 121, max: 120 }));
    await type('I usually answer within a few hours');
    await press(en('admin-settings-preview-cancel'));
    expect((await settings()).response_time_text).toEqual({});
    expect(await h.stack.uow.repos.flows.get(manager.id, 'hub')).toBeNull();
  });

  it('Save on a preview whose draft was replaced (Edit again) saves nothing and says so', async () => {
    await open();
    await press(en('admin-settings-group-texts'));
    await press(en('admin-settings-label-welcome'));
    await press(en('admin-settings-text-lang-builtin', { language: tr('en', 'language-name') }));
    await type('Hello!');
    const preview = menu;
    const save = buttonsOf(lastMenu(manager.id)).find((b) => b.text === en('admin-settings-preview-save'))!;
    await press(en('admin-settings-preview-edit'));
    await h.handle(callbackQuery(manager, save.callback_data!, preview));
    expect(text(manager.id)).toContain(en('admin-settings-draft-gone'));
    expect((await settings()).welcome_text).toEqual({});
  });
});

async function privatePhotoIsRefused() {
  await h.handle(privatePhoto(manager));
  expect(h.lastText(manager.id)).toContain(en('admin-settings-error-text'));
}

describe('recent changes', () => {
  it('shows the last changes with who, when, the setting and old → new (only the part that changed)', async () => {
    const low = (await settings()).low_credit_threshold;
    await h.stack.services.settingsAdmin.set(manager.id, 'low_credit_threshold', low + 1);
    const costs = (await settings()).message_costs;
    await h.stack.services.settingsAdmin.set(manager.id, 'message_costs', { ...costs, voice: 7 });
    await open();
    await press(en('admin-settings-recent-button'));
    const screen = text(manager.id);
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^🕓/);
    expect(lines[2]).toContain(
      `Max · ${en('admin-settings-label-costs')}: ${en('relay-type-voice')} ${en('admin-settings-credits', { count: 5 })} → ${en('relay-type-voice')} ${en('admin-settings-credits', { count: 7 })}`,
    );
    expect(lines[3]).toContain(
      `Max · ${en('admin-settings-label-low')}: ${en('admin-settings-credits', { count: low })} → ${en('admin-settings-credits', { count: low + 1 })}`,
    );
    expect(lines.length).toBeLessThanOrEqual(12);
    await h.stack.services.settingsAdmin.set(manager.id, 'low_credit_threshold', low);
    await h.stack.services.settingsAdmin.set(manager.id, 'message_costs', costs);
  });
});

describe('pause the line', () => {
  it('a paying fan’s message while paused is not relayed nor charged, gets the notice, and goes after', async () => {
    await open();
    await press(en('admin-settings-pause-button'));
    expect((await settings()).line_paused).toBe(true);
    expect(text(manager.id)).toContain(en('admin-settings-line-paused'));
    const [row] = await audits();
    expect(row!.details).toEqual({ key: 'line_paused', old: false, new: true });

    const before = (await h.stack.user(fan.id))!.creditBalance;
    const rows = (await h.stack.outboxRows()).length;
    await h.handle(privateText(fan, 'are you there?'));
    expect(h.lastText(fan.id)).toBe(en('relay-paused'));
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(before);
    expect(await h.stack.outboxRows()).toHaveLength(rows);

    await press(en('admin-settings-resume-button'));
    expect((await settings()).line_paused).toBe(false);
    await h.handle(privateText(fan, 'hello again'));
    expect((await h.stack.user(fan.id))!.creditBalance).toBe(before - 1);
    expect((await h.stack.outboxRows()).some((r) => r.payload.kind === 'relay.in')).toBe(true);
  });
});

describe('the response time in receipts', () => {
  it('appears in the fan’s receipt in their language once saved', async () => {
    await open();
    await press(en('admin-settings-group-texts'));
    await press(en('admin-settings-label-response-time'));
    await press(en('admin-settings-text-lang-builtin', { language: tr('en', 'language-name') }));
    await type('I usually answer within a few hours');
    expect(text(manager.id)).toContain('🕒 I usually answer within a few hours');
    await press(en('admin-settings-preview-save'));

    await h.handle(privateText(fan, 'when do you answer?'));
    const receipts = (await h.stack.outboxRows()).filter(
      (r) => r.payload.kind === 'notice' && r.payload.receipt !== undefined,
    );
    const last = receipts.at(-1)!.payload;
    if (last.kind !== 'notice' || !last.receipt) throw new Error('not a receipt');
    // Worded at send time from the receipt's facts, as the sender words it.
    const worded = receiptText(last.receipt);
    expect(en(worded.key, worded.args)).toContain('🕒 I usually answer within a few hours');
  });
});

describe('money settings are the owners’', () => {
  it('a manager sees them but gets no button, and a forged change is refused', async () => {
    await open();
    await press(en('admin-settings-group-money'));
    expect(text(manager.id)).toContain(en('admin-settings-owner-only'));
    const labels = buttonsOf(lastMenu(manager.id)).map((b) => b.text);
    expect(labels).toContain(en('admin-settings-label-low'));
    for (const money of [
      'admin-settings-label-bonus',
      'admin-settings-label-currency',
      'admin-settings-label-cap',
    ])
      expect(labels).not.toContain(en(money));
    for (const [key, value] of [
      ['new_fan_bonus', 100_000],
      ['auto_recharge_monthly_cap', 100_000],
      ['store_currency', 'eur'],
      ['card_payments_enabled', false],
      ['auto_recharge_enabled', false],
    ] as const)
      expect(await h.stack.services.settingsAdmin.set(manager.id, key, value)).toEqual({
        ok: false,
        code: 'not_allowed',
      });
    expect((await settings()).new_fan_bonus).toBe(3);
  });
});

describe('switches', () => {
  it('card payments off hides the card rail in /buy, /billing and /autorecharge', async () => {
    const cardButton = () => h.keyboard(fan.id).some((b) => b.text.startsWith('💳'));
    await h.handle(command(fan, '/buy'));
    expect(cardButton()).toBe(true);

    await open(owner);
    await press(en('admin-settings-group-switches'), owner);
    expect(text(owner.id)).toContain(en('admin-settings-stars-always'));
    await press(en('admin-settings-switch-off-button', { label: en('admin-settings-label-card') }), owner);
    expect((await settings()).card_payments_enabled).toBe(false);

    await h.handle(command(fan, '/buy'));
    expect(cardButton()).toBe(false);
    await h.handle(command(fan, '/billing'));
    expect(h.lastText(fan.id)).toBe(en('billing-portal-unavailable'));
    await h.handle(command(fan, '/autorecharge'));
    expect(h.lastText(fan.id)).toBe(en('billing-auto-unavailable'));

    await press(en('admin-settings-switch-on-button', { label: en('admin-settings-label-card') }), owner);
    expect((await settings()).card_payments_enabled).toBe(true);
    await h.handle(command(fan, '/buy'));
    expect(cardButton()).toBe(true);
  });

  it('auto-recharge off: /autorecharge says so and a run charges nothing', async () => {
    await open(owner);
    await press(en('admin-settings-group-switches'), owner);
    await press(en('admin-settings-switch-off-button', { label: en('admin-settings-label-auto') }), owner);
    await h.handle(command(fan, '/autorecharge'));
    expect(h.lastText(fan.id)).toBe(en('billing-auto-off-here'));
    expect(await h.stack.services.autoRecharge.run({ userId: fan.id, triggerKey: 'test:1' })).toBe(
      'unavailable',
    );
    await press(en('admin-settings-switch-on-button', { label: en('admin-settings-label-auto') }), owner);
    await h.handle(command(fan, '/autorecharge'));
    expect(h.lastText(fan.id)).not.toBe(en('billing-auto-off-here'));
  });

  it('premium content off: the fan’s /content says it is unavailable', async () => {
    await open();
    await press(en('admin-settings-group-switches'));
    await press(en('admin-settings-switch-off-button', { label: en('admin-settings-label-premium') }));
    await h.handle(command(fan, '/content'));
    expect(h.lastText(fan.id)).toBe(en('content-off'));
    await press(en('admin-settings-switch-on-button', { label: en('admin-settings-label-premium') }));
    await h.handle(command(fan, '/content'));
    expect(h.lastText(fan.id)).toBe(en('content-empty'));
  });
});

describe('without Stripe', () => {
  it('the switches screen says Stripe is not configured and offers no card switch', async () => {
    const bare = await createBotHarness();
    try {
      await bare.handle(command(owner, '/settings'));
      const first = bare.lastMessage(owner.id);
      const b = bare.keyboard(owner.id).find((x) => x.text === en('admin-settings-group-switches'))!;
      await bare.handle(callbackQuery(owner, b.callback_data!, first));
      const screen = bare.calls.filter((c) => c.method === 'editMessageText').at(-1)!;
      expect(screen.payload.text).toContain(en('admin-settings-stripe-off'));
      const labels = buttonsOf(screen).map((x) => x.text);
      expect(labels).not.toContain(
        en('admin-settings-switch-off-button', { label: en('admin-settings-label-card') }),
      );
      const res = await bare.stack.services.settingsAdmin.set(OWNER_ID, 'card_payments_enabled', true);
      expect(res).toEqual({ ok: false, code: 'stripe_off' });
    } finally {
      await bare.dispose();
    }
  });
});

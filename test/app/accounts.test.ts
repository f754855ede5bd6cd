import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_REFRESH_MS } from '../../src/app/accounts/accounts.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

let nextUpdate = 800_000_000;
const begin = (id: number, extra: { firstName?: string; languageCode?: string } = {}) =>
  s.services.updates.begin(++nextUpdate, { id, firstName: extra.firstName ?? `Fan ${id}`, ...extra });

describe('accounts: first contact and profile', () => {
  it('the first update creates the fan with the new-fan bonus as their first ledger entry', async () => {
    const res = await begin(1001);
    expect(res).toMatchObject({ duplicate: false, created: true });
    const user = (await s.user(1001))!;
    const { new_fan_bonus } = await s.services.getSettings();
    expect(user.creditBalance).toBe(new_fan_bonus);
    const page = await s.services.history.page(1001, 0);
    expect(JSON.stringify(page)).toContain('bonus');
  });

  it('a later update is not a first contact and gives no second bonus', async () => {
    await begin(1002);
    const res = await begin(1002, { firstName: 'Renamed' });
    expect(res).toMatchObject({ duplicate: false, created: false });
    const { new_fan_bonus } = await s.services.getSettings();
    expect((await s.user(1002))!.creditBalance).toBe(new_fan_bonus);
    expect((await s.user(1002))!.firstName).toBe('Renamed');
  });

  it('an update whose handling committed is a duplicate when it comes again', async () => {
    const updateId = ++nextUpdate;
    await s.services.updates.begin(updateId, { id: 1003, firstName: 'A' });
    expect(await s.services.updates.claim(updateId)).toBe(true);
    expect(await s.services.updates.begin(updateId, { id: 1003, firstName: 'A' })).toEqual({
      duplicate: true,
    });
    expect(await s.services.updates.claim(updateId)).toBe(false);
  });

  it('an update without a human sender (a channel post) has no account', async () => {
    expect(await s.services.updates.begin(++nextUpdate, null)).toEqual({
      duplicate: false,
      user: null,
      created: false,
    });
  });

  it('a fan who blocked the bot and writes again is unblocked (private messages only)', async () => {
    await begin(1004);
    expect(await s.services.setFanBlocked({ userId: 1004, blocked: true, date: 1_700_000_000 })).toEqual({
      changed: true,
    });
    await s.services.updates.begin(++nextUpdate, { id: 1004, firstName: 'F' });
    expect((await s.user(1004))!.blockedBot).toBe(true);
    await s.services.updates.begin(++nextUpdate, { id: 1004, firstName: 'F' }, { privateMessage: true });
    expect((await s.user(1004))!.blockedBot).toBe(false);
  });
});

describe('accounts: the profile refresh', () => {
  it('an unchanged profile seen within PROFILE_REFRESH_MS writes nothing; later it refreshes last seen', async () => {
    await begin(1301);
    const first = (await s.user(1301))!.lastSeenAt;
    s.clock.advance(PROFILE_REFRESH_MS - 1000);
    const res = await begin(1301);
    expect(res).toMatchObject({
      duplicate: false,
      created: false,
      user: { id: 1301, firstName: 'Fan 1301' },
    });
    expect((await s.user(1301))!.lastSeenAt).toEqual(first);
    s.clock.advance(2000);
    await begin(1301);
    expect((await s.user(1301))!.lastSeenAt).toEqual(s.clock.now());
  });

  it('a changed name or language is stored at once, however recent the last refresh', async () => {
    await begin(1302, { languageCode: 'en' });
    const res = await begin(1302, { firstName: 'New', languageCode: 'es' });
    expect(res).toMatchObject({ duplicate: false, user: { firstName: 'New', languageCode: 'es' } });
    expect((await s.user(1302))!).toMatchObject({ firstName: 'New', languageCode: 'es' });
    // No language code in an update keeps the stored one (and is no change).
    expect(await begin(1302, { firstName: 'New' })).toMatchObject({ user: { languageCode: 'es' } });
  });

  it('a redelivery of a processed update is a duplicate on the one-read path too', async () => {
    await begin(1303);
    const updateId = ++nextUpdate;
    expect(await s.services.updates.begin(updateId, { id: 1303, firstName: 'Fan 1303' })).toMatchObject({
      duplicate: false,
    });
    expect(await s.services.updates.claim(updateId)).toBe(true);
    expect(await s.services.updates.begin(updateId, { id: 1303, firstName: 'Fan 1303' })).toEqual({
      duplicate: true,
    });
  });
});

describe('accounts: the balance view', () => {
  it('is null for someone the bot has never seen', async () => {
    expect(await s.services.getBalance(1999)).toBeNull();
  });

  it('a new fan is low on credits; the bonus counts as their last top-up (the bar’s 100 %)', async () => {
    await begin(1101);
    const { new_fan_bonus, low_credit_threshold } = await s.services.getSettings();
    expect(await s.services.getBalance(1101)).toEqual({
      balance: new_fan_bonus,
      lastTopUp: new_fan_bonus,
      timePassUntil: null,
      passRemainingMs: 0,
      lowThreshold: low_credit_threshold,
      low: new_fan_bonus < low_credit_threshold,
      tier: 'new',
      // Nothing spent, nothing bought: nothing to save on.
      tip: null,
      discount: 0,
      prices: [],
    });
  });

  it('a fan with plenty of credits is not low', async () => {
    await begin(1102);
    await s.grant(1102, 100);
    const view = (await s.services.getBalance(1102))!;
    expect(view.balance).toBeGreaterThanOrEqual(100);
    expect(view.low).toBe(false);
  });

  it('an active pass shows how long is left, measured on the clock', async () => {
    await begin(1103);
    const until = new Date(s.clock.now().getTime() + 90 * 60_000);
    await s.setPass(1103, until);
    expect((await s.services.getBalance(1103))!).toMatchObject({
      timePassUntil: until,
      passRemainingMs: 90 * 60_000,
    });
    s.clock.advance(30 * 60_000);
    expect((await s.services.getBalance(1103))!.passRemainingMs).toBe(60 * 60_000);
    s.clock.advance(61 * 60_000);
    expect((await s.services.getBalance(1103))!.passRemainingMs).toBe(0);
  });
});

describe('accounts: language', () => {
  it('the first contact stores the language negotiated from language_code', async () => {
    await begin(1201, { languageCode: 'pt-br' });
    await begin(1202, { languageCode: 'ru' });
    await begin(1203, { languageCode: 'de' });
    expect((await s.user(1201))!.locale).toBe('pt-BR');
    expect((await s.user(1202))!.locale).toBe('ru');
    expect((await s.user(1203))!.locale).toBe('en');
  });

  it('setLanguage stores a choice that later updates keep, whatever Telegram says', async () => {
    await begin(1204, { languageCode: 'en' });
    await s.services.setLanguage(1204, 'es');
    await begin(1204, { languageCode: 'en' });
    expect((await s.user(1204))!.locale).toBe('es');
    expect(await s.services.localesOf([1204, 1201])).toEqual(
      expect.arrayContaining([
        { id: 1204, locale: 'es' },
        { id: 1201, locale: 'pt-BR' },
      ]),
    );
  });
});

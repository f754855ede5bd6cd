import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTING_CHANGED } from '../../src/app/admin/settings/index.ts';
import { resolveSettings, type Settings } from '../../src/app/system/settings.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/** The Settings use case: validation by the setting's schema, the audit row, the permission, the log. */
describe('settingsAdmin', () => {
  let s: ServiceStack;
  const manager = 51_001;
  const agent = 51_002;
  beforeAll(async () => {
    s = await createServiceStack();
    const now = s.clock.now();
    await s.uow.repos.team.set({ userId: manager, role: 'manager', addedBy: OWNER_ID }, now);
    await s.uow.repos.team.set({ userId: agent, role: 'agent', addedBy: OWNER_ID }, now);
  });
  afterAll(() => s.dispose());

  const audits = () => s.uow.repos.admin.recentAudits([SETTING_CHANGED], 100);
  const current = async () => resolveSettings(await s.uow.repos.settings.all());

  it('a valid value is written, seen at once and audited with who, old and new', async () => {
    const res = await s.services.settingsAdmin.set(manager, 'topic_creations_per_minute', 5);
    expect(res).toEqual({ ok: true, key: 'topic_creations_per_minute', old: 3, value: 5, changed: true });
    expect((await current()).topic_creations_per_minute).toBe(5);
    const [row] = await audits();
    expect(row).toMatchObject({
      actorId: manager,
      userId: null,
      action: SETTING_CHANGED,
      details: { key: 'topic_creations_per_minute', old: 3, new: 5 },
    });
    expect(row!.createdAt).toBeInstanceOf(Date);
  });

  it('the same value again changes nothing and writes no audit row', async () => {
    const before = (await audits()).length;
    const res = await s.services.settingsAdmin.set(manager, 'topic_creations_per_minute', 5);
    expect(res).toMatchObject({ ok: true, changed: false });
    expect(await audits()).toHaveLength(before);
  });

  it('a refused value says why, as data, and changes nothing', async () => {
    const before = (await audits()).length;
    expect(await s.services.settingsAdmin.set(manager, 'topic_creations_per_minute', 21)).toEqual({
      ok: false,
      code: 'invalid',
      key: 'topic_creations_per_minute',
      issue: { code: 'too_big', max: 20, text: false },
    });
    expect(await s.services.settingsAdmin.set(OWNER_ID, 'new_fan_bonus', -1)).toMatchObject({
      issue: { code: 'too_small', min: 0, text: false },
    });
    expect(
      await s.services.settingsAdmin.set(manager, 'welcome_text', { en: 'x'.repeat(3001) }),
    ).toMatchObject({ issue: { code: 'too_big', max: 3000, text: true } });
    expect(await s.services.settingsAdmin.set(manager, 'timezone', 'Nowhere/Land')).toMatchObject({
      issue: { code: 'invalid' },
    });
    expect(
      await s.services.settingsAdmin.set(manager, 'tier_thresholds', { regular: 500, vip: 500 }),
    ).toMatchObject({ issue: { code: 'invalid' } });
    expect(await audits()).toHaveLength(before);
    expect((await current()).topic_creations_per_minute).toBe(5);
  });

  it('an agent (and a stranger) may not read or change settings', async () => {
    for (const who of [agent, 999_999]) {
      expect(await s.services.settingsAdmin.view(who)).toEqual({ ok: false, code: 'not_allowed' });
      expect(await s.services.settingsAdmin.set(who, 'line_paused', true)).toEqual({
        ok: false,
        code: 'not_allowed',
      });
      expect(await s.services.settingsAdmin.recent(who)).toBeNull();
    }
    expect((await current()).line_paused).toBe(false);
  });

  it('two members changing two message prices at the same moment both keep their change', async () => {
    const before = resolveSettings(await s.uow.repos.settings.all()).message_costs;
    const results = await Promise.all([
      s.services.settingsAdmin.set(manager, 'message_costs', (c: Settings) => ({
        ...c.message_costs,
        photo: 9,
      })),
      s.services.settingsAdmin.set(OWNER_ID, 'message_costs', (c: Settings) => ({
        ...c.message_costs,
        voice: 8,
      })),
    ]);
    expect(results.every((r) => r.ok && r.changed)).toBe(true);
    const after = resolveSettings(await s.uow.repos.settings.all()).message_costs;
    expect(after).toEqual({ ...before, photo: 9, voice: 8 });
    await s.services.settingsAdmin.set(OWNER_ID, 'message_costs', before);
  });

  it('card payments cannot be switched on without Stripe', async () => {
    await s.uow.repos.settings.set('card_payments_enabled', false, null);
    expect(await s.services.settingsAdmin.set(OWNER_ID, 'card_payments_enabled', true)).toEqual({
      ok: false,
      code: 'stripe_off',
    });
    expect(await s.services.settingsAdmin.set(OWNER_ID, 'card_payments_enabled', false)).toMatchObject({
      ok: true,
    });
  });

  it('recent: the last changes, newest first, at most the limit', async () => {
    for (let n = 1; n <= 12; n++) await s.services.settingsAdmin.set(OWNER_ID, 'new_fan_bonus', n);
    const log = (await s.services.settingsAdmin.recent(manager, 10))!;
    expect(log).toHaveLength(10);
    expect(log[0]).toMatchObject({ actorId: OWNER_ID, key: 'new_fan_bonus', old: 11, value: 12 });
    expect(log[9]).toMatchObject({ old: 2, value: 3 });
  });

  it('premium content off: nothing new is unlocked or invoiced; what a fan owns is still sent again', async () => {
    const fanId = 51_010;
    await s.ensureFan(fanId);
    await s.grant(fanId, 10);
    const doc = { type: 'document' as const, fileId: 'f1', fileUniqueId: 'u1' };
    const owned = await s.uow.repos.content.create({
      title: 'Owned',
      priceCredits: 1,
      priceStars: 5,
      media: [doc],
      createdBy: OWNER_ID,
    });
    const other = await s.uow.repos.content.create({
      title: 'Other',
      priceCredits: 1,
      priceStars: 5,
      media: [{ ...doc, fileId: 'f2', fileUniqueId: 'u2' }],
      createdBy: OWNER_ID,
    });
    const unlock = (itemId: number) =>
      s.services.content.unlockWithCredits({ userId: fanId, itemId, expectedCredits: 1 });
    expect(await unlock(owned.id)).toMatchObject({ ok: true, status: 'unlocked' });

    // An invoice sent before the switch: its payment is refused at pre-checkout once it is off.
    const invoice = await s.services.content.startInvoice({ userId: fanId, itemId: other.id });
    if (!invoice.ok) throw new Error('no invoice');
    const preCheckout = () =>
      s.services.purchases.preCheckout({
        userId: fanId,
        payload: invoice.invoice.payload,
        currency: 'XTR',
        totalAmount: 5,
      });
    expect(await preCheckout()).toEqual({ ok: true });

    await s.services.settingsAdmin.set(OWNER_ID, 'premium_content_enabled', false);
    expect(await preCheckout()).toMatchObject({ ok: false, message: { key: 'content-precheckout-gone' } });
    expect(await unlock(other.id)).toEqual({ ok: false, code: 'unknown_item' });
    expect(await s.services.content.startInvoice({ userId: fanId, itemId: other.id })).toEqual({
      ok: false,
      code: 'unknown_item',
    });
    expect(await unlock(owned.id)).toMatchObject({ ok: true, status: 'resent' });
    const keyboards = { pages: () => [], preview: () => [] } as never;
    expect(await s.services.content.browse({ userId: fanId, page: 1, key: 'k', keyboards })).toEqual({
      ok: false,
      code: 'off',
    });

    await s.services.settingsAdmin.set(OWNER_ID, 'premium_content_enabled', true);
    expect(await unlock(other.id)).toMatchObject({ ok: true, status: 'unlocked' });
  });
});

import { describe, expect, it } from 'vitest';
import { createSettingsCache } from './settings-cache.ts';

describe('the settings cache', () => {
  const setup = (ttlMs = 5_000) => {
    let now = 0;
    let stored: Record<string, unknown> = { receipt_mode: 'every' };
    let loads = 0;
    const cache = createSettingsCache({ ttlMs, now: () => now });
    const load = async () => {
      loads++;
      return { ...stored };
    };
    return {
      cache,
      read: () => cache.get(load),
      store: (v: Record<string, unknown>) => (stored = v),
      advance: (ms: number) => (now += ms),
      loads: () => loads,
    };
  };

  it('reads the database once while fresh, then again after the expiry', async () => {
    const s = setup();
    for (let i = 0; i < 100; i++) await s.read();
    expect(s.loads()).toBe(1);
    s.store({ receipt_mode: 'off' });
    s.advance(4_999);
    expect(await s.read()).toEqual({ receipt_mode: 'every' });
    s.advance(1);
    expect(await s.read()).toEqual({ receipt_mode: 'off' });
    expect(s.loads()).toBe(2);
  });

  it('a change heard drops the copy at once', async () => {
    const s = setup();
    await s.read();
    s.store({ receipt_mode: 'low' });
    s.cache.invalidate();
    expect(await s.read()).toEqual({ receipt_mode: 'low' });
  });

  it('keeps no value read before a change that arrived while it was being read', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const cache = createSettingsCache({ now: () => 0 });
    const slow = cache.get(async () => {
      await gate;
      return { v: 'old' };
    });
    cache.invalidate();
    release();
    expect(await slow).toEqual({ v: 'old' });
    expect(await cache.get(async () => ({ v: 'new' }))).toEqual({ v: 'new' });
  });

  it('hands out values nobody can change in place', async () => {
    const s = setup();
    const v = await s.read();
    expect(() => {
      v.receipt_mode = 'off';
    }).toThrow();
  });

  it('keeps other stored values (the admin groups) by the same rule, dropped with the settings', async () => {
    let now = 0;
    const cache = createSettingsCache({ ttlMs: 5_000, now: () => now });
    let loads = 0;
    const groups = () => cache.cached('admin_groups', async () => [++loads]);
    expect(await groups()).toEqual([1]);
    expect(await groups()).toEqual([1]);
    expect(await cache.get(async () => ({ a: 1 }))).toEqual({ a: 1 });
    cache.invalidate();
    expect(await groups()).toEqual([2]);
    now = 5_000;
    expect(await groups()).toEqual([3]);
  });
});

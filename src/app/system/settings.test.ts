import { describe, expect, it } from 'vitest';
import { resolveSettings } from './settings.ts';

describe('resolveSettings', () => {
  it('resolves a frozen stored object once: every caller shares one frozen result', () => {
    const stored = Object.freeze({ receipt_mode: 'low', message_costs: { text: 2 } });
    const first = resolveSettings(stored);
    expect(first.receipt_mode).toBe('low');
    expect(first.message_costs.text).toBe(2);
    expect(resolveSettings(stored)).toBe(first);
    // Shared, so nobody may change it (ESM is strict: an assignment throws).
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.message_costs)).toBe(true);
    expect(() => {
      (first.message_costs as Record<string, number>).text = 9;
    }).toThrow(TypeError);
  });

  it('a new stored object (a change, or the cache expiring) is resolved afresh', () => {
    const before = resolveSettings(Object.freeze({ receipt_mode: 'low' }));
    const after = resolveSettings(Object.freeze({ receipt_mode: 'off' }));
    expect(after).not.toBe(before);
    expect(after.receipt_mode).toBe('off');
  });

  it('an unfrozen stored object (a read inside a transaction) is resolved every time, into a new object', () => {
    const stored: Record<string, unknown> = { topic_creations_per_minute: 5 };
    const first = resolveSettings(stored);
    stored.topic_creations_per_minute = 7;
    const second = resolveSettings(stored);
    expect(first.topic_creations_per_minute).toBe(5);
    expect(second.topic_creations_per_minute).toBe(7);
    expect(Object.isFrozen(second)).toBe(false);
  });

  it('a stored value that no longer validates falls back to its default, cached or not', () => {
    const bad = { receipt_mode: 'sometimes', topic_creations_per_minute: -1 };
    for (const stored of [bad, Object.freeze({ ...bad })]) {
      const s = resolveSettings(stored);
      expect(s.receipt_mode).toBe(resolveSettings({}).receipt_mode);
      expect(s.topic_creations_per_minute).toBe(resolveSettings({}).topic_creations_per_minute);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Repos } from '../ports/index.ts';
import { LOAD_TIE_BAND, leastLoaded } from './placement.ts';

/** Placement's reads, as given: per group, messages relayed (24 h) and waiting, and fans. */
function repos(
  load: Record<number, [relayed: number, waiting: number]>,
  fans: Record<number, number>,
): Repos {
  return {
    adminGroups: {
      relayedLastDay: async (ids: readonly number[]) =>
        new Map(ids.filter((g) => load[g]).map((g) => [g, { relayed: load[g]![0], waiting: load[g]![1] }])),
      fans: async (ids: readonly number[]) => new Map(ids.map((g) => [g, fans[g] ?? 0])),
      lockPlacement: async () => {},
    },
  } as unknown as Repos;
}

describe('the least-loaded group', () => {
  it('goes by load beyond the band, by fans within it, then by configuration order', async () => {
    expect(await leastLoaded(repos({ 1: [100, 0], 2: [40, 0], 3: [79, 0] }, { 2: 9 }), [1, 2, 3])).toBe(2);
    // 2 and 3 are within the band (less than LOAD_TIE_BAND apart): 3 has fewer fans.
    expect(LOAD_TIE_BAND).toBe(20);
    expect(await leastLoaded(repos({ 1: [100, 0], 2: [40, 0], 3: [59, 0] }, { 2: 9, 3: 1 }), [1, 2, 3])).toBe(
      3,
    );
    expect(await leastLoaded(repos({ 2: [40, 0], 3: [59, 0] }, { 2: 1, 3: 1 }), [1, 2, 3])).toBe(1);
    expect(await leastLoaded(repos({}, {}), [7, 8])).toBe(7);
  });

  it('while a backlog builds (a burst of new fans), loads within the waiting per group are equal: fans decide', async () => {
    // 60 waiting per group on average: 40 and 80 are within it; group 2 has fewer fans.
    expect(await leastLoaded(repos({ 1: [0, 40], 2: [0, 80] }, { 1: 4, 2: 3 }), [1, 2])).toBe(2);
    // A group whose sends are stuck stays out: its backlog is far above the average.
    expect(
      await leastLoaded(repos({ 1: [0, 500], 2: [0, 10], 3: [0, 0] }, { 1: 0, 2: 5, 3: 5 }), [1, 2, 3]),
    ).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { isTimeZone, startOfLocalDay, statWindows } from './days.ts';

describe('isTimeZone', () => {
  it.each(['UTC', 'Europe/Madrid', 'America/Sao_Paulo', 'Asia/Tokyo', 'Etc/GMT+5'])('%s is one', (z) => {
    expect(isTimeZone(z)).toBe(true);
  });
  it.each(['', 'Mars/Olympus', 'utc+99', 'Europe/Madrid; drop table', 'x'.repeat(70)])('%j is not', (z) => {
    expect(isTimeZone(z)).toBe(false);
  });
});

describe('startOfLocalDay', () => {
  it.each([
    // now (UTC), zone, days back, local midnight as UTC
    ['2030-06-15T10:00:00Z', 'UTC', 0, '2030-06-15T00:00:00.000Z'],
    ['2030-06-15T10:00:00Z', 'UTC', 6, '2030-06-09T00:00:00.000Z'],
    // Madrid is UTC+2 in summer: 01:30 UTC on the 15th is already the 15th there.
    ['2030-06-15T01:30:00Z', 'Europe/Madrid', 0, '2030-06-14T22:00:00.000Z'],
    // 23:30 UTC on the 14th is 08:30 on the 15th in Tokyo (UTC+9).
    ['2030-06-14T23:30:00Z', 'Asia/Tokyo', 0, '2030-06-14T15:00:00.000Z'],
    // New York, UTC-4 in summer: 02:00 UTC on the 15th is still the 14th.
    ['2030-06-15T02:00:00Z', 'America/New_York', 0, '2030-06-14T04:00:00.000Z'],
    // Across the spring DST change in Madrid (31 March 2030): the 1st of April began at 22:00 UTC, the
    // 30th of March at 23:00 UTC (still winter time).
    ['2030-04-01T12:00:00Z', 'Europe/Madrid', 0, '2030-03-31T22:00:00.000Z'],
    ['2030-04-01T12:00:00Z', 'Europe/Madrid', 2, '2030-03-29T23:00:00.000Z'],
    // Santiago skips midnight at its spring change (8 Sept 2030: 00:00 → 01:00): the day starts at 01:00.
    ['2030-09-08T12:00:00Z', 'America/Santiago', 0, '2030-09-08T04:00:00.000Z'],
  ])('%s in %s, %i days back → %s', (now, zone, back, want) => {
    expect(startOfLocalDay(new Date(now), zone, back).toISOString()).toBe(want);
  });

  it('today, 7 and 30 days include today', () => {
    const w = statWindows(new Date('2030-06-15T10:00:00Z'), 'UTC');
    expect([w.today, w.days7, w.days30].map((d) => d.toISOString())).toEqual([
      '2030-06-15T00:00:00.000Z',
      '2030-06-09T00:00:00.000Z',
      '2030-05-17T00:00:00.000Z',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseReconcileArgs } from './reconcile-args.ts';

const now = new Date('2026-12-03T09:00:00Z');
const parse = (...argv: string[]) => parseReconcileArgs(argv, now, 30);

describe('parseReconcileArgs', () => {
  it('defaults to the last 30 days, report only', () => {
    expect(parse()).toEqual({
      since: new Date('2026-11-03T09:00:00Z'),
      until: now,
      apply: null,
      json: false,
    });
  });
  it.each([
    [['--days', '2'], '2026-12-01T09:00:00.000Z'],
    [['--days=7'], '2026-11-26T09:00:00.000Z'],
    [['--since', '2026-11-01'], '2026-11-01T00:00:00.000Z'],
    [['--since=2026-11-30T08:30Z'], '2026-11-30T08:30:00.000Z'],
  ])('%j', (argv, since) => {
    expect(parse(...argv).since.toISOString()).toBe(since);
  });
  it('takes one mismatch id to apply', () => {
    expect(parse('--apply', 'png-0k3x9a1b2c4').apply).toBe('png-0k3x9a1b2c4');
  });
  it.each([
    [['--days', '0'], /--days/],
    [['--days', 'x'], /--days/],
    [['--days', '401'], /--days/],
    [['--since', 'yesterday'], /--since/],
    [['--since', '2027-01-01'], /past/],
    [['--days', '2', '--since', '2026-11-01'], /not both/],
    [['--apply'], /needs a value/],
    [['--apply', 'drop table'], /not a mismatch id/],
    [['--verbose'], /unknown argument/],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });
});

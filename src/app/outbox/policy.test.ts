import { describe, expect, it } from 'vitest';
import { sendLog } from './policy.ts';

describe('sendLog: what a budget still counts', () => {
  const budget = { limit: 3, windowMs: 1_000 };

  it('drops send times outside the window and sorts the rest', () => {
    expect(sendLog([1_900, 500, 1_200, 1_000], budget, 2_000)).toEqual([1_200, 1_900]);
  });

  it('keeps only the latest `limit` times: older ones cannot decide whether or when a send fits', () => {
    expect(sendLog([1_100, 1_500, 1_200, 1_900, 1_300], budget, 2_000)).toEqual([1_300, 1_500, 1_900]);
  });

  it('leaves the input untouched', () => {
    const recent = [1_900, 1_100];
    sendLog(recent, budget, 2_000);
    expect(recent).toEqual([1_900, 1_100]);
  });
});

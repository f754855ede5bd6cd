import { describe, expect, it } from 'vitest';
import { InvalidDurationError, formatDuration, parseDuration } from './index.ts';

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    { ms: 2 * D + 3 * H, text: '2 d 3 h' },
    { ms: 2 * D + 3 * H + 59 * MIN, text: '2 d 3 h' },
    { ms: 2 * D + 5 * MIN, text: '2 d' },
    { ms: 30 * D, text: '30 d' },
    { ms: H + 30 * MIN, text: '1 h 30 min' },
    { ms: 45 * MIN, text: '45 min' },
    { ms: 5 * MIN + 20 * S, text: '5 min 20 s' },
    { ms: 30 * S, text: '30 s' },
    { ms: 59_999, text: '1 min' },
    { ms: 1, text: '1 s' },
    { ms: 0, text: '0 s' },
    { ms: -5 * S, text: '0 s' },
  ])('$ms ms → $text', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (ms) => {
    expect(() => formatDuration(ms)).toThrow(InvalidDurationError);
  });
});

describe('parseDuration', () => {
  it.each([
    { text: '30s', seconds: 30 },
    { text: '30m', seconds: 1_800 },
    { text: '30min', seconds: 1_800 },
    { text: '2h', seconds: 7_200 },
    { text: '2H', seconds: 7_200 },
    { text: '3d', seconds: 259_200 },
    { text: '1w', seconds: 604_800 },
    { text: ' 2 h ', seconds: 7_200 },
    { text: '1d12h', seconds: 129_600 },
    { text: '1w 2d', seconds: 777_600 },
    { text: '', seconds: null },
    { text: '30', seconds: null },
    { text: '1.5h', seconds: null },
    { text: '-2h', seconds: null },
    { text: '0h', seconds: null },
    { text: '2y', seconds: null },
    { text: 'h', seconds: null },
    { text: '1M', seconds: null },
    { text: '2h later', seconds: null },
    { text: '99999999999999999w', seconds: null },
  ])('$text → $seconds', ({ text, seconds }) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['30m', '2h', '3d', '1w'])('%s round-trips through formatDuration', (text) => {
    const seconds = parseDuration(text);
    expect(seconds).not.toBeNull();
    expect(parseDuration(formatDuration(seconds! * 1000).replace(/ /g, ''))).toBe(seconds);
  });
});

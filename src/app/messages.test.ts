import { describe, expect, it } from 'vitest';
import { cutGraphemes, topicName } from './messages.ts';

/** Telegram's limit for a topic name: "1-128 characters" (createForumTopic), counted in UTF-16 units. */
const TOPIC_NAME_MAX = 128;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const clusters = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units
const FLAG = '🇺🇦'; // two regional indicators, 4 units
const COMBINING = 'e\u0301\u0323'; // e + acute + dot below, 3 units
const SKIN = '👋🏽'; // emoji + skin tone modifier, 4 units

describe('topicName', () => {
  const user = (firstName: string, username: string | null = null) => ({
    id: 123_456_789,
    firstName,
    lastName: null,
    username,
  });

  it('keeps a short name whole', () => {
    expect(topicName(user('Alice', 'alice'))).toBe('👤 Alice (@alice) · 123456789');
    expect(topicName(user(`${FAMILY}${FLAG}`))).toBe(`👤 ${FAMILY}${FLAG} · 123456789`);
  });

  // Every padding shifts the 128-unit boundary to another place inside the clusters.
  const cases = [FAMILY, FLAG, COMBINING, SKIN].flatMap((cluster) =>
    Array.from({ length: 12 }, (_, pad) => ({ cluster, pad })),
  );
  it.each(cases)('cuts $cluster names on a grapheme boundary (padding $pad)', ({ cluster, pad }) => {
    const first = 'a'.repeat(pad) + cluster.repeat(60);
    const name = topicName(user(first, 'someone'));
    expect(name.length).toBeLessThanOrEqual(TOPIC_NAME_MAX);
    expect(name.endsWith('… · 123456789')).toBe(true);
    const kept = name.slice(0, -'… · 123456789'.length);
    const original = `👤 ${first} (@someone)`;
    // Whole clusters only: the kept part's clusters are the original's first ones, unchanged.
    expect(clusters(kept)).toEqual(clusters(original).slice(0, clusters(kept).length));
    // And as many as fit: the next cluster would not.
    const next = clusters(original)[clusters(kept).length]!;
    expect(kept.length + next.length + '… · 123456789'.length).toBeGreaterThan(TOPIC_NAME_MAX);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('never cuts the id', () => {
    const name = topicName({
      id: 999_999_999_999_999,
      firstName: FAMILY.repeat(20),
      lastName: null,
      username: null,
    });
    expect(name.length).toBeLessThanOrEqual(TOPIC_NAME_MAX);
    expect(name.endsWith(' · 999999999999999')).toBe(true);
  });
});

describe('cutGraphemes', () => {
  it.each([
    { text: 'abc', max: 5, out: 'abc' },
    { text: `ab${FAMILY}`, max: 12, out: 'ab' },
    { text: `ab${FAMILY}`, max: 13, out: `ab${FAMILY}` },
    { text: `${FLAG}${FLAG}`, max: 7, out: FLAG },
    { text: `x${COMBINING}y`, max: 3, out: 'x' },
    { text: FAMILY, max: 10, out: '' },
  ])('cuts $text to $max units', ({ text, max, out }) => {
    expect(cutGraphemes(text, max)).toBe(out);
  });
});

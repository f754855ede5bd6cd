import { describe, expect, it } from 'vitest';
import { askForCard, CARD_ASK_INTERVAL_MS } from './topics.ts';

describe("asking for a fan's owed card", () => {
  it('asks once a minute per fan at most, fans apart', () => {
    const ctx = { cardsAsked: new Map<number, number>() };
    expect(askForCard(ctx, 1, 0)).toBe(true);
    expect(askForCard(ctx, 1, CARD_ASK_INTERVAL_MS - 1)).toBe(false);
    expect(askForCard(ctx, 2, 10)).toBe(true);
    expect(askForCard(ctx, 1, CARD_ASK_INTERVAL_MS)).toBe(true);
    expect(askForCard(ctx, 1, CARD_ASK_INTERVAL_MS + 1)).toBe(false);
  });

  it('remembers at most 10,000 fans, forgetting the longest-asked first', () => {
    const ctx = { cardsAsked: new Map<number, number>() };
    for (let id = 1; id <= 10_001; id++) askForCard(ctx, id, id);
    expect(ctx.cardsAsked.size).toBe(10_000);
    expect(askForCard(ctx, 1, 20_000)).toBe(true); // forgotten: asked again
    expect(askForCard(ctx, 3, 20_000)).toBe(false);
  });
});

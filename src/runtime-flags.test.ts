import { describe, expect, it } from 'vitest';
import { tuneHeap } from './runtime-flags.ts';

describe('tuneHeap', () => {
  it("leaves the heap to the operator's own flag, in either spelling", () => {
    expect(tuneHeap(['--enable-source-maps', '--heap-growing-percent=80'])).toBe(false);
    expect(tuneHeap(['--heap_growing_percent=20'])).toBe(false);
  });

  it('sets its own otherwise', () => {
    expect(tuneHeap(['--enable-source-maps', '--max-semi-space-size=8'])).toBe(true);
  });
});

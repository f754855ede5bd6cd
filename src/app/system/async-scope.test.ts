import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asyncSlot } from './async-scope.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('asyncSlot', () => {
  it('is inherited across awaits and timers by what `run` starts, and unset outside it', async () => {
    const slot = asyncSlot<string>();
    expect(slot.get()).toBeUndefined();
    const seen = await slot.run('a', async () => {
      await tick();
      return new Promise<string | undefined>((resolve) => setTimeout(() => resolve(slot.get()), 1));
    });
    expect(seen).toBe('a');
    expect(slot.get()).toBeUndefined();
  });

  it('keeps concurrent runs apart', async () => {
    const slot = asyncSlot<number>();
    const seen = await Promise.all(
      [1, 2, 3].map((n) =>
        slot.run(n, async () => {
          await tick();
          await tick();
          return slot.get();
        }),
      ),
    );
    expect(seen).toEqual([1, 2, 3]);
  });

  it('sets or unsets one slot and leaves the others as they are', async () => {
    const a = asyncSlot<string>();
    const b = asyncSlot<string>();
    await a.run('outer a', () =>
      b.run('b', async () => {
        await tick();
        expect([a.get(), b.get()]).toEqual(['outer a', 'b']);
        await a.run('inner a', async () => {
          await tick();
          expect([a.get(), b.get()]).toEqual(['inner a', 'b']);
        });
        await a.run(undefined, async () => {
          await tick();
          expect([a.get(), b.get()]).toEqual([undefined, 'b']);
        });
        expect([a.get(), b.get()]).toEqual(['outer a', 'b']);
      }),
    );
  });
});

describe('the process', () => {
  it('creates one AsyncLocalStorage (each further store adds to every promise: async-scope.ts)', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const creators = files.filter((f) =>
      /new\s+AsyncLocalStorage\b/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(creators).toEqual([join('app', 'system', 'async-scope.ts')]);
  });
});

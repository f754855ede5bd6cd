import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Api, Composer, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createHook } from 'node:async_hooks';
import { installBranching } from '../../src/bot/branching.ts';

const me = { id: 1, is_bot: true, first_name: 'b', username: 'b_bot' } as UserFromGetMe;
const api = new Api('1:test');
const text = (t: string, chat = 5): Context =>
  new Context(
    {
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: chat, type: 'private', first_name: 'f' }, text: t },
    } as Update,
    api,
    me,
  );
const photo = (): Context =>
  new Context(
    {
      update_id: 2,
      message: { message_id: 2, date: 0, chat: { id: 5, type: 'private', first_name: 'f' }, photo: [] },
    } as unknown as Update,
    api,
    me,
  );

/** A tree of every kind of branch, each handler writing to the trace; one handler added after its branch. */
function tree(trace: string[]): Composer<Context> {
  const root = new Composer<Context>();
  const log =
    (label: string, pass = false) =>
    async (_ctx: Context, next: () => Promise<void>) => {
      trace.push(label);
      if (pass) await next();
    };
  root.on('message:text', log('text', true));
  const filtered = root.filter(async (ctx) => ctx.message?.text === 'async', log('async-filter', true));
  root.drop((ctx) => ctx.message?.text === 'dropped', log('not-dropped', true));
  root.drop(async (ctx) => ctx.message?.text === 'dropped async', log('not-dropped-async', true));
  // Several middleware in one `use`, the first answering synchronously.
  root.use((_ctx, next) => (trace.push('several-a'), next()), log('several-b', true));
  root.branch(
    (ctx) => ctx.message?.photo !== undefined,
    [log('photo-a', true), log('photo-b', true)],
    log('no-photo', true),
  );
  root.command('start', log('start'));
  root.filter(
    (ctx) => ctx.message?.text === 'boom',
    () => {
      throw new Error('handler threw');
    },
  );
  root.filter((ctx) => {
    if (ctx.message?.text === 'bad predicate') throw new Error('predicate threw');
    return false;
  }, log('never'));
  // A predicate answering something other than a boolean (plain JavaScript can): taken by truthiness.
  root.filter(
    ((ctx: Context) => ctx.message?.text) as unknown as (ctx: Context) => boolean,
    log('truthy', true),
  );
  root.filter(
    (() => Promise.resolve(undefined)) as unknown as (ctx: Context) => Promise<boolean>,
    log('never-async'),
  );
  root.use(log('tail', true));
  // Added to a filtered composer after its branch was registered: still runs (late-bound).
  filtered.use(log('late', true));
  return root;
}

async function run(impl: 'grammY' | 'ours', ctx: () => Context): Promise<string[]> {
  installBranching(impl);
  const trace: string[] = [];
  const mw = tree(trace).middleware();
  try {
    await mw(ctx(), async () => void trace.push('end'));
  } catch (err) {
    trace.push(`threw: ${(err as Error).message}`);
  }
  return trace;
}

const methods = (): unknown[] =>
  (['branch', 'use', 'drop'] as const).map(
    (m) => Object.getOwnPropertyDescriptor(Composer.prototype, m)?.value,
  );
const installedOnImport = (() => {
  const ours = methods();
  installBranching('grammY');
  const grammys = methods();
  installBranching('ours');
  return ours.every((m, i) => m !== grammys[i]);
})();

/** Promises created while `fn` runs (what each layer of a middleware chain costs an update). */
async function promisesDuring(fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'PROMISE') n++;
    },
  }).enable();
  try {
    await fn();
  } finally {
    hook.disable();
  }
  return n;
}

/** A composer of `layers` middleware that each pass on synchronously, as a branch not taken does. */
function layered(layers: number): Composer<Context> {
  const root = new Composer<Context>();
  for (let i = 0; i < layers; i++) root.use((_ctx, next) => next());
  return root;
}

describe("branching: grammY's branch, use and drop without a Composer or a promise per layer per update", () => {
  afterAll(() => installBranching());

  it.each([
    ['a text', () => text('hi')],
    ['an async filter taken, with a handler added late', () => text('async')],
    ['a dropped one', () => text('dropped')],
    ['one an async drop drops', () => text('dropped async')],
    ['a photo (an array side)', photo],
    ['a command', () => text('/start')],
    ['a handler that throws', () => text('boom')],
    ['a predicate that throws', () => text('bad predicate')],
  ])('%s: the same path as grammY’s own branch', async (_name, ctx) => {
    const expected = await run('grammY', ctx);
    expect(expected.length).toBeGreaterThan(1);
    expect(await run('ours', ctx)).toEqual(expected);
  });

  it.each(['grammY', 'ours'] as const)(
    '%s: a layer answering synchronously, a throw and `next` twice all answer as promises',
    async (impl) => {
      installBranching(impl);
      const sync = new Composer<Context>();
      sync.use(() => undefined);
      const answer = sync.middleware()(text('hi'), () => Promise.resolve());
      expect(answer).toBeInstanceOf(Promise);
      await expect(answer).resolves.toBeUndefined();

      const throwing = new Composer<Context>();
      throwing.use((_ctx, next) => next());
      throwing.use(() => {
        throw new Error('sync throw');
      });
      const thrown = throwing.middleware()(text('hi'), () => Promise.resolve());
      expect(thrown).toBeInstanceOf(Promise);
      await expect(thrown).rejects.toThrow('sync throw');

      const twice = new Composer<Context>();
      twice.use(async (_ctx, next) => {
        await next();
        await next();
      });
      let downstream = 0;
      twice.use(() => void downstream++);
      await expect(twice.middleware()(text('hi'), () => Promise.resolve())).rejects.toThrow(
        '`next` already called before!',
      );
      expect(downstream).toBe(1);
    },
  );

  it.each(['grammY', 'ours'] as const)(
    '%s: a handler taken before a later `use` does not run it; the composer does',
    async (impl) => {
      installBranching(impl);
      const trace: string[] = [];
      const root = new Composer<Context>();
      root.use((_ctx, next) => (trace.push('first'), next()));
      const before = root.middleware();
      root.use(() => void trace.push('later'));
      await before(text('hi'), () => Promise.resolve(void trace.push('end')));
      await root.middleware()(text('hi'), () => Promise.resolve(void trace.push('end')));
      expect(trace).toEqual(['first', 'end', 'first', 'later']);
    },
  );

  it('an update passes a hundred layers with a few promises, not four per layer as in grammY', async () => {
    const through = (impl: 'grammY' | 'ours') => {
      installBranching(impl);
      const mw = layered(100).middleware();
      return promisesDuring(async () => {
        await mw(text('hi'), () => Promise.resolve());
      });
    };
    expect(await through('grammY')).toBeGreaterThanOrEqual(400);
    expect(await through('ours')).toBeLessThan(10);
    installBranching();
  });

  it('is installed by importing it, and the bot imports it before any feature builds a composer', () => {
    // (This file imported it above; the runs below switch implementations and switch back.)
    expect(installedOnImport).toBe(true);
    const firstImport = readFileSync(new URL('../../src/bot/index.ts', import.meta.url), 'utf8').match(
      /^import\s[^;]*;/m,
    )?.[0];
    expect(firstImport).toBe("import './branching.ts';");
  });
});

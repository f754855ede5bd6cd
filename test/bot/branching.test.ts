import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Api, Composer, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { installBranching, lazyBranch } from '../../src/bot/branching.ts';

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

async function run(impl: 'grammY' | 'installed', ctx: () => Context): Promise<string[]> {
  installBranching(impl === 'grammY' ? lazyBranch : undefined);
  const trace: string[] = [];
  const mw = tree(trace).middleware();
  try {
    await mw(ctx(), async () => void trace.push('end'));
  } catch (err) {
    trace.push(`threw: ${(err as Error).message}`);
  }
  return trace;
}

const installedOnImport = Composer.prototype.branch !== lazyBranch;

describe("branching: grammY's branch without a Composer per update", () => {
  afterAll(() => installBranching());

  it.each([
    ['a text', () => text('hi')],
    ['an async filter taken, with a handler added late', () => text('async')],
    ['a dropped one', () => text('dropped')],
    ['a photo (an array side)', photo],
    ['a command', () => text('/start')],
    ['a handler that throws', () => text('boom')],
    ['a predicate that throws', () => text('bad predicate')],
  ])('%s: the same path as grammY’s own branch', async (_name, ctx) => {
    const expected = await run('grammY', ctx);
    expect(expected.length).toBeGreaterThan(1);
    expect(await run('installed', ctx)).toEqual(expected);
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

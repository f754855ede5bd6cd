import { HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import { createPollingLog } from './polling-log.ts';

type Outcome = 'ok' | 'network' | 'conflict';

function setup() {
  let clock = 0;
  const lines: Array<Record<string, any>> = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (s: string) => void lines.push(JSON.parse(s)) },
  });
  const transformer = createPollingLog(logger, { now: () => clock });
  const call = async (outcome: Outcome, opts: { method?: string; signal?: AbortSignal } = {}) => {
    const prev = async () => {
      if (outcome === 'network')
        throw new HttpError("Network request for 'getUpdates' failed!", new Error('reset'));
      if (outcome === 'conflict')
        return {
          ok: false as const,
          error_code: 409,
          description: 'Conflict: terminated by other getUpdates request',
        };
      return { ok: true as const, result: [] };
    };
    return (transformer as any)(prev, opts.method ?? 'getUpdates', {}, opts.signal).catch((e: unknown) => e);
  };
  return { lines, call, advance: (ms: number) => void (clock += ms) };
}

describe('createPollingLog', () => {
  it('logs the first failure at once, then at most one line per 30 s with the count', async () => {
    const s = setup();
    for (let i = 0; i < 5; i++) {
      await s.call('network');
      s.advance(5_000);
    }
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({
      level: 40,
      failures: 1,
      err: { type: 'HttpError', method: 'getUpdates' },
    });
    s.advance(10_000); // 35 s after the first line
    await s.call('network');
    expect(s.lines).toHaveLength(2);
    expect(s.lines[1]).toMatchObject({ failures: 5, streak: 6 });
  });

  it('says once when polling works again, and logs the next outage at once', async () => {
    const s = setup();
    await s.call('network');
    await s.call('network');
    await s.call('ok');
    await s.call('ok');
    expect(s.lines.map((l) => l.level)).toEqual([40, 30]);
    expect(s.lines[1]).toMatchObject({ failures: 2 });
    await s.call('network');
    expect(s.lines).toHaveLength(3);
  });

  it.each([
    ['an error answer (409)', 'conflict' as const, { error_code: 409 }],
    ['a network failure', 'network' as const, { err: { type: 'HttpError' } }],
  ])('logs %s', async (_label, outcome, expected) => {
    const s = setup();
    await s.call(outcome);
    expect(s.lines[0]).toMatchObject(expected);
  });

  it('ignores calls cancelled by stopping the runner, and other methods', async () => {
    const s = setup();
    const stopped = new AbortController();
    stopped.abort();
    await s.call('network', { signal: stopped.signal });
    await s.call('network', { method: 'sendMessage' });
    expect(s.lines).toEqual([]);
  });

  it('passes results and errors through unchanged', async () => {
    const s = setup();
    expect(await s.call('ok')).toEqual({ ok: true, result: [] });
    expect(await s.call('network')).toBeInstanceOf(HttpError);
  });
});

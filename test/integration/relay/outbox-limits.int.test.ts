import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';

import { grantCredits } from '../../support/accounts.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { fanUser, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';

// Flood limits scaled 20x: the group allows 20 messages per 3 s, a private chat 1 per 50 ms.
const SCALE = 20;
let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp({ scale: SCALE }),
  (s) => ({ fake, t } = s),
);

/** The fan's messages as they landed in the group, in arrival order (their text). */
const relayedTexts = (userId: number) =>
  fake.calls
    .filter((c) => c.ok && c.method === 'copyMessage' && c.payload.from_chat_id === userId)
    .map((c) => String(fake.message(userId, c.payload.message_id as number)?.text));

describe('the outbox under flood limits', () => {
  it('concurrent first messages make exactly one topic, and all arrive in order', async () => {
    const ann = fanUser(201, { first_name: 'Ann' });
    const updates = Array.from({ length: 6 }, (_, i) => privateText(ann, `m${i}`, { fake }));
    await Promise.all(updates.map((u) => t.post(u)));
    await eventually(() => relayedTexts(ann.id).length === 3, 10_000, 'three relays (3 welcome credits)');
    expect(fake.topics(ADMIN_GROUP_ID).filter((tp) => tp.name.includes('· 201'))).toHaveLength(1);
    expect(fake.callsTo('createForumTopic').filter((c) => c.ok)).toHaveLength(1);
    const texts = relayedTexts(ann.id);
    expect(texts).toEqual([...texts].sort());
    expect(fake.stats.earlyRetries).toBe(0);
  });

  it('a 429 is waited out exactly, never retried early, and order is kept', async () => {
    const ben = fanUser(202);
    await t.post(privateText(ben, 'b0', { fake }));
    await eventually(() => relayedTexts(ben.id).length === 1, 10_000);
    await grantCredits(t, ben.id, 20);
    fake.failNext(
      'copyMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
      { match: (p) => p.from_chat_id === ben.id },
    );
    const started = Date.now();
    for (let i = 1; i <= 4; i++) await t.post(privateText(ben, `b${i}`, { fake }));
    await eventually(() => relayedTexts(ben.id).length === 5, 15_000, 'all five');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(relayedTexts(ben.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    expect(fake.stats.earlyRetries).toBe(0);
  });

  it('two fans sharing a throttled group both progress (round-robin)', async () => {
    const busy = fanUser(203);
    const quiet = fanUser(204);
    await t.post(privateText(busy, 'x00', { fake }));
    await t.post(privateText(quiet, 'y00', { fake }));
    await eventually(() => relayedTexts(busy.id).length === 1 && relayedTexts(quiet.id).length === 1, 10_000);
    await grantCredits(t, busy.id, 100);
    await grantCredits(t, quiet.id, 100);
    for (let i = 1; i <= 30; i++) await t.post(privateText(busy, `x${String(i).padStart(2, '0')}`, { fake }));
    const mark = fake.calls.length;
    for (let i = 1; i <= 3; i++) await t.post(privateText(quiet, `y${String(i).padStart(2, '0')}`, { fake }));
    // The quiet fan's three messages do not wait for the busy fan's backlog: lanes take turns, so at most
    // a few of the busy fan's messages go out between the quiet fan's first message and its last relay
    // (first in, first out would send the whole backlog first). Counted in sends rather than time, so
    // a slow machine, where the backlog drains while the messages are still being posted, passes too.
    await eventually(() => relayedTexts(quiet.id).length === 4, 15_000, 'quiet fan served');
    const relays = fake.calls
      .slice(mark)
      .filter((c) => c.ok && c.method === 'copyMessage' && c.payload.chat_id === ADMIN_GROUP_ID);
    const lastQuiet = relays.findLastIndex((c) => c.payload.from_chat_id === quiet.id);
    const busyMeanwhile = relays.slice(0, lastQuiet).filter((c) => c.payload.from_chat_id === busy.id);
    expect(busyMeanwhile.length).toBeLessThanOrEqual(6);
    await eventually(() => relayedTexts(busy.id).length === 31, 30_000, 'busy fan done');
    expect(relayedTexts(busy.id)).toEqual([...relayedTexts(busy.id)].sort());
    expect(fake.stats.earlyRetries).toBe(0);
    const pending = await t.app.deps.outbox.pending();
    expect(pending).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('keeps accounts consistent after all of it', async () => {
    const report = await t.app.deps.services.checkLedger();
    expect(report.ok).toBe(true);
    expect(await createUnitOfWork(t.db.database).repos.users.get(201)).toMatchObject({ creditBalance: 0 });
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { OWNER_ID, ADMIN_GROUP_ID } from '../../support/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';

/**
 * A broadcast end to end: the queue job, the outbox sender on the fake Bot API, the live progress message
 * and the report; a fan who blocked the bot (403) is marked and counted; and a restart in the middle
 * resumes without sending anyone twice (items keyed per campaign and fan, the job resuming from its cursor).
 */
let fake: FakeTelegram;
let db: TestDatabase;
const FANS = Array.from({ length: 60 }, (_, i) => 64_000 + i);
const BLOCKS = FANS[3]!;

async function start(): Promise<TestApp> {
  return startTestApp(fake, {
    db,
    env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) },
    // Private chats at Telegram's pace (scaled ×20), so the broadcast takes a moment and can be interrupted.
    outbox: { budgets: defaultBudgets(20) },
  });
}

const sendsTo = (chatId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === chatId && c.payload.text?.startsWith('News'));
const campaignOf = async (t: TestApp, id: number) =>
  await t.app.deps.services.campaigns.campaign(OWNER_ID, id);

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  db = await createTestDatabase({ migrate: true });
});
afterAll(async () => {
  await fake.close();
  await db.dispose();
});

describe('a broadcast through the outbox', () => {
  it('reaches every fan once across a restart, counts a 403 as blocked, and reports', async () => {
    let t = await start();
    const values = FANS.map((id) => `(${id}, 'Fan ${id}')`).join(',');
    await db.database.db.execute(sql.raw(`insert into users (id, first_name) values ${values}`));
    fake.blockChat(BLOCKS);
    const svc = t.app.deps.services.campaigns;
    const draft = await svc.start(OWNER_ID, 'broadcast');
    if (!draft.ok) throw new Error(draft.code);
    await svc.compose(OWNER_ID, draft.id, {
      type: 'text',
      text: 'News: hello',
      entities: [{ type: 'bold', offset: 0, length: 4 }],
    });
    await svc.setButtons(OWNER_ID, draft.id, [{ text: 'Shop', url: 'https://example.com/shop' }]);
    const review = await svc.review(OWNER_ID, draft.id);
    if (!review.ok) throw new Error(review.code);
    expect(review.count).toBeGreaterThanOrEqual(FANS.length);
    const res = await svc.confirm(OWNER_ID, draft.id, review.count, OWNER_ID);
    if (!res.ok) throw new Error(res.code);
    const id = res.campaign.id;

    // Stop in the middle (a deploy), then start again on the same database.
    await eventually(async () => FANS.filter((f) => sendsTo(f).length > 0).length > 10, 20_000, 'some sent');
    await t.stop();
    const midway = FANS.filter((f) => sendsTo(f).length > 0).length;
    expect(midway).toBeLessThan(FANS.length - 1);
    t = await start();
    await eventually(
      async () => {
        const c = await campaignOf(t, id);
        return c.ok && c.campaign.status === 'done';
      },
      30_000,
      'the broadcast is done',
    );
    const c = await campaignOf(t, id);
    if (!c.ok) throw new Error(c.code);
    expect(c.campaign).toMatchObject({ sent: review.count - 1, blocked: 1, failed: 0, queued: review.count });
    for (const fan of FANS) expect(sendsTo(fan), `fan ${fan}`).toHaveLength(fan === BLOCKS ? 0 : 1);
    const one = sendsTo(FANS[0]!)[0]!;
    expect(one.payload.entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    expect(one.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Shop', url: 'https://example.com/shop' }]],
    });
    const blocked = await db.database.db.execute(
      sql.raw(`select blocked_bot from users where id = ${BLOCKS}`),
    );
    expect((blocked as { rows: Array<{ blocked_bot: boolean }> }).rows[0]!.blocked_bot).toBe(true);

    // The progress message: sent once, then edited (never more often than every 3 s), and the report.
    await eventually(
      async () =>
        fake
          .callsTo('sendMessage')
          .some((x) => x.payload.chat_id === OWNER_ID && String(x.payload.text).includes('Delivery report')),
      10_000,
      'the report',
    );
    const progress = fake
      .callsTo('sendMessage')
      .filter((x) => x.payload.chat_id === OWNER_ID && String(x.payload.text).includes(`#${id}`));
    expect(progress.length).toBe(2); // the progress message and the report
    const edits = fake.callsTo('editMessageText').filter((x) => x.payload.chat_id === OWNER_ID && x.ok);
    for (let i = 1; i < edits.length; i++)
      expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(2900);
    expect(String(edits.at(-1)?.payload.text ?? progress[0]!.payload.text)).toContain('100%');
    expect(fake.takeViolations()).toEqual([]);
    await t.stop();
  }, 90_000);
});

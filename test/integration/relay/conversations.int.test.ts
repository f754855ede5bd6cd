import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import * as flows from '../../support/flows.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;
const AGENT = 900_777;

useApp(
  () =>
    startForumApp({
      renderTimings: { cardIntervalMs: 800, inboxIntervalMs: 1000, inboxDebounceMs: 200 },
    }),
  (s) => ({ fake, t } = s),
);

describe('assigning a conversation (through the outbox)', () => {
  it("the fan's pinned card gains the assignee line by a throttled edit; the assignee is told once", async () => {
    const { fan, cardId } = await flows.fanWithTopic(t, fake, 451, 'Cora');
    const repos = createUnitOfWork(t.db.database).repos;
    const now = new Date();
    await repos.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, now);
    await repos.users.upsert({ id: AGENT, firstName: 'Ana' }, now);
    await repos.users.upsert({ id: OWNER_ID, firstName: 'Olivia' }, now);

    const services = t.app.deps.services.conversations;
    expect(await services.assign(OWNER_ID, fan.id, AGENT)).toEqual({ ok: true, changed: true });
    expect(await services.assign(OWNER_ID, fan.id, AGENT)).toEqual({ ok: true, changed: false });

    const line = en('relay-card-assignee', { name: 'Ana' });
    const cardEdit = await eventually(
      () =>
        fake
          .callsTo('editMessageText')
          .find(
            (c) =>
              c.ok &&
              c.payload.chat_id === ADMIN_GROUP_ID &&
              c.payload.message_id === cardId &&
              String(c.payload.text).includes(line),
          ),
      8000,
      'the card edited with the assignee',
    );
    expect(String(cardEdit.payload.text)).toContain('Cora');
    const notice = en('admin-conversations-assigned-notice', { by: 'Olivia', fan: 'Cora' });
    await eventually(
      () => fake.callsTo('sendMessage').some((c) => c.ok && c.payload.chat_id === AGENT),
      5000,
      'the notice to the assignee',
    );
    const toAgent = fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.chat_id === AGENT);
    expect(toAgent.map((c) => c.payload.text)).toEqual([notice]);

    // Unassigning takes the line off the card again (after the card's interval).
    expect(await services.assign(OWNER_ID, fan.id, null)).toEqual({ ok: true, changed: true });
    await eventually(
      () => {
        const edits = fake
          .callsTo('editMessageText')
          .filter((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && c.payload.message_id === cardId);
        return edits.length > 0 && !String(edits.at(-1)!.payload.text).includes(line);
      },
      8000,
      'the card edited without the assignee',
    );
  });
});

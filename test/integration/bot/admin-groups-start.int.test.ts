import { describe, expect, it } from 'vitest';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';
import { fanUser } from '../../support/updates.ts';

/** At start, with several admin groups, the bot checks that the team is in each and tells the owners. */
const G2 = -1009876500002;
const G3 = -1009876500003;

let fake: FakeTelegram;
let t: TestApp;
useApp(
  () =>
    startForumApp({
      moreGroups: [G2, G3],
      // The owner never joined group 3.
      beforeStart: (f) => f.setChatMember(G3, { status: 'left', user: fanUser(OWNER_ID) }),
    }),
  (s) => ({ fake, t } = s),
);

describe('the memberships check at start', () => {
  it('asks about every group and tells the owner, once, which group they are missing from', async () => {
    const alerts = () =>
      fake
        .callsTo('sendMessage')
        .filter((c) => c.ok && c.payload.chat_id === OWNER_ID)
        .map((c) => String(c.payload.text))
        .filter((x) => x.includes(`${G3}: ${OWNER_ID}`));
    await eventually(() => alerts().length === 1, 5000, 'the owner told');
    expect(alerts()[0]).toBe(en('admin-setup-memberships-missing', { missing: `${G3}: ${OWNER_ID}` }));
    const asked = fake.callsTo('getChatMember').filter((c) => c.payload.user_id === OWNER_ID);
    expect(new Set(asked.map((c) => c.payload.chat_id))).toEqual(new Set([ADMIN_GROUP_ID, G2, G3]));
    // Asked again (the bot re-checks on membership changes): nobody is told twice.
    await t.app.deps.services.groups.checkMemberships({ isMember: async (g) => g !== G3 });
    await new Promise((r) => setTimeout(r, 300));
    expect(alerts()).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipProbe } from '../../src/app/admin/index.ts';
import { createServices } from '../../src/app/services.ts';
import { LOAD_TIE_BAND } from '../../src/app/relay/placement.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/**
 * Several admin groups (docs/ARCHITECTURE.md, "Several admin groups"): each new fan is placed in the
 * least-loaded group and stays there; a fan of a removed group moves on their next message; replies
 * find their fan by (group, thread); the team's memberships are checked.
 */
const A = -1001000000001;
const B = -1001000000002;
const C = -1001000000003;

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack({ adminGroupIds: [A, B, C] });
});
afterAll(() => s.dispose());

let nextFan = 61_000;
let nextMessage = 500;
const fan = async () => {
  const id = ++nextFan;
  await s.ensureFan(id);
  await s.grant(id, 50);
  return id;
};
const message = (userId: number) => ({ userId, chatId: userId, messageId: ++nextMessage, type: 'text' });
const groupOf = async (userId: number) => (await s.uow.repos.topics.get(userId))?.groupId;
const relaysOf = async (userId: number) =>
  (await s.outboxRows()).filter((r) => r.payload.kind === 'relay.in' && r.payload.userId === userId);
/** Fans' messages relayed into each group so far (what placement reads). */
const load = async () =>
  new Map(
    [...(await s.uow.repos.adminGroups.relayedLastDay([A, B, C]))].map(([g, l]) => [
      g,
      l.relayed + l.waiting,
    ]),
  );

describe('placing a new fan', () => {
  it('goes to the group with the fewest messages relayed in the last 24 h, and its messages go there', async () => {
    await s.uow.repos.adminGroups.noteRelayed(A, 100);
    await s.uow.repos.adminGroups.noteRelayed(B, 20);
    await s.uow.repos.adminGroups.noteRelayed(C, 60);
    const f = await fan();
    expect(await s.services.acceptFanMessage(message(f))).toMatchObject({ ok: true });
    expect(await groupOf(f)).toBe(B);
    expect((await relaysOf(f)).map((r) => r.chatId)).toEqual([B]);
  });

  it('on equal load (within a minute of sends), goes to the group with fewer fans; on equal fans too, to the first configured', async () => {
    // Messages accepted and still waiting count as load: B has 20 relayed + its fan's 1 waiting (a burst
    // of new fans would otherwise all go to the group whose relays happen to lag).
    expect(await load()).toEqual(
      new Map([
        [A, 100],
        [B, 21],
        [C, 60],
      ]),
    );
    // B catches up to within the band of C (51 and 60: LOAD_TIE_BAND is 20): C has no fan yet.
    await s.uow.repos.adminGroups.noteRelayed(B, 30);
    const first = await fan();
    await s.services.acceptFanMessage(message(first));
    expect(await groupOf(first)).toBe(C);
    // B 51, C 61: within the band, one fan each → configuration order.
    expect(Math.abs((await load()).get(B)! - (await load()).get(C)!)).toBeLessThan(LOAD_TIE_BAND);
    const second = await fan();
    await s.services.acceptFanMessage(message(second));
    expect(await groupOf(second)).toBe(B);
  });

  it('stays in its group however the load moves', async () => {
    const f = await fan();
    await s.services.acceptFanMessage(message(f));
    const placed = (await groupOf(f))!;
    await s.uow.repos.adminGroups.noteRelayed(placed, 1000);
    await s.services.acceptFanMessage(message(f));
    await s.services.acceptFanMessage(message(f));
    expect(await groupOf(f)).toBe(placed);
    expect((await relaysOf(f)).map((r) => r.chatId)).toEqual([placed, placed, placed]);
  });

  it('a first message and a support message at once place the fan once', async () => {
    const f = await fan();
    const [relayed, support] = await Promise.all([
      s.services.acceptFanMessage(message(f)),
      s.services.support.send({ userId: f, chatId: f, messageId: ++nextMessage, text: 'help' }),
    ]);
    expect(relayed).toMatchObject({ ok: true });
    expect(support).toMatchObject({ ok: true, status: 'sent' });
    const group = await groupOf(f);
    const relays = await relaysOf(f);
    expect(relays).toHaveLength(2);
    expect(relays.every((r) => r.chatId === group)).toBe(true);
  });
});

describe('a removed group', () => {
  it('the bot removed from a group: its fans get a new topic in the least-loaded group left, history noted', async () => {
    const f = await fan();
    await s.services.acceptFanMessage(message(f));
    const old = (await groupOf(f))!;
    await s.uow.repos.topics.setThread(f, 4242, 'Fan');
    await s.services.groups.botLeft(old);
    try {
      const others = [A, B, C].filter((g) => g !== old);
      // The removed group is the idlest; of the two left, the second is.
      await s.uow.repos.adminGroups.noteRelayed(others[0]!, 100_000);
      const expected = others[1]!;
      await s.services.acceptFanMessage(message(f));
      const topic = (await s.uow.repos.topics.get(f))!;
      expect(topic).toMatchObject({
        groupId: expected,
        threadId: null,
        status: 'creating',
        previousThreadId: 4242,
        previousGroupId: old,
        cardMessageId: null,
      });
      expect((await relaysOf(f)).map((r) => r.chatId)).toEqual([old, expected]);

      // A new fan is not placed in the removed group, however idle it is.
      await s.uow.repos.adminGroups.noteRelayed(others[0]!, 10_000);
      await s.uow.repos.adminGroups.noteRelayed(others[1]!, 10_000);
      const newcomer = await fan();
      await s.services.acceptFanMessage(message(newcomer));
      expect(others).toContain(await groupOf(newcomer));
    } finally {
      // The bot is added back: the group takes new fans again (the moved fan stays where it is now).
      expect(await s.services.groups.botJoined({ chatId: old, title: 'Back', by: OWNER_ID })).toEqual({
        kind: 'admin_group',
      });
    }
    expect(await s.uow.repos.adminGroups.removed([A, B, C])).toEqual([]);
  });

  it('a group taken out of the config: the fan moves on the next message; the old thread stays previous', async () => {
    const f = await fan();
    await s.services.acceptFanMessage(message(f));
    const old = (await groupOf(f))!;
    await s.uow.repos.topics.setThread(f, 777, 'Fan');
    const kept = [A, B, C].filter((g) => g !== old);
    const restarted = createServices({
      uow: s.uow,
      clock: s.clock,
      adminGroupIds: kept,
      adminUserIds: s.adminUserIds,
    });
    const fansBefore = await s.uow.repos.adminGroups.fans([A, B, C]);
    await restarted.acceptFanMessage(message(f));
    const topic = (await s.uow.repos.topics.get(f))!;
    expect(kept).toContain(topic.groupId);
    // The fans per group follow the move.
    const fansAfter = await s.uow.repos.adminGroups.fans([A, B, C]);
    expect(fansAfter.get(old)).toBe(fansBefore.get(old)! - 1);
    expect(fansAfter.get(topic.groupId)).toBe((fansBefore.get(topic.groupId) ?? 0) + 1);
    expect(topic).toMatchObject({ threadId: null, previousThreadId: 777, previousGroupId: old });
    // And it stays in its new group, the history link unchanged.
    await restarted.acceptFanMessage(message(f));
    expect(await s.uow.repos.topics.get(f)).toMatchObject({ previousThreadId: 777, previousGroupId: old });
    expect(await restarted.groups.check(old)).toBe('leave');
    expect(await restarted.groups.check(kept[0]!)).toBe('stay');
  });
});

describe('admin replies by (group, thread)', () => {
  it('a reply in group B whose thread id is also a thread in group A reaches B’s fan, as a reply to B’s message', async () => {
    const inA = await fan();
    const inB = await fan();
    await s.uow.repos.topics.reserve(inA, A, 'A fan');
    await s.uow.repos.topics.reserve(inB, B, 'B fan');
    await s.uow.repos.topics.setThread(inA, 31, 'A fan');
    await s.uow.repos.topics.setThread(inB, 31, 'B fan');
    // The same group message id in both groups, each a relayed fan message.
    const link = (userId: number, group: number, fanMessageId: number) =>
      s.uow.repos.links.add({
        userId,
        direction: 'in',
        fanChatId: userId,
        fanMessageId,
        groupChatId: group,
        groupThreadId: 31,
        groupMessageId: 900,
        adminId: null,
      });
    await link(inA, A, 11);
    await link(inB, B, 22);
    const res = await s.services.acceptAdminMessage({
      groupId: B,
      threadId: 31,
      messageId: 901,
      adminId: OWNER_ID,
      replyToMessageId: 900,
    });
    expect(res).toEqual({ ok: true, userId: inB });
    const out = (await s.outboxRows()).filter((r) => r.payload.kind === 'relay.out');
    expect(out.at(-1)).toMatchObject({
      chatId: inB,
      payload: { userId: inB, groupId: B, messageId: 901, replyToFanMessageId: 22 },
    });
    // A thread id only group A has is no fan's topic in group C.
    expect(
      await s.services.acceptAdminMessage({
        groupId: C,
        threadId: 31,
        messageId: 902,
        adminId: OWNER_ID,
        replyToMessageId: null,
      }),
    ).toEqual({ ok: false, code: 'not_a_fan_topic' });
    expect(await s.services.admin.fanOfTopic(A, 31)).toBe(inA);
  });
});

describe('every admin group is an admin group', () => {
  it('the bot stays in each configured group', async () => {
    for (const g of [A, B, C]) expect(await s.services.groups.check(g)).toBe('stay');
    expect(await s.services.groups.botJoined({ chatId: C, title: 'C', by: 1 })).toEqual({
      kind: 'admin_group',
    });
  });
});

describe('the team in every admin group', () => {
  const AGENT = 62_001;
  /** Members per group; anyone not listed is missing; `unknown` groups cannot be asked. */
  const probe = (members: Record<number, number[]>, unknown: number[] = []): MembershipProbe => ({
    isMember: async (groupId, userId) =>
      unknown.includes(groupId) ? null : (members[groupId] ?? []).includes(userId),
  });
  const alerts = async () =>
    (await s.outboxRows()).filter(
      (r) => r.payload.kind === 'notice' && r.idempotencyKey.startsWith('admin-memberships:'),
    );

  it('tells the owners once which memberships are missing, and again only when one more is missing', async () => {
    await s.ensureFan(AGENT, { firstName: 'Mia' });
    await s.uow.repos.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, s.clock.now());
    const everyone = [OWNER_ID, AGENT];
    expect(
      await s.services.groups.checkMemberships(probe({ [A]: everyone, [B]: everyone, [C]: everyone })),
    ).toEqual({
      missing: [],
      alerted: false,
    });
    expect(await alerts()).toEqual([]);

    const agentNotInB = probe({ [A]: everyone, [B]: [OWNER_ID], [C]: everyone });
    expect(await s.services.groups.checkMemberships(agentNotInB)).toEqual({
      missing: [{ groupId: B, userId: AGENT }],
      alerted: true,
    });
    const [alert] = await alerts();
    expect(alert).toMatchObject({
      chatId: OWNER_ID,
      payload: { text: { key: 'admin-setup-memberships-missing' } },
    });
    expect(JSON.stringify(alert!.payload)).toContain(`${B}: `);
    expect(JSON.stringify(alert!.payload)).toContain(`Mia (${AGENT})`);

    // The same again (a restart): nobody is told twice.
    expect((await s.services.groups.checkMemberships(agentNotInB)).alerted).toBe(false);
    // A group that cannot be asked (the bot is not in it) is not reported.
    expect(
      (await s.services.groups.checkMemberships(probe({ [A]: everyone, [B]: [OWNER_ID] }, [C]))).alerted,
    ).toBe(false);
    // One more missing: told again, with the whole list.
    const res = await s.services.groups.checkMemberships(
      probe({ [A]: [AGENT], [B]: [OWNER_ID], [C]: everyone }),
    );
    expect(res).toEqual({
      missing: [
        { groupId: A, userId: OWNER_ID },
        { groupId: B, userId: AGENT },
      ],
      alerted: true,
    });
    expect(await alerts()).toHaveLength(2);
  });

  it('with one admin group there is nothing to check', async () => {
    const single = await createServiceStack();
    try {
      expect(await single.services.groups.checkMemberships(probe({}))).toEqual({
        missing: [],
        alerted: false,
      });
    } finally {
      await single.dispose();
    }
  });
});

describe('new fans placed at once', () => {
  const D = -1001000000011;
  const E = -1001000000012;
  let d: ServiceStack;
  beforeAll(async () => {
    d = await createServiceStack({ adminGroupIds: [D, E] });
  });
  afterAll(() => d.dispose());

  it('are spread evenly: placements take turns, each sees the fans placed before it', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => 62_000 + i);
    for (const id of ids) {
      await d.ensureFan(id);
      await d.grant(id, 5);
    }
    const results = await Promise.all(
      ids.map((id) => d.services.acceptFanMessage({ userId: id, chatId: id, messageId: 1, type: 'text' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const groups = await Promise.all(ids.map(async (id) => (await d.uow.repos.topics.get(id))?.groupId));
    expect(groups.filter((g) => g === D)).toHaveLength(5);
    expect(groups.filter((g) => g === E)).toHaveLength(5);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../../src/app/access/index.ts';
import { PERMISSIONS, type Permission } from '../../src/domain/access/index.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
  const at = s.clock.now();
  await s.uow.repos.team.set({ userId: 4001, role: 'agent', addedBy: OWNER_ID }, at);
  await s.uow.repos.team.set({ userId: 4002, role: 'manager', addedBy: OWNER_ID }, at);
  await s.uow.repos.team.set({ userId: 4003, role: 'owner', addedBy: OWNER_ID }, at);
});
afterAll(() => s.dispose());

const ALL = Object.keys(PERMISSIONS) as Permission[];
const granted = async (actor: number) =>
  (await Promise.all(ALL.map(async (p) => [p, await s.services.access.can(actor, p)] as const)))
    .filter(([, ok]) => ok)
    .map(([p]) => p);

describe('access: roles and permissions on the team table', () => {
  it('owners from ADMIN_USER_IDS can do everything', async () => {
    expect(await s.services.access.roleOf(OWNER_ID)).toBe('owner');
    expect(await granted(OWNER_ID)).toEqual(ALL);
  });

  it('an agent answers fans, takes notes and views users, nothing else', async () => {
    expect(await s.services.access.roleOf(4001)).toBe('agent');
    expect((await granted(4001)).sort()).toEqual(['notes', 'quickreplies.use', 'relay.reply', 'users.view']);
  });

  it('a manager adds bans, conversations, products, settings, broadcasts, stats; no money', async () => {
    const can = await granted(4002);
    expect(can).toEqual(
      expect.arrayContaining(['users.ban', 'conversations.manage', 'stats.view', 'relay.reply']),
    );
    for (const p of ['payments.refund', 'users.adjust', 'gifts.send', 'team.manage', 'data.export'] as const)
      expect(can).not.toContain(p);
  });

  it('a stored owner is an owner', async () => {
    expect(await granted(4003)).toEqual(ALL);
  });

  it('someone not on the team can do nothing', async () => {
    expect(await s.services.access.roleOf(4999)).toBeNull();
    expect(await granted(4999)).toEqual([]);
  });

  it('holders of a permission: env owners and stored members who hold it, each once', async () => {
    expect((await s.services.access.holders('payments.refund')).sort()).toEqual([4003, OWNER_ID].sort());
    expect((await s.services.access.holders('relay.reply')).sort()).toEqual(
      [4001, 4002, 4003, OWNER_ID].sort(),
    );
  });

  it('a role change and a removal are seen at once (read per question)', async () => {
    await s.uow.repos.team.set({ userId: 4004, role: 'agent', addedBy: OWNER_ID }, s.clock.now());
    expect(await s.services.access.can(4004, 'users.ban')).toBe(false);
    await s.uow.repos.team.set({ userId: 4004, role: 'manager', addedBy: OWNER_ID }, s.clock.now());
    expect(await s.services.access.can(4004, 'users.ban')).toBe(true);
    expect(await s.uow.repos.team.remove(4004)).toBe(true);
    expect(await s.services.access.can(4004, 'relay.reply')).toBe(false);
    expect(await s.uow.repos.team.remove(4004)).toBe(false);
  });

  it('createAccess with other owner ids (a second deployment) sees the same stored team', async () => {
    const other = createAccess({ uow: s.uow, ownerIds: [4999] });
    expect(await other.roleOf(4999)).toBe('owner');
    expect(await other.roleOf(OWNER_ID)).toBeNull();
    expect(await other.roleOf(4002)).toBe('manager');
  });

  it('an admin action by someone without the permission is refused and changes nothing', async () => {
    await s.ensureFan(4101);
    const before = (await s.user(4101))!.creditBalance;
    const res = await s.services.admin.giftCredits({ adminId: 4001, userId: 4101, credits: 50, key: 'g1' });
    expect(res).toMatchObject({ ok: false });
    expect((await s.user(4101))!.creditBalance).toBe(before);
    const ban = await s.services.admin.setBan({ adminId: 4999, userId: 4101, banned: true, key: 'b1' });
    expect(ban).toMatchObject({ ok: false });
    expect((await s.user(4101))!.isBanned).toBe(false);
  });

  it('the owner’s gift and ban go through, once per key', async () => {
    await s.ensureFan(4102);
    const before = (await s.user(4102))!.creditBalance;
    expect(
      await s.services.admin.giftCredits({ adminId: OWNER_ID, userId: 4102, credits: 7, key: 'g2' }),
    ).toMatchObject({ ok: true });
    await s.services.admin.giftCredits({ adminId: OWNER_ID, userId: 4102, credits: 7, key: 'g2' });
    expect((await s.user(4102))!.creditBalance).toBe(before + 7);
    expect(
      await s.services.admin.setBan({ adminId: OWNER_ID, userId: 4102, banned: true, key: 'b2' }),
    ).toMatchObject({ ok: true, changed: true });
    expect((await s.user(4102))!.isBanned).toBe(true);
  });
});

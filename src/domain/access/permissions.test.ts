import { describe, expect, it } from 'vitest';
import { PERMISSIONS, roleCan, type Permission } from './permissions.ts';

describe('the permission table', () => {
  const all = Object.keys(PERMISSIONS) as Permission[];
  const of = (role: 'agent' | 'manager' | 'owner') => all.filter((p) => roleCan(role, p)).sort();

  it('gives agents the day-to-day conversation tools only', () => {
    expect(of('agent')).toEqual(['notes', 'quickreplies.use', 'relay.reply', 'users.view']);
  });

  it('gives managers the agents’ tools plus the running of the line, no money or team', () => {
    expect(of('manager')).toEqual(
      [
        ...of('agent'),
        'broadcast.send',
        'conversations.manage',
        'products.edit',
        'quickreplies.edit',
        'settings.edit',
        'stats.view',
        'system.view',
        'users.ban',
      ].sort(),
    );
  });

  it('gives owners everything', () => {
    expect(of('owner')).toEqual([...all].sort());
  });

  it('gives nobody without a role anything', () => {
    expect(all.filter((p) => roleCan(null, p))).toEqual([]);
  });
});

/**
 * Who may do what, in one table. Roles are cumulative: a manager can do what an agent can, an owner
 * what a manager can. Owners come from `ADMIN_USER_IDS` and from a stored `owner` role.
 */
export const ROLES = ['agent', 'manager', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Answer fans in their topics. */
  'relay.reply': 'agent',
  /** Private notes about a fan. */
  notes: 'agent',
  'quickreplies.use': 'agent',
  /** A fan's profile and activity, without revenue figures. */
  'users.view': 'agent',
  'users.ban': 'manager',
  /** Close, reopen, prioritise, pin and assign conversations. */
  'conversations.manage': 'manager',
  'products.edit': 'manager',
  'settings.edit': 'manager',
  /** The settings that move money (new-fan bonus, store currency, auto-recharge cap, card and auto-recharge switches). */
  'settings.money': 'owner',
  'broadcast.send': 'manager',
  /** Revenue and the other figures. */
  'stats.view': 'manager',
  /** The System screen: health, version, queues. */
  'system.view': 'manager',
  'quickreplies.edit': 'manager',
  /** Credits up or down by hand. */
  'users.adjust': 'owner',
  /** Gifts of credits and passes, one fan or many. */
  'gifts.send': 'owner',
  /** Refunds, and the alerts about money (disputes, refunds, failed payments). */
  'payments.refund': 'owner',
  'data.export': 'owner',
  'team.manage': 'owner',
  'accounts.reset': 'owner',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

const RANK: Record<Role, number> = { agent: 1, manager: 2, owner: 3 };

/** Whether `role` holds `permission` (pure; the Access port adds who holds which role). */
export function roleCan(role: Role | null, permission: Permission): boolean {
  return role !== null && RANK[role] >= RANK[PERMISSIONS[permission]];
}

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

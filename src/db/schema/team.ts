import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/access/index.ts';

/** Team members stored in the database (owners also come from ADMIN_USER_IDS): role, who added them, when. */
export const teamMembers = pgTable(
  'team_members',
  {
    userId: bigint('user_id', { mode: 'number' }).primaryKey(),
    role: text('role', { enum: ROLES }).notNull(),
    addedBy: bigint('added_by', { mode: 'number' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('team_members_role_valid', sql`${t.role} in ('agent', 'manager', 'owner')`)],
);

import { ADMIN_GROUP_ID } from './config.ts';
import type { ServiceStack } from './services.ts';

/**
 * A fan's conversation as the relay leaves it: an account, a topic (`thread`) in the admin group, their
 * messages (`fanAt`) and, when given, an admin's answer (`answeredAt`), through the same repository calls
 * the relay makes; then the team's flags.
 */
export async function seedConversation(
  s: ServiceStack,
  o: {
    id: number;
    name: string;
    thread: number;
    fanAt?: Date[];
    answeredAt?: Date;
    adminId?: number;
    closed?: boolean;
    priority?: boolean;
    pinned?: boolean;
    assignee?: number;
  },
): Promise<void> {
  await s.ensureFan(o.id, { firstName: o.name });
  const r = s.uow.repos;
  await r.topics.reserve(o.id, ADMIN_GROUP_ID, o.name);
  await r.topics.setThread(o.id, o.thread, o.name);
  for (const at of o.fanAt ?? []) await r.topics.noteFanMessage(o.id, at);
  if (o.answeredAt) await r.topics.noteAdminMessage(o.id, o.answeredAt, o.adminId ?? null);
  if (o.closed) await r.topics.setStatus(o.id, 'closed');
  await s.uow.run(async (tx) => {
    await tx.conversations.flagsForUpdate(o.id);
    const now = s.clock.now();
    if (o.priority) await tx.conversations.setFlag(o.id, 'priority', true, now);
    if (o.pinned) await tx.conversations.setFlag(o.id, 'pinned', true, now);
    if (o.assignee) await tx.conversations.setAssignee(o.id, { assigneeId: o.assignee, by: 0 }, now);
  });
}

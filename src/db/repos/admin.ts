import { and, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { AdminRepo, InboxRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import {
  adminInbox,
  auditLog,
  ledgerEntries,
  messageLinks,
  supportRequests,
  userNotes,
} from '../schema/index.ts';

export function adminRepo(db: DbOrTx): AdminRepo {
  return {
    async audit(e) {
      await db
        .insert(auditLog)
        .values({ actorId: e.actorId, userId: e.userId, action: e.action, details: e.details ?? {} });
    },
    async recentAudits(actions, limit) {
      if (actions.length === 0) return [];
      return db
        .select({
          actorId: auditLog.actorId,
          userId: auditLog.userId,
          action: auditLog.action,
          details: auditLog.details,
          createdAt: auditLog.createdAt,
        })
        .from(auditLog)
        .where(inArray(auditLog.action, [...actions]))
        .orderBy(desc(auditLog.id))
        .limit(limit);
    },
    async addNote(userId, authorId, text) {
      await db.insert(userNotes).values({ userId, authorId, text });
    },
    async addSupportRequest(userId, messageId, at) {
      await db.insert(supportRequests).values({ userId, messageId, createdAt: at });
    },
    async supportRequestsSince(userId, since) {
      const [row] = await db
        .select({ n: count() })
        .from(supportRequests)
        .where(and(eq(supportRequests.userId, userId), gte(supportRequests.createdAt, since)));
      return row?.n ?? 0;
    },
    async notes(userId, limit) {
      return db
        .select({ text: userNotes.text, authorId: userNotes.authorId, createdAt: userNotes.createdAt })
        .from(userNotes)
        .where(eq(userNotes.userId, userId))
        .orderBy(desc(userNotes.id))
        .limit(limit);
    },
    async stats(userId) {
      const [links] = await db
        .select({
          messagesIn: sql<number>`count(*) filter (where ${messageLinks.direction} = 'in')::int`,
          messagesOut: sql<number>`count(*) filter (where ${messageLinks.direction} = 'out')::int`,
        })
        .from(messageLinks)
        .where(eq(messageLinks.userId, userId));
      const [payments] = await db
        .select({ n: count() })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.userId, userId),
            sql`${ledgerEntries.reason} in ('purchase', 'auto_recharge')`,
          ),
        );
      return {
        messagesIn: Number(links?.messagesIn ?? 0),
        messagesOut: Number(links?.messagesOut ?? 0),
        payments: payments?.n ?? 0,
      };
    },
  };
}

export function inboxRepo(db: DbOrTx): InboxRepo {
  return {
    async get(groupId) {
      const [row] = await db
        .select({
          messageId: adminInbox.messageId,
          renderedAt: adminInbox.renderedAt,
          lastText: adminInbox.lastText,
        })
        .from(adminInbox)
        .where(eq(adminInbox.groupId, groupId));
      return row ?? null;
    },
    async rendered(groupId, text, messageId) {
      await db
        .insert(adminInbox)
        .values({
          groupId,
          lastText: text,
          renderedAt: new Date(),
          ...(messageId !== undefined ? { messageId } : {}),
        })
        .onConflictDoUpdate({
          target: adminInbox.groupId,
          set: { lastText: text, renderedAt: new Date(), ...(messageId !== undefined ? { messageId } : {}) },
        });
    },
  };
}

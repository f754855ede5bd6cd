import type { Clock } from '../../domain/shared/index.ts';
import { topicName } from '../messages.ts';
import { lanes } from '../outbox/lanes.ts';
import type { Access, Repos, UnitOfWork } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { ownerAlerts } from '../system/notices.ts';
import { text } from '../texts.ts';

/**
 * `/privacy` → "Delete my data": what the bot keeps that says who a fan is or what they wrote is cleared;
 * what the books need (ledger entries, payments, unlocks, disputes) stays, under the numeric id only, so
 * every balance still adds up. The owners are told.
 */

export interface PrivacyDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  renderTimings?: RenderTimings;
}

/** One place a fan's personal data lives, and how to clear it there (inside the deletion's transaction). */
export interface FanDataStore {
  /** Its name in the result, the audit row and the owners' notice. */
  name: string;
  /** Clears the fan's data in this store; returns how many rows it changed or removed. */
  erase(r: Repos, userId: number, at: Date): Promise<number>;
}

/**
 * Every store a deletion clears, in order. A new store of fan data (message text kept for search…) adds
 * one line here; nothing else changes.
 */
export const FAN_DATA_STORES: readonly FanDataStore[] = [
  /** Name and username (and they are not stored again from later updates). */
  { name: 'profile', erase: (r, id, at) => r.fanData.forgetProfile(id, at) },
  /** The team's private notes about the fan. */
  { name: 'notes', erase: (r, id) => r.fanData.deleteNotes(id) },
  /** Which message in the topic is which message of the fan's. */
  { name: 'message_links', erase: (r, id) => r.fanData.deleteLinks(id) },
  /** Finished sends whose payloads may quote the fan (payment-support texts, mirrored edits). */
  { name: 'sent_messages', erase: (r, id) => r.fanData.deleteFinishedSends(id) },
  /** Updates of theirs that failed and were kept for a human (the raw update holds the message). */
  { name: 'failed_updates', erase: (r, id) => r.fanData.deleteFailedUpdates(id) },
];

export type ForgetFanResult =
  | { ok: true; status: 'erased'; cleared: Record<string, number> }
  /** This confirmation was carried out already (a double tap): nothing more happened. */
  | { ok: true; status: 'already' }
  | { ok: false; code: 'unknown_fan' };

/**
 * Deletes the fan's personal data in one transaction: every store of {@link FAN_DATA_STORES}, their
 * topic renamed to `👤 Fan · <id>` and its card re-rendered, an audit row, and a notice to each owner.
 * `key` names the confirmation (its message), so a repeat changes nothing twice.
 */
export async function forgetFan(
  deps: PrivacyDeps & { stores?: readonly FanDataStore[] },
  a: { userId: number; key: string },
): Promise<ForgetFanResult> {
  const stores = deps.stores ?? FAN_DATA_STORES;
  const res = await deps.uow.run(async (r): Promise<ForgetFanResult> => {
    const user = await r.users.getForUpdate(a.userId);
    if (!user) return { ok: false, code: 'unknown_fan' };
    if (!(await r.once.claim(`privacy:erase:${a.userId}:${a.key}`))) return { ok: true, status: 'already' };
    const now = deps.clock.now();
    const cleared: Record<string, number> = {};
    for (const store of stores) cleared[store.name] = await store.erase(r, a.userId, now);
    await renameTopic(r, a.userId, a.key);
    await scheduleCardRender(r, a.userId, now, deps.renderTimings);
    await r.admin.audit({ actorId: a.userId, userId: a.userId, action: 'privacy_erase', details: cleared });
    const owners = await deps.access.holders('team.manage', r);
    await r.outbox.enqueue(
      ownerAlerts(
        owners,
        `privacy-erased:${a.userId}:${a.key}`,
        text('privacy-admin-erased', {
          id: String(a.userId),
          notes: cleared.notes ?? 0,
          links: cleared.message_links ?? 0,
        }),
      ),
    );
    return { ok: true, status: 'erased', cleared };
  });
  return res;
}

/** The topic's name carried the fan's name: it becomes `👤 Fan · <id>`. */
async function renameTopic(r: Repos, userId: number, key: string): Promise<void> {
  const topic = await r.topics.get(userId);
  if (!topic || topic.threadId === null) return;
  const name = topicName({ id: userId, firstName: '', lastName: null, username: null });
  if (name === topic.name) return;
  await r.outbox.enqueue([
    {
      lane: lanes.topic(userId),
      chatId: topic.groupId,
      sortKey: 0,
      idempotencyKey: `topic.rename:privacy:${userId}:${key}`,
      payload: {
        kind: 'call',
        method: 'editForumTopic',
        params: { chat_id: topic.groupId, name },
        toTopicOf: userId,
        okErrors: ['TOPIC_NOT_MODIFIED'],
        effect: { type: 'topic.renamed', userId, name },
      },
    },
  ]);
}

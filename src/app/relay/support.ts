import type { Clock } from '../../domain/shared/index.ts';
import { text } from '../texts.ts';
import { fanNotice, ownerAlerts } from '../system/notices.ts';
import type { UnitOfWork, User } from '../ports/index.ts';
import type { RenderTimings } from './refresh.ts';
import { prepareTopic } from './relay.ts';
import type { AdminGroupList } from '../admin/groups.ts';
import { lanes } from '../outbox/lanes.ts';

/**
 * Payment support (`/paysupport`): Telegram expects a bot that sells for Stars to answer it, and a fan
 * with a payment problem must reach the creator even with no credits left. `/paysupport <text>`, or the
 * fan's next message after a bare `/paysupport`, is relayed into their topic free of charge, marked 💳,
 * at most `SUPPORT_PER_DAY` a day. Before the admin group is set, the owners get it privately.
 */

export interface SupportDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** The admin groups now (configured and set up). */
  adminGroups: AdminGroupList;
  adminUserIds: number[];
  renderTimings?: RenderTimings;
}

export const SUPPORT_PER_DAY = 3;
/** A bare `/paysupport` waits this long for the fan's message. */
export const SUPPORT_WAIT_MS = 15 * 60_000;

/** Whether the fan's next message is the support message a bare `/paysupport` asked for. */
export const awaitsSupport = (user: Pick<User, 'supportRequestedAt'> | null, now: Date): boolean =>
  user?.supportRequestedAt != null && now.getTime() - user.supportRequestedAt.getTime() < SUPPORT_WAIT_MS;

export type SupportResult =
  | { ok: true; status: 'waiting' | 'sent' }
  | { ok: false; code: 'limit'; perDay: number }
  | { ok: false; code: 'unknown_fan' };

/** A bare `/paysupport`: the fan's next message goes to the team (if today's allowance is not used up). */
export async function awaitSupportMessage(deps: SupportDeps, userId: number): Promise<SupportResult> {
  const now = deps.clock.now();
  const used = await deps.uow.repos.admin.supportRequestsSince(userId, new Date(now.getTime() - 86_400_000));
  if (used >= SUPPORT_PER_DAY) return { ok: false, code: 'limit', perDay: SUPPORT_PER_DAY };
  await deps.uow.repos.users.setSupportRequested(userId, now);
  return { ok: true, status: 'waiting' };
}

/**
 * The fan's message after a bare `/paysupport` (within the wait): relayed as support. Null when no
 * support message is awaited (the caller relays it as usual, paid).
 */
export async function takeAwaitedSupportMessage(
  deps: SupportDeps,
  m: { userId: number; chatId: number; messageId: number; text?: string; caption?: string },
  user: Pick<User, 'supportRequestedAt'> | null,
): Promise<SupportResult | null> {
  if (!awaitsSupport(user, deps.clock.now())) return null;
  return sendSupportMessage(deps, m);
}

/**
 * Relays one payment-support message free of charge: into the fan's topic (created if needed, like a
 * first message), or to the owners privately before the admin group is set. `text` is the fan's text
 * (of `/paysupport <text>` or the next message); `caption` a medium's caption.
 */
export async function sendSupportMessage(
  deps: SupportDeps,
  m: { userId: number; chatId: number; messageId: number; text?: string; caption?: string },
): Promise<SupportResult> {
  const now = deps.clock.now();
  const res = await deps.uow.run(async (r): Promise<SupportResult> => {
    const user = await r.users.getForUpdate(m.userId);
    if (!user) return { ok: false, code: 'unknown_fan' };
    if (user.supportRequestedAt) await r.users.setSupportRequested(user.id, null);
    const used = await r.admin.supportRequestsSince(user.id, new Date(now.getTime() - 86_400_000));
    if (used >= SUPPORT_PER_DAY) return { ok: false, code: 'limit', perDay: SUPPORT_PER_DAY };
    await r.admin.addSupportRequest(user.id, m.messageId, now);
    const key = `${m.chatId}:${m.messageId}`;
    if ((await deps.adminGroups(r)).length === 0) {
      const from = {
        name: user.firstName,
        handle: user.username ? ` (@${user.username})` : '',
        id: String(user.id),
      };
      const body = m.text ?? m.caption;
      await r.outbox.enqueue(
        ownerAlerts(
          deps.adminUserIds,
          `support:${key}`,
          body ? text('relay-support-alert', { ...from, body }) : text('relay-support-alert-no-text', from),
        ),
      );
    } else {
      const { groupId } = await prepareTopic(r, deps, user, key);
      await r.outbox.enqueue([
        {
          lane: lanes.topic(user.id),
          chatId: groupId,
          sortKey: m.messageId,
          idempotencyKey: `relay.in:${key}`,
          payload: {
            kind: 'relay.in',
            userId: user.id,
            fromChatId: m.chatId,
            messageId: m.messageId,
            cost: 0,
            mode: 'copy',
            support: m.text !== undefined ? { text: m.text } : { caption: m.caption ?? '' },
          },
        },
      ]);
    }
    await r.outbox.enqueue([
      fanNotice(
        user.id,
        `support-receipt:${key}`,
        text('relay-support-sent', { left: SUPPORT_PER_DAY - used - 1 }),
        { replyTo: m.messageId },
      ),
    ]);
    return { ok: true, status: 'sent' };
  });
  return res;
}

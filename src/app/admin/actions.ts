import { formatDuration, passRemaining } from '../../domain/entitlement/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { bannedText, giftNotice, infoViewText } from '../messages.ts';
import type { Access, Permission, Repos, UnitOfWork } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { fanNotice } from '../system/notices.ts';
import { extendUserPass } from '../billing/passes.ts';
import { lanes } from '../outbox/lanes.ts';

export interface AdminDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Who may do what: every action asks for the permission it needs. */
  access: Access;
  outboxSignal: { notify(): void };
  renderTimings?: RenderTimings;
}

/** The largest single gift: a typo must not mint a fortune. */
export const MAX_GIFT_CREDITS = 100_000;
export const MAX_GIFT_SECONDS = 365 * 86_400;

export type AdminResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: 'not_admin' | 'unknown_fan' | 'invalid_amount'; detail?: string };

const toFan = (r: Repos, userId: number, html: string, key: string) =>
  r.outbox.enqueue([fanNotice(userId, key, html)]);

/**
 * Runs an admin action: re-checks that the actor holds `permission` (a button can be pressed by anyone
 * in the group).
 */
async function act<T extends object>(
  deps: AdminDeps,
  permission: Permission,
  adminId: number,
  userId: number,
  fn: (r: Repos) => Promise<AdminResult<T>>,
): Promise<AdminResult<T>> {
  if (!(await deps.access.can(adminId, permission))) return { ok: false, code: 'not_admin' };
  const res = await deps.uow.run(async (r) => {
    if (!(await r.users.get(userId))) return { ok: false as const, code: 'unknown_fan' as const };
    return fn(r);
  });
  if (res.ok) deps.outboxSignal.notify();
  return res;
}

/**
 * One gift per key, whatever its kind: the key names the admin's `/gift` message or the gift menu (its
 * nonce), so a double tap, or a second button of the same menu, gifts nothing more. The mark is a
 * `once_marks` row written in the gift's transaction (never pruned: only `alert:` marks are).
 */
const claimGift = (r: Repos, key: string) => r.once.claim(`gift:${key}`);

/**
 * Credits as a gift: a `gift` ledger entry keyed by the admin's message or the gift menu's nonce (a
 * repeat returns `duplicate`), the fan told.
 */
export function giftCredits(
  deps: AdminDeps,
  a: { adminId: number; userId: number; credits: number; key: string },
) {
  return act<{ balance: number; duplicate: boolean }>(deps, 'gifts.send', a.adminId, a.userId, async (r) => {
    if (!Number.isSafeInteger(a.credits) || a.credits < 1 || a.credits > MAX_GIFT_CREDITS) {
      return { ok: false, code: 'invalid_amount', detail: `between 1 and ${MAX_GIFT_CREDITS} credits` };
    }
    if (!(await claimGift(r, a.key))) {
      const user = await r.users.get(a.userId);
      return { ok: true, balance: user!.creditBalance, duplicate: true };
    }
    const res = await r.ledger.apply({
      userId: a.userId,
      delta: a.credits,
      reason: 'gift',
      idempotencyKey: `gift:${a.key}`,
      actor: `admin:${a.adminId}`,
    });
    if (res.status !== 'applied')
      return { ok: true, balance: res.status === 'duplicate' ? res.entry.balanceAfter : 0, duplicate: true };
    await r.admin.audit({
      actorId: a.adminId,
      userId: a.userId,
      action: 'gift_credits',
      details: { credits: a.credits },
    });
    await toFan(
      r,
      a.userId,
      giftNotice('credits', `${a.credits} credits`, res.entry.balanceAfter),
      `gift-notice:${a.key}`,
    );
    await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
    return { ok: true, balance: res.entry.balanceAfter, duplicate: false };
  });
}

/** A time pass as a gift (keyed like `giftCredits`): extends the current pass, audited, the fan told. */
export function giftPass(
  deps: AdminDeps,
  a: { adminId: number; userId: number; seconds: number; key: string },
) {
  return act<{ until: Date; duplicate: boolean }>(deps, 'gifts.send', a.adminId, a.userId, async (r) => {
    if (!Number.isSafeInteger(a.seconds) || a.seconds < 60 || a.seconds > MAX_GIFT_SECONDS) {
      return { ok: false, code: 'invalid_amount', detail: 'between 1 minute and 365 days' };
    }
    if (!(await claimGift(r, a.key))) {
      const user = await r.users.get(a.userId);
      return { ok: true, until: user!.timePassUntil ?? deps.clock.now(), duplicate: true };
    }
    const until = await extendUserPass(r, deps.clock, a.userId, a.seconds);
    const user = (await r.users.get(a.userId))!;
    await r.admin.audit({
      actorId: a.adminId,
      userId: a.userId,
      action: 'gift_pass',
      details: { seconds: a.seconds, until },
    });
    await toFan(
      r,
      a.userId,
      giftNotice('pass', formatDuration(a.seconds * 1000), user.creditBalance),
      `gift-notice:${a.key}`,
    );
    await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
    return { ok: true, until, duplicate: false };
  });
}

export function setBan(
  deps: AdminDeps,
  a: { adminId: number; userId: number; banned: boolean; key: string },
) {
  return act<{ changed: boolean }>(deps, 'users.ban', a.adminId, a.userId, async (r) => {
    const user = (await r.users.getForUpdate(a.userId))!;
    if (user.isBanned === a.banned) return { ok: true, changed: false };
    await r.users.setBanned(a.userId, a.banned);
    await r.admin.audit({ actorId: a.adminId, userId: a.userId, action: a.banned ? 'ban' : 'unban' });
    const html = a.banned ? bannedText : '✅ You can send messages here again.';
    await toFan(r, a.userId, html, `ban-notice:${a.key}`);
    // The card's button flips between Ban and Unban: render it (throttled like any card change).
    await scheduleCardRender(r, a.userId, deps.clock.now(), deps.renderTimings);
    return { ok: true, changed: true };
  });
}

export function addNote(deps: AdminDeps, a: { adminId: number; userId: number; text: string }) {
  return act<object>(deps, 'notes', a.adminId, a.userId, async (r): Promise<AdminResult> => {
    const text = a.text.trim();
    if (text.length === 0 || text.length > 1000)
      return { ok: false, code: 'invalid_amount', detail: 'a note of 1 to 1000 characters' };
    await r.admin.addNote(a.userId, a.adminId, text);
    await r.admin.audit({ actorId: a.adminId, userId: a.userId, action: 'note' });
    return { ok: true };
  });
}

/** Closes or reopens the fan's topic (the fan's next message reopens a closed one by itself). */
export function setTopicOpen(
  deps: AdminDeps,
  a: { adminId: number; userId: number; open: boolean; key: string },
) {
  return act<object>(deps, 'conversations.manage', a.adminId, a.userId, async (r): Promise<AdminResult> => {
    const topic = await r.topics.get(a.userId);
    if (!topic || topic.threadId === null) return { ok: false, code: 'unknown_fan', detail: 'no topic' };
    await r.topics.setStatus(a.userId, a.open ? 'open' : 'closed');
    await r.admin.audit({ actorId: a.adminId, userId: a.userId, action: a.open ? 'reopen' : 'close' });
    await r.outbox.enqueue([
      {
        lane: lanes.topic(a.userId),
        chatId: topic.groupId,
        sortKey: 0,
        idempotencyKey: `topic-${a.open ? 'reopen' : 'close'}:${a.key}`,
        payload: {
          kind: 'call',
          method: a.open ? 'reopenForumTopic' : 'closeForumTopic',
          params: { chat_id: topic.groupId, message_thread_id: topic.threadId },
          okErrors: ['TOPIC_NOT_MODIFIED', 'not modified'],
        },
      },
    ]);
    return { ok: true };
  });
}

/** Everything an admin may want to know about a fan (the Info button and /info). */
export async function fanInfo(
  deps: AdminDeps,
  a: { adminId: number; userId: number },
): Promise<AdminResult<{ html: string }>> {
  if (!(await deps.access.can(a.adminId, 'users.view'))) return { ok: false, code: 'not_admin' };
  const { repos } = deps.uow;
  const user = await repos.users.get(a.userId);
  if (!user) return { ok: false, code: 'unknown_fan' };
  const [totals, stats, notes, payments] = await Promise.all([
    repos.ledger.totals(a.userId),
    repos.admin.stats(a.userId),
    repos.admin.notes(a.userId, 5),
    repos.payments.recent(a.userId, 5),
  ]);
  const html = infoViewText({
    user,
    ...totals,
    passLeftMs: passRemaining(user.timePassUntil, deps.clock),
    stats,
    notes,
    payments,
  });
  return { ok: true, html };
}

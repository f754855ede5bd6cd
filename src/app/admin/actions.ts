import { passRemaining } from '../../domain/entitlement/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { text } from '../texts.ts';
import type { Access, FanTopic, Permission, Repos, TextRef, UnitOfWork, User } from '../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../relay/refresh.ts';
import { fanNotice } from '../system/notices.ts';
import { extendUserPass } from '../billing/passes.ts';
import { lanes } from '../outbox/lanes.ts';

export interface AdminDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Who may do what: every action asks for the permission it needs. */
  access: Access;
  renderTimings?: RenderTimings;
}

/** The largest single gift: a typo must not mint a fortune. */
export const MAX_GIFT_CREDITS = 100_000;
export const MAX_GIFT_SECONDS = 365 * 86_400;

export type AdminResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: 'not_admin' | 'unknown_fan' | 'invalid_amount'; detail?: string };

const toFan = (r: Repos, userId: number, content: TextRef | string, key: string) =>
  r.outbox.enqueue([fanNotice(userId, key, content)]);

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
      text('gifts-credits', { credits: a.credits, balance: res.entry.balanceAfter }),
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
    await r.admin.audit({
      actorId: a.adminId,
      userId: a.userId,
      action: 'gift_pass',
      details: { seconds: a.seconds, until },
    });
    await toFan(
      r,
      a.userId,
      text('gifts-pass', { duration: { duration: a.seconds * 1000 } }),
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
    await toFan(r, a.userId, text(a.banned ? 'relay-banned' : 'relay-unbanned'), `ban-notice:${a.key}`);
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

/** A fan as the team sees them: the data of `/info` and the card's Info button (the bot renders it). */
export interface FanInfo {
  user: Pick<
    User,
    'id' | 'firstName' | 'lastName' | 'username' | 'isBanned' | 'blockedBot' | 'createdAt' | 'lastSeenAt'
  >;
  tier: string;
  balance: number;
  /** The time pass, while one runs. */
  pass: { until: Date; leftMs: number } | null;
  /** Their topic in the admin group (null before the first message). */
  topic: { groupId: number; threadId: number | null; status: FanTopic['status'] } | null;
  messages: { fromFan: number; answers: number };
  /** Revenue figures, only for those who may see them (`stats.view`); null otherwise. */
  spend: { payments: number; purchased: number; spent: number } | null;
  /** Recent payments, newest first (their ids are what `/refund <id>` takes); null like `spend`. */
  recentPayments: Array<{
    id: number;
    productTitle: string;
    rail: 'stars' | 'stripe';
    /** Stars, or minor units of `currency` for a card. */
    amount: number;
    currency: string;
    status: string;
    createdAt: Date;
  }> | null;
  /** The latest notes, newest first. */
  notes: Array<{ text: string; authorId: number; createdAt: Date }>;
}

/** Everything the team may want to know about a fan (the Info button and /info): `users.view`. */
export async function fanInfo(
  deps: AdminDeps,
  a: { adminId: number; userId: number },
): Promise<AdminResult<{ info: FanInfo }>> {
  if (!(await deps.access.can(a.adminId, 'users.view'))) return { ok: false, code: 'not_admin' };
  const { repos } = deps.uow;
  const user = await repos.users.get(a.userId);
  if (!user) return { ok: false, code: 'unknown_fan' };
  const revenue = await deps.access.can(a.adminId, 'stats.view');
  const [totals, stats, notes, payments, topic] = await Promise.all([
    repos.ledger.totals(a.userId),
    repos.admin.stats(a.userId),
    repos.admin.notes(a.userId, 5),
    revenue ? repos.payments.recent(a.userId, 5) : [],
    repos.topics.get(a.userId),
  ]);
  const leftMs = passRemaining(user.timePassUntil, deps.clock);
  const info: FanInfo = {
    user,
    tier: user.tier,
    balance: user.creditBalance,
    pass: user.timePassUntil && leftMs > 0 ? { until: user.timePassUntil, leftMs } : null,
    topic: topic && { groupId: topic.groupId, threadId: topic.threadId, status: topic.status },
    messages: { fromFan: stats.messagesIn, answers: stats.messagesOut },
    spend: revenue ? { payments: stats.payments, purchased: totals.purchased, spent: totals.spent } : null,
    recentPayments: revenue
      ? payments.map((p) => ({
          id: p.id,
          productTitle: p.productTitle,
          rail: p.rail,
          amount: p.amount,
          currency: p.currency,
          status: p.status,
          createdAt: p.createdAt,
        }))
      : null,
    notes,
  };
  return { ok: true, info };
}

import type { Clock } from '../../../domain/shared/index.ts';
import { topicLink } from '../../messages.ts';
import { lanes } from '../../outbox/lanes.ts';
import type {
  Access,
  ConversationList,
  ConversationRow,
  Repos,
  ResponseTimes,
  UnitOfWork,
  User,
} from '../../ports/index.ts';
import { scheduleCardRender, type RenderTimings } from '../../relay/refresh.ts';
import { text } from '../../texts.ts';
import { setTopicOpen } from '../actions.ts';

export interface ConversationsDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  renderTimings?: RenderTimings;
}

const DAY_MS = 86_400_000;
/** A list page. */
export const CONVERSATIONS_PAGE = 8;
/** The assignment picker shows at most this many members (a team is small; Telegram allows 100 buttons). */
export const MAX_ASSIGNABLE = 40;

type Refused = { ok: false; code: 'not_allowed' | 'unknown' };
const NOT_ALLOWED: Refused = { ok: false, code: 'not_allowed' };
const UNKNOWN: Refused = { ok: false, code: 'unknown' };

/** A person as the team reads them: their name on Telegram, else null (shown by id). */
const nameOf = (u: Pick<User, 'firstName' | 'lastName'> | null): string | null =>
  u ? [u.firstName, u.lastName].filter(Boolean).join(' ') || null : null;

/** Viewing: whoever answers fans or may look at them (agents and up). */
async function canView(deps: ConversationsDeps, actorId: number): Promise<boolean> {
  return (await deps.access.can(actorId, 'users.view')) || deps.access.can(actorId, 'relay.reply');
}

async function namesOf(repos: Repos, ids: Array<number | null>): Promise<Record<number, string | null>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  const users = await Promise.all(unique.map((id) => repos.users.get(id)));
  return Object.fromEntries(unique.map((id, i) => [id, nameOf(users[i] ?? null)]));
}

export interface ConversationView {
  conversation: ConversationRow;
  tier: string;
  balance: number;
  /** Null: nobody; `name` null when the member never wrote to the bot. */
  assignee: { id: number; name: string | null } | null;
  link: string;
}

/** The Conversations screens: lists, one conversation, its flags, assignment and first-response times. */
export function createConversationServices(deps: ConversationsDeps) {
  const { repos } = deps.uow;

  /** Runs a change for a manager on a fan who has a conversation, under the flags' row lock. */
  async function manage<T extends object>(
    actorId: number,
    fanId: number,
    fn: (r: Repos, now: Date) => Promise<({ ok: true } & T) | Refused>,
  ): Promise<({ ok: true } & T) | Refused> {
    if (!(await deps.access.can(actorId, 'conversations.manage'))) return NOT_ALLOWED;
    const res = await deps.uow.run(async (r) => {
      if (!(await r.conversations.get(fanId))) return UNKNOWN;
      return fn(r, deps.clock.now());
    });
    return res;
  }

  return {
    /** The main screen: how many each list holds, and first-response p50/p90 over 7 and 30 days. */
    async overview(actorId: number) {
      if (!(await canView(deps, actorId))) return NOT_ALLOWED;
      const now = deps.clock.now();
      const [counts, times, canManage] = await Promise.all([
        repos.conversations.counts(actorId),
        firstResponseTimes(repos, now),
        deps.access.can(actorId, 'conversations.manage'),
      ]);
      return { ok: true as const, counts, responseTimes: times, canManage, at: now };
    },

    /** One page of a list (0-based; a page past the end shows the last one). */
    async list(actorId: number, list: ConversationList, page: number) {
      if (!(await canView(deps, actorId))) return NOT_ALLOWED;
      let p = Math.max(0, page);
      let res = await repos.conversations.list(list, {
        actorId,
        offset: p * CONVERSATIONS_PAGE,
        limit: CONVERSATIONS_PAGE,
      });
      const pages = Math.max(1, Math.ceil(res.total / CONVERSATIONS_PAGE));
      if (p > pages - 1) {
        p = pages - 1;
        res = await repos.conversations.list(list, {
          actorId,
          offset: p * CONVERSATIONS_PAGE,
          limit: CONVERSATIONS_PAGE,
        });
      }
      const names = await namesOf(
        repos,
        res.rows.map((r) => r.assigneeId),
      );
      return {
        ok: true as const,
        rows: res.rows.map((r) => ({ ...r, link: topicLink(r.groupId, r.threadId) })),
        names,
        total: res.total,
        page: p,
        pages,
        at: deps.clock.now(),
      };
    },

    /** One conversation: the fan, their tier and balance, the wait, the assignee and the flags. */
    async view(actorId: number, fanId: number) {
      if (!(await canView(deps, actorId))) return NOT_ALLOWED;
      const [conversation, user] = await Promise.all([
        repos.conversations.get(fanId),
        repos.users.get(fanId),
      ]);
      if (!conversation || !user) return UNKNOWN;
      const assigneeId = conversation.assigneeId;
      const view: ConversationView = {
        conversation,
        tier: user.tier,
        balance: user.creditBalance,
        assignee:
          assigneeId === null
            ? null
            : { id: assigneeId, name: (await namesOf(repos, [assigneeId]))[assigneeId] ?? null },
        link: topicLink(conversation.groupId, conversation.threadId),
      };
      return {
        ok: true as const,
        view,
        canManage: await deps.access.can(actorId, 'conversations.manage'),
        at: deps.clock.now(),
      };
    },

    /** Marks or unmarks priority, pins or unpins (a flag of the bot's); audited when it changes. */
    setFlag(actorId: number, fanId: number, flag: 'priority' | 'pinned', value: boolean) {
      return manage<{ changed: boolean }>(actorId, fanId, async (r, now) => {
        const flags = await r.conversations.flagsForUpdate(fanId);
        if (flags[flag] === value) return { ok: true, changed: false };
        await r.conversations.setFlag(fanId, flag, value, now);
        await r.admin.audit({
          actorId,
          userId: fanId,
          action: flag === 'priority' ? 'conversation_priority' : 'conversation_pin',
          details: { value },
        });
        return { ok: true, changed: true };
      });
    },

    /**
     * Closes or reopens the fan's topic through the existing use case (which audits and queues the topic
     * call); a conversation already so is left alone.
     */
    async setOpen(actorId: number, fanId: number, open: boolean, key: string) {
      if (!(await deps.access.can(actorId, 'conversations.manage'))) return NOT_ALLOWED;
      const conversation = await repos.conversations.get(fanId);
      if (!conversation) return UNKNOWN;
      if ((conversation.status !== 'closed') === open) return { ok: true as const, changed: false };
      const res = await setTopicOpen(deps, { adminId: actorId, userId: fanId, open, key: `hub:${key}` });
      if (!res.ok) return res.code === 'not_admin' ? NOT_ALLOWED : UNKNOWN;
      return { ok: true as const, changed: true };
    },

    /** Who a conversation can be assigned to: the team members who can reply, with their names. */
    async assignable(actorId: number) {
      if (!(await deps.access.can(actorId, 'conversations.manage'))) return NOT_ALLOWED;
      const ids = (await deps.access.holders('relay.reply')).slice(0, MAX_ASSIGNABLE);
      const names = await namesOf(repos, ids);
      return { ok: true as const, members: ids.map((id) => ({ id, name: names[id] ?? null })) };
    },

    /**
     * Assigns the conversation to a member who can reply (null: unassigns). On a change: audited, the
     * fan's card re-rendered (throttled) to show it, and the new assignee told privately, once.
     */
    async assign(actorId: number, fanId: number, assigneeId: number | null) {
      if (assigneeId !== null && !(await deps.access.can(assigneeId, 'relay.reply')))
        return (await deps.access.can(actorId, 'conversations.manage'))
          ? { ok: false as const, code: 'not_assignable' as const }
          : NOT_ALLOWED;
      const names = await namesOf(repos, [actorId, fanId]);
      return manage<{ changed: boolean }>(actorId, fanId, async (r, now) => {
        const flags = await r.conversations.flagsForUpdate(fanId);
        if (flags.assigneeId === assigneeId) return { ok: true, changed: false };
        await r.conversations.setAssignee(fanId, { assigneeId, by: actorId }, now);
        await r.admin.audit({
          actorId,
          userId: fanId,
          action: assigneeId === null ? 'conversation_unassign' : 'conversation_assign',
          details: { assigneeId, previous: flags.assigneeId },
        });
        await scheduleCardRender(r, fanId, now, deps.renderTimings);
        if (assigneeId !== null && assigneeId !== actorId) {
          const conversation = (await r.conversations.get(fanId))!;
          const link = topicLink(conversation.groupId, conversation.threadId);
          await r.outbox.enqueue([
            {
              lane: lanes.alert(assigneeId),
              chatId: assigneeId,
              sortKey: 0,
              idempotencyKey: `conversation-assigned:${fanId}:${assigneeId}:${now.getTime()}`,
              payload: {
                kind: 'notice',
                chatId: assigneeId,
                text: text('admin-conversations-assigned-notice', {
                  by: names[actorId] ?? String(actorId),
                  fan: names[fanId] ?? String(fanId),
                }),
                keyboard: [[{ text: text('admin-conversations-open-topic'), url: link }]],
              },
            },
          ]);
        }
        return { ok: true, changed: true };
      });
    },

    /** First-response p50/p90 over the last 7 and 30 days (the read model analytics reuses). */
    responseTimes: () => firstResponseTimes(repos, deps.clock.now()),
  };
}

/** p50/p90 of the first responses answered in the last 7 and 30 days, up to `now`. */
export async function firstResponseTimes(
  repos: Repos,
  now: Date,
): Promise<{ days7: ResponseTimes; days30: ResponseTimes }> {
  const [days7, days30] = await repos.conversations.responseTimes([
    { from: new Date(now.getTime() - 7 * DAY_MS), to: now },
    { from: new Date(now.getTime() - 30 * DAY_MS), to: now },
  ]);
  return { days7: days7!, days30: days30! };
}

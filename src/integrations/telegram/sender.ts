import { AsyncLocalStorage } from 'node:async_hooks';
import { GrammyError, type Api } from 'grammy';
import type { Message } from 'grammy/types';
import { passRemaining } from '../../domain/entitlement/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import * as delivery from '../../app/relay/delivery.ts';
import { inboxText, infoCardText, supportCaption, supportNoteText, topicName } from '../../app/messages.ts';
import { DEFAULT_RENDER_TIMINGS, type RenderTimings } from '../../app/relay/refresh.ts';
import { createCardKeyboard } from '../../bot/keyboards/admin.ts';
import type { OutboxPayload, Repos } from '../../app/ports/index.ts';
import type { Database } from '../../db/client.ts';
import { createRepos } from '../../db/repos/index.ts';
import { outboxStore, type ClaimedItem, type FloodBudgets } from '../../db/repos/outbox.ts';
import type { Logger } from '../../logger.ts';
import { classifySendError, type SendFailure } from './errors.ts';
import type { FloodGuard } from './flood-guard.ts';

export interface SenderOptions {
  budgets: FloodBudgets;
  /** Sends in flight at once (each in its own lane). */
  maxInFlight?: number;
  /** How long a claimed item is ours; after a crash another replica takes it over when it expires. */
  leaseMs?: number;
  /** Longest sleep when nothing is due (a local enqueue wakes the sender at once). */
  idlePollMs?: number;
  /** Transient failures before giving up on an item. */
  maxAttempts?: number;
  /** Card and inbox throttles (tests shorten them). */
  renderTimings?: RenderTimings;
}

export interface SenderDeps {
  database: Database;
  guard: FloodGuard;
  /** A plain grammY Api (no auto-retry: 429s are this sender's job). */
  api: Api;
  logger: Logger;
  clock: Clock;
  /**
   * How many new fan topics the admin group may get per minute (the `topic_creations_per_minute`
   * setting, read at most every few seconds); unset: no cap.
   */
  topicCreationsPerMinute?: () => Promise<number>;
}

/**
 * Telegram's limits with a safety margin: a send is booked when claimed and reaches Telegram a little
 * later, so windows are stretched by 10 % plus 50 ms. `scale` shrinks windows for tests.
 */
export function defaultBudgets(scale = 1, marginRatio = 0.1, marginMs = 50): FloodBudgets {
  const w = (ms: number) => Math.ceil((ms / scale) * (1 + marginRatio) + marginMs);
  return {
    private: { limit: 1, windowMs: w(1000) },
    group: { limit: 20, windowMs: w(60_000) },
    global: { limit: 30, windowMs: w(1000) },
  };
}

class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    readonly threadId: number | null,
    /** False only when the request may have reached Telegram unanswered (a network error). */
    readonly nothingPosted = true,
  ) {
    super(failure.type);
  }
}

/** What one item's sends did so far: its booked budget units that posted nothing are given back. */
interface Tally {
  posted: number;
  topicCreated: boolean;
}

type Payload<K extends OutboxPayload['kind']> = Extract<OutboxPayload, { kind: K }>;

/**
 * The one outbound sender: drains the outbox within the flood budgets, lane by lane in order, and
 * turns every Telegram answer into the item's next state in one transaction (so a repeat send can only
 * happen if the process dies between Telegram's answer and that commit).
 */
export function createOutboxSender(deps: SenderDeps, options: SenderOptions) {
  const store = outboxStore(deps.database.db);
  const log = deps.logger.child({ component: 'outbox' });
  const maxInFlight = options.maxInFlight ?? 8;
  const leaseMs = options.leaseMs ?? 30_000;
  const idlePollMs = options.idlePollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const timings = options.renderTimings ?? DEFAULT_RENDER_TIMINGS;
  const inFlight = new Map<number, { lane: string; done: Promise<void> }>();
  const tallies = new AsyncLocalStorage<Tally>();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;
  let signalled = false;

  const notify = () => {
    signalled = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signalled) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const inTx = <T>(
    fn: (r: Repos, tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<T>,
  ) => deps.database.db.transaction((tx) => fn(createRepos(tx), tx));

  /** One Telegram call to `chatId`: refused locally while a 429 for that chat is running. */
  async function call<T>(chatId: number, threadId: number | null, fn: () => Promise<T>): Promise<T> {
    return deps.guard.serial(chatId, async () => {
      const until = deps.guard.blockedUntil(chatId);
      if (until)
        throw new SendError(
          { type: 'retry_after', seconds: (until - deps.clock.now().getTime()) / 1000 },
          threadId,
        );
      try {
        const result = await fn();
        const tally = tallies.getStore();
        if (tally) tally.posted++;
        return result;
      } catch (err) {
        const failure = classifySendError(err, chatId < 0);
        // Known before the next request to this chat leaves (see FloodGuard.serial).
        if (failure.type === 'retry_after') await deps.guard.onRetryAfter(chatId, failure.seconds);
        // Telegram's refusal posts nothing; a request lost on the network may have.
        throw new SendError(failure, threadId, err instanceof GrammyError);
      }
    });
  }

  /** The fan's topic, creating what is missing first: topic → card → pin. Returns its thread id. */
  async function ensureTopic(groupId: number, userId: number): Promise<number> {
    const repos = createRepos(deps.database.db);
    let topic = await repos.topics.get(userId);
    const user = await repos.users.get(userId);
    if (!user) throw new SendError({ type: 'permanent', reason: 'unknown fan' }, null);
    if (!topic || topic.threadId === null) {
      const name = topicName(user);
      const created = await call(groupId, null, () => deps.api.createForumTopic(groupId, name));
      const tally = tallies.getStore();
      if (tally) tally.topicCreated = true;
      await repos.topics.reserve(userId, groupId, name);
      await repos.topics.setThread(userId, created.message_thread_id, name);
      topic = await repos.topics.get(userId);
    }
    const threadId = topic!.threadId!;
    if (topic!.cardMessageId === null) {
      const { spent } = await repos.ledger.totals(userId);
      const previous = topic!.previousThreadId ? { groupId, threadId: topic!.previousThreadId } : null;
      const html = infoCardText({
        user,
        spent,
        passLeftMs: passRemaining(user.timePassUntil, deps.clock),
        previous,
      });
      const card = await call(groupId, threadId, () =>
        deps.api.sendMessage(groupId, html, {
          message_thread_id: threadId,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: { inline_keyboard: createCardKeyboard(user) },
        }),
      );
      await repos.topics.setCard(userId, card.message_id);
      topic = { ...topic!, cardMessageId: card.message_id, cardPinned: false };
    }
    if (!topic!.cardPinned) {
      const cardId = topic!.cardMessageId!;
      try {
        await call(groupId, threadId, () =>
          deps.api.pinChatMessage(groupId, cardId, { disable_notification: true }),
        );
      } catch (err) {
        // A 429 must wait (the pin is retried with the relay); a missing right must not block the relay.
        if (err instanceof SendError && err.failure.type === 'retry_after') throw err;
        log.warn({ err, userId }, 'could not pin the info card');
      }
      await repos.topics.setCardPinned(userId);
    }
    return threadId;
  }

  /** A send into the fan's topic; a topic an admin closed is reopened once and the send repeated. */
  async function sendIntoTopic<T>(groupId: number, threadId: number, send: () => Promise<T>): Promise<T> {
    try {
      return await call(groupId, threadId, send);
    } catch (err) {
      if (!(err instanceof SendError) || err.failure.type !== 'topic_closed') throw err;
      await call(groupId, threadId, () => deps.api.reopenForumTopic(groupId, threadId));
      return call(groupId, threadId, send);
    }
  }

  /** The fan's message into their topic (created first if missing). */
  async function relayIn(item: ClaimedItem, p: Payload<'relay.in'>): Promise<void> {
    const groupId = item.chatId;
    const threadId = await ensureTopic(groupId, p.userId);
    const support = p.support;
    const send = (): Promise<{ message_id: number }> =>
      support && 'text' in support
        ? deps.api.sendMessage(groupId, supportNoteText(support.text), {
            message_thread_id: threadId,
            parse_mode: 'HTML',
          })
        : support
          ? deps.api.copyMessage(groupId, p.fromChatId, p.messageId, {
              message_thread_id: threadId,
              caption: supportCaption(support.caption),
            })
          : p.mode === 'forward'
            ? deps.api.forwardMessage(groupId, p.fromChatId, p.messageId, { message_thread_id: threadId })
            : deps.api.copyMessage(groupId, p.fromChatId, p.messageId, { message_thread_id: threadId });
    const sent = await sendIntoTopic(groupId, threadId, send);
    await inTx(async (r, tx) => {
      await store.complete(tx, item.id, deps.clock.now());
      await delivery.relayInDelivered(r, p, { groupId, threadId, groupMessageId: sent.message_id });
    });
  }

  /** A fan's album into their topic in one call: copyMessages keeps the items grouped as an album. */
  async function relayAlbum(item: ClaimedItem, p: Payload<'relay.album'>): Promise<void> {
    const groupId = item.chatId;
    const threadId = await ensureTopic(groupId, p.userId);
    const send = () =>
      p.mode === 'forward'
        ? deps.api.forwardMessages(groupId, p.fromChatId, p.messageIds, { message_thread_id: threadId })
        : deps.api.copyMessages(groupId, p.fromChatId, p.messageIds, { message_thread_id: threadId });
    const sent = await sendIntoTopic(groupId, threadId, send);
    await inTx(async (r, tx) => {
      await store.complete(tx, item.id, deps.clock.now());
      await delivery.relayAlbumDelivered(r, p, {
        groupId,
        threadId,
        groupMessageIds: sent.map((m) => m.message_id),
      });
    });
  }

  async function relayOut(item: ClaimedItem, p: Payload<'relay.out'>): Promise<void> {
    const user = await createRepos(deps.database.db).users.get(p.userId);
    if (user?.blockedBot) throw new SendError({ type: 'blocked', reason: 'the fan blocked the bot' }, null);
    const sent = await call(p.userId, null, () =>
      deps.api.copyMessage(p.userId, p.groupId, p.messageId, {
        ...(p.replyToFanMessageId
          ? { reply_parameters: { message_id: p.replyToFanMessageId, allow_sending_without_reply: true } }
          : {}),
      }),
    );
    await inTx(async (r, tx) => {
      await store.complete(tx, item.id, deps.clock.now());
      await delivery.relayOutDelivered(r, p, sent.message_id);
    });
  }

  async function notice(item: ClaimedItem, p: Payload<'notice'>): Promise<void> {
    const repos = createRepos(deps.database.db);
    let threadId = p.threadId ?? null;
    if (p.toTopicOf !== undefined) {
      threadId = (await repos.topics.get(p.toTopicOf))?.threadId ?? null;
      if (threadId === null) throw new SendError({ type: 'permanent', reason: 'the fan has no topic' }, null);
    }
    if (p.chatId > 0 && p.userId !== undefined && (await repos.users.get(p.userId))?.blockedBot) {
      throw new SendError({ type: 'blocked', reason: 'the fan blocked the bot' }, null);
    }
    await call(p.chatId, threadId, (): Promise<Message> =>
      deps.api.sendMessage(p.chatId, p.html, {
        parse_mode: 'HTML',
        ...(threadId ? { message_thread_id: threadId } : {}),
        ...(p.replyTo
          ? { reply_parameters: { message_id: p.replyTo, allow_sending_without_reply: true } }
          : {}),
        ...(p.keyboard ? { reply_markup: { inline_keyboard: p.keyboard } } : {}),
      }),
    );
    await store.complete(deps.database.db, item.id, deps.clock.now());
  }

  async function react(item: ClaimedItem, p: Payload<'react'>): Promise<void> {
    await call(p.chatId, null, () =>
      deps.api.setMessageReaction(p.chatId, p.messageId, [{ type: 'emoji', emoji: p.emoji as '👌' }]),
    );
    await store.complete(deps.database.db, item.id, deps.clock.now());
  }

  async function genericCall(item: ClaimedItem, p: Payload<'call'>): Promise<void> {
    const repos = createRepos(deps.database.db);
    const params: Record<string, unknown> = { ...p.params };
    let threadId: number | null = null;
    if (p.toTopicOf !== undefined) {
      threadId = (await repos.topics.get(p.toTopicOf))?.threadId ?? null;
      if (threadId === null) throw new SendError({ type: 'permanent', reason: 'the fan has no topic' }, null);
      params.message_thread_id = threadId;
    }
    if (p.userId !== undefined && item.chatId > 0 && (await repos.users.get(p.userId))?.blockedBot) {
      throw new SendError({ type: 'blocked', reason: 'the fan blocked the bot' }, null);
    }
    const raw = deps.api.raw as unknown as Record<string, (params: unknown) => Promise<unknown>>;
    const method = raw[p.method];
    if (typeof method !== 'function')
      throw new SendError({ type: 'permanent', reason: `unknown method ${p.method}` }, null);
    let result: unknown = null;
    try {
      result = await call(item.chatId, threadId, () => method(params));
    } catch (err) {
      const ok =
        err instanceof SendError &&
        err.failure.type === 'permanent' &&
        (p.okErrors ?? []).some((e) => (err.failure as { reason: string }).reason.includes(e));
      if (!ok) throw err;
    }
    await inTx(async (r, tx) => {
      await store.complete(tx, item.id, deps.clock.now());
      if (p.effect) await delivery.applyEffect(r, p.effect, result);
    });
  }

  /** Renders the card or the live inbox from current data; both are edits of one message. */
  async function render(item: ClaimedItem, p: Payload<'render'>): Promise<void> {
    const repos = createRepos(deps.database.db);
    const edit = async (
      messageId: number,
      html: string,
      keyboard?: ReturnType<typeof createCardKeyboard>,
    ) => {
      try {
        await call(p.groupId, null, () =>
          deps.api.editMessageText(p.groupId, messageId, html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
          }),
        );
        return true;
      } catch (err) {
        if (err instanceof SendError && err.failure.type === 'permanent') {
          if (err.failure.reason.includes('message is not modified')) return true;
          if (err.failure.reason.includes('message to edit not found')) return false;
        }
        throw err;
      }
    };
    const now = deps.clock.now();
    /** The interval is enforced here too: a render that comes too soon waits for its turn. */
    const tooSoon = async (last: Date | null | undefined, intervalMs: number) => {
      const due = (last?.getTime() ?? 0) + intervalMs;
      if (due <= now.getTime()) return false;
      await store.reschedule(deps.database.db, item.id, new Date(due), { countAttempt: false });
      return true;
    };
    if (p.target === 'card' && p.userId !== undefined) {
      const [topic, user] = await Promise.all([repos.topics.get(p.userId), repos.users.get(p.userId)]);
      if (await tooSoon(topic?.cardRenderedAt, timings.cardIntervalMs)) return;
      if (topic?.cardMessageId && topic.threadId !== null && user) {
        const { spent } = await repos.ledger.totals(p.userId);
        const previous = topic.previousThreadId
          ? { groupId: p.groupId, threadId: topic.previousThreadId }
          : null;
        const html = infoCardText({
          user,
          spent,
          passLeftMs: passRemaining(user.timePassUntil, deps.clock),
          previous,
        });
        await edit(topic.cardMessageId, html, createCardKeyboard(user));
      }
      await inTx(async (r, tx) => {
        await store.complete(tx, item.id, deps.clock.now());
        await r.topics.cardRendered(p.userId!);
      });
      return;
    }
    const state = await repos.inbox.get(p.groupId);
    if (await tooSoon(state?.renderedAt, timings.inboxIntervalMs)) return;
    const html = inboxText(p.groupId, await repos.topics.recent(p.groupId, 15), now);
    let messageId = state?.messageId ?? null;
    // Deleted by someone: post a new one (re-created, as the admin expects to find it).
    if (messageId !== null && !(await edit(messageId, html))) messageId = null;
    if (messageId === null) {
      const sent = await call(p.groupId, null, () =>
        deps.api.sendMessage(p.groupId, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        }),
      );
      messageId = sent.message_id;
    }
    await inTx(async (r, tx) => {
      await store.complete(tx, item.id, now);
      await r.inbox.rendered(p.groupId, html, messageId);
    });
  }

  async function fail(item: ClaimedItem, err: unknown, tally: Tally): Promise<void> {
    const f = err instanceof SendError ? err.failure : classifySendError(err, item.chatId < 0);
    const p = item.payload;
    const now = deps.clock.now();
    const lg = log.child({ item: item.id, lane: item.lane, kind: p.kind });
    if (err instanceof SendError && err.nothingPosted) {
      // Booked at claim time, never spent: a refused send must not eat the budget fans' messages need.
      await store
        .release(
          item.chatId,
          item.bookedAt,
          item.cost - Math.min(item.cost, tally.posted),
          item.topicSlot && !tally.topicCreated,
        )
        .catch((e: unknown) => lg.warn({ err: e }, 'could not give back the budget of a failed send'));
    }
    if (f.type === 'retry_after') {
      // Exactly retry_after, never earlier: the whole chat waits, and so does this item.
      const until = await deps.guard.onRetryAfter(item.chatId, f.seconds);
      lg.warn({ retryAfter: f.seconds, chatId: item.chatId }, 'flood limit: waiting retry_after');
      await store.reschedule(deps.database.db, item.id, until, {
        countAttempt: false,
        error: `429 retry after ${f.seconds}`,
      });
      return;
    }
    if (
      f.type === 'thread_lost' &&
      (p.kind === 'relay.in' || p.kind === 'relay.album') &&
      err instanceof SendError &&
      err.threadId !== null &&
      item.attempts < 5
    ) {
      lg.warn({ threadId: err.threadId }, 'topic gone: recreating it and sending again');
      await inTx(async (r, tx) => {
        await r.topics.markLost(p.userId, err.threadId!);
        await store.reschedule(tx, item.id, now, { countAttempt: true, error: 'message thread not found' });
      });
      return;
    }
    if (f.type === 'transient' && item.attempts + 1 < maxAttempts) {
      const delayMs = Math.min(300_000, 1000 * 2 ** item.attempts);
      lg.warn({ reason: f.reason, delayMs }, 'send failed: retrying');
      await store.reschedule(deps.database.db, item.id, new Date(now.getTime() + delayMs), {
        countAttempt: true,
        error: f.reason,
      });
      return;
    }
    const reason =
      f.type === 'blocked' || f.type === 'permanent' || f.type === 'transient'
        ? f.reason
        : f.type === 'thread_lost'
          ? "the fan's topic could not be recreated"
          : 'the topic is closed';
    lg.warn({ reason }, 'send failed for good');
    await inTx(async (r, tx) => {
      await store.kill(tx, item.id, reason, now);
      if (f.type === 'blocked' && 'userId' in p && p.userId !== undefined)
        await delivery.fanBlockedBot(r, p.userId, now);
      if (p.kind === 'relay.in') await delivery.relayInUndeliverable(r, p, reason);
      if (p.kind === 'relay.album') await delivery.relayAlbumUndeliverable(r, p, reason);
      if (p.kind === 'call' && p.effect?.type === 'album.out')
        await delivery.albumOutFailed(r, p.effect, reason);
      if (p.kind === 'relay.out') await delivery.relayOutFailed(r, p, reason);
    });
  }

  async function process(item: ClaimedItem): Promise<void> {
    const tally: Tally = { posted: 0, topicCreated: false };
    await tallies.run(tally, () => processItem(item, tally));
  }

  /** The flood budgets, with the new-topic cap (a minute, scaled like the group's window). */
  async function budgets(): Promise<FloodBudgets> {
    if (!deps.topicCreationsPerMinute) return options.budgets;
    const limit = await deps.topicCreationsPerMinute();
    return { ...options.budgets, topics: { limit, windowMs: options.budgets.group.windowMs } };
  }

  async function processItem(item: ClaimedItem, tally: Tally): Promise<void> {
    try {
      const p = item.payload;
      if (p.kind === 'relay.in') await relayIn(item, p);
      else if (p.kind === 'relay.album') await relayAlbum(item, p);
      else if (p.kind === 'relay.out') await relayOut(item, p);
      else if (p.kind === 'notice') await notice(item, p);
      else if (p.kind === 'call') await genericCall(item, p);
      else if (p.kind === 'render') await render(item, p);
      else await react(item, p);
    } catch (err) {
      try {
        await fail(item, err, tally);
      } catch (inner) {
        // The lease expires and the item is retried: nothing is lost, at worst sent twice.
        log.error({ err: inner, item: item.id }, 'could not record a failed send');
      }
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      signalled = false;
      let wakeAt: Date | null = null;
      let claimedAny = false;
      const free = maxInFlight - inFlight.size;
      if (free > 0) {
        try {
          const lanes = [...inFlight.values()].map((f) => f.lane);
          const claim = await store.claim({
            limit: free,
            now: deps.clock.now(),
            leaseMs,
            budgets: await budgets(),
            excludeLanes: lanes,
          });
          wakeAt = claim.wakeAt;
          for (const item of claim.items) {
            claimedAny = true;
            const done = process(item).finally(() => {
              inFlight.delete(item.id);
              notify();
            });
            inFlight.set(item.id, { lane: item.lane, done });
          }
        } catch (err) {
          if (!running) break;
          log.error({ err }, 'outbox claim failed');
          await sleep(1000);
          continue;
        }
      }
      if (claimedAny && inFlight.size < maxInFlight) continue;
      const until = wakeAt ? wakeAt.getTime() - deps.clock.now().getTime() : idlePollMs;
      await sleep(Math.max(5, Math.min(idlePollMs, until)));
    }
  }

  return {
    notify,
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    /** Stops claiming and waits for sends in flight to be recorded. */
    async stop() {
      running = false;
      notify();
      await loopDone;
      await Promise.allSettled([...inFlight.values()].map((f) => f.done));
    },
    pending: () => store.pendingCount(),
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;

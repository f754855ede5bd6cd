import * as delivery from '../../app/relay/delivery.ts';
import { recordOutcome } from '../../app/campaigns/delivery.ts';
import type { ClaimedItem } from '../../app/ports/index.ts';
import { classifySendError } from './errors.ts';
import { SendError, type SenderContext, type Tally } from './context.ts';

/**
 * What a failed send means for its item, in one place: a refused send gives its unspent budget back; a
 * 429 waits exactly `retry_after`; a lost topic is recreated and the send repeated; network trouble is
 * retried with backoff; anything else is given up on, with its effects (refund, note, blocked fan).
 */
export async function fail(ctx: SenderContext, item: ClaimedItem, err: unknown, tally: Tally): Promise<void> {
  const { deps } = ctx;
  const f = err instanceof SendError ? err.failure : classifySendError(err, item.chatId < 0);
  const p = item.payload;
  const now = deps.clock.now();
  const outbox = deps.uow.repos.outbox;
  const lg = ctx.log.child({ item: item.id, lane: item.lane, kind: p.kind });
  if (err instanceof SendError && err.nothingPosted) {
    // Booked at claim time, never spent: a refused send must not eat the budget fans' messages need.
    await deps.dispatch
      .release(
        item.chatId,
        item.bookedAt,
        item.cost - Math.min(item.cost, tally.posted),
        item.topicSlot && !tally.topicCreated,
        item.shareSlot,
      )
      .catch((e: unknown) => lg.warn({ err: e }, 'could not give back the budget of a failed send'));
  }
  if (f.type === 'retry_after') {
    // Exactly retry_after, never earlier: the whole chat waits, and so does this item.
    const until = await deps.guard.onRetryAfter(item.chatId, f.seconds);
    lg.warn({ retryAfter: f.seconds, chatId: item.chatId }, 'flood limit: waiting retry_after');
    await outbox.reschedule(item.id, until, { countAttempt: false, error: `429 retry after ${f.seconds}` });
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
    await deps.uow.run(async (r) => {
      await r.topics.markLost(p.userId, err.threadId!);
      await r.outbox.reschedule(item.id, now, { countAttempt: true, error: 'message thread not found' });
    });
    return;
  }
  if (f.type === 'transient' && item.attempts + 1 < ctx.maxAttempts) {
    const delayMs = Math.min(300_000, 1000 * 2 ** item.attempts);
    lg.warn({ reason: f.reason, delayMs }, 'send failed: retrying');
    await outbox.reschedule(item.id, new Date(now.getTime() + delayMs), {
      countAttempt: true,
      error: f.reason,
    });
    return;
  }
  if ((p.kind === 'relay.in' || p.kind === 'relay.album') && item.topic && item.attempts < 5) {
    // Sent where the claim found the fan's topic: if it has moved since (the fan was placed in another
    // admin group), the message goes again where the topic is now, instead of being given up on.
    const topic = await deps.uow.repos.topics.get(p.userId);
    if (topic && (topic.groupId !== item.topic.groupId || topic.threadId !== item.topic.threadId)) {
      const why = 'reason' in f ? f.reason : f.type;
      lg.warn({ reason: why }, "send failed where the fan's topic was: sending again where it is now");
      await outbox.reschedule(item.id, now, { countAttempt: true, error: why });
      return;
    }
  }
  const reason =
    f.type === 'blocked' || f.type === 'permanent' || f.type === 'transient'
      ? f.reason
      : f.type === 'thread_lost'
        ? "the fan's topic could not be recreated"
        : 'the topic is closed';
  // What the texts quoting the reason show: our code (in the reader's language), or Telegram's words.
  const shown =
    f.type === 'thread_lost'
      ? 'topic-lost'
      : f.type === 'topic_closed'
        ? 'topic-closed'
        : ('code' in f && f.code) || f.reason;
  lg.warn({ reason }, 'send failed for good');
  deps.metrics?.error('outbox_send');
  await deps.uow.run(async (r) => {
    await r.outbox.kill(item.id, reason, now);
    if (f.type === 'blocked' && 'userId' in p && p.userId !== undefined)
      await delivery.fanBlockedBot(r, p.userId, now);
    if (p.kind === 'relay.in') await delivery.relayInUndeliverable(r, p, reason, shown);
    if (p.kind === 'relay.album') await delivery.relayAlbumUndeliverable(r, p, reason, shown);
    if (p.kind === 'call' && p.effect?.type === 'album.out')
      await delivery.albumOutFailed(r, p.effect, shown);
    if (p.kind === 'relay.out') await delivery.relayOutFailed(r, p, shown);
    if (p.kind === 'campaign' && p.op === 'send')
      await recordOutcome(r, p.campaignId, f.type === 'blocked' ? 'blocked' : 'failed', now);
  });
}

import { passRemaining } from '../../domain/entitlement/index.ts';
import type { InlineButton } from '../../app/ports/index.ts';
import { SendError, type Handler, type SenderContext } from './context.ts';
import { renderCard } from './topics.ts';

/** Edits one message; false when it is gone (deleted by someone), true when done or already so. */
async function edit(
  ctx: SenderContext,
  groupId: number,
  messageId: number,
  html: string,
  keyboard?: InlineButton[][],
): Promise<boolean> {
  try {
    await ctx.call(groupId, null, () =>
      ctx.deps.api.editMessageText(groupId, messageId, html, {
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
}

/**
 * Renders the fan's card or the live inbox from current data; both are edits of one message (a card
 * not sent yet is sent and pinned, see topics.ts `renderCard`). The interval is enforced here too: a
 * render that comes too soon waits for its turn.
 */
export const render: Handler<'render'> = async (ctx, item, p) => {
  const { api, views, clock, uow } = ctx.deps;
  const repos = uow.repos;
  const now = clock.now();
  const tooSoon = async (last: Date | null | undefined, intervalMs: number) => {
    const due = (last?.getTime() ?? 0) + intervalMs;
    if (due <= now.getTime()) return false;
    await repos.outbox.reschedule(item.id, new Date(due), { countAttempt: false });
    return true;
  };
  if (p.target === 'card' && p.userId !== undefined) {
    const userId = p.userId;
    const [topic, user] = await Promise.all([repos.topics.get(userId), repos.users.get(userId)]);
    // The card's first render (or its pin, still owed): sent now, not held to the interval.
    if (topic && topic.threadId !== null && user && (topic.cardMessageId === null || !topic.cardPinned))
      return renderCard(ctx, item, topic.groupId, { ...topic, threadId: topic.threadId }, user);
    if (await tooSoon(topic?.cardRenderedAt, ctx.timings.cardIntervalMs)) return;
    if (topic?.cardMessageId && topic.threadId !== null && user) {
      const [{ spent }, assignee] = await Promise.all([
        repos.ledger.totals(userId),
        repos.conversations.assignee(userId),
      ]);
      // The card is in the fan's group (the render may have been queued before they moved).
      const previous = topic.previousThreadId
        ? { groupId: topic.previousGroupId ?? topic.groupId, threadId: topic.previousThreadId }
        : null;
      const card = views.infoCard(
        { user, spent, passLeftMs: passRemaining(user.timePassUntil, clock), previous, assignee },
        await views.localeFor(topic.groupId),
      );
      await edit(ctx, topic.groupId, topic.cardMessageId, card.html, card.keyboard);
    }
    await uow.run(async (r) => {
      await r.outbox.complete(item.id, clock.now());
      await r.topics.cardRendered(userId);
    });
    return;
  }
  const state = await repos.inbox.get(p.groupId);
  if (await tooSoon(state?.renderedAt, ctx.timings.inboxIntervalMs)) return;
  const rows = await repos.topics.recent(p.groupId, 15);
  const html = views.inbox(p.groupId, rows, now, await views.localeFor(p.groupId));
  let messageId = state?.messageId ?? null;
  // Deleted by someone: post a new one (re-created, as the admin expects to find it).
  if (messageId !== null && !(await edit(ctx, p.groupId, messageId, html))) messageId = null;
  if (messageId === null) {
    const sent = await ctx.call(p.groupId, null, () =>
      api.sendMessage(p.groupId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
    );
    messageId = sent.message_id;
  }
  await uow.run(async (r) => {
    await r.outbox.complete(item.id, now);
    await r.inbox.rendered(p.groupId, html, messageId);
  });
};

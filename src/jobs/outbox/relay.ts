import * as delivery from '../../app/relay/delivery.ts';
import type { Handler } from './context.ts';
import { ensureTopic, refuseIfBlocked, sendIntoTopic } from './topics.ts';

/** The fan's message into their topic (created first if missing); a support message carries its mark. */
export const relayIn: Handler<'relay.in'> = async (ctx, item, p) => {
  const { api, views, clock, uow } = ctx.deps;
  const { groupId, threadId } = await ensureTopic(ctx, item.chatId, p.userId, item.topic);
  const support = p.support;
  // A reply to an admin's answer (or to the fan's own message) replies to its counterpart in the topic.
  const replied =
    p.replyTo !== undefined ? await uow.repos.links.byFanMessage(p.fromChatId, p.replyTo) : null;
  const replyTo =
    replied && replied.userId === p.userId && replied.groupChatId === groupId ? replied.groupMessageId : null;
  const thread = { message_thread_id: threadId };
  // forwardMessage cannot reply: in forward mode the forward stands on its own.
  const at = {
    ...thread,
    ...(replyTo !== null
      ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
      : {}),
  };
  const locale = support ? await views.localeFor(groupId) : null;
  const send = (): Promise<{ message_id: number }> =>
    support && 'text' in support
      ? api.sendMessage(groupId, views.supportNote(support.text, locale!), { ...at, parse_mode: 'HTML' })
      : support
        ? api.copyMessage(groupId, p.fromChatId, p.messageId, {
            ...at,
            caption: views.supportCaption(support.caption, locale!),
          })
        : p.mode === 'forward'
          ? api.forwardMessage(groupId, p.fromChatId, p.messageId, thread)
          : api.copyMessage(groupId, p.fromChatId, p.messageId, at);
  const sent = await sendIntoTopic(ctx, groupId, threadId, send);
  await delivery.relayInDelivered(
    uow.repos,
    p,
    { groupId, threadId, groupMessageId: sent.message_id },
    { outboxItemId: item.id, at: clock.now() },
  );
};

/** A fan's album into their topic in one call: copyMessages keeps the items grouped as an album. */
export const relayAlbum: Handler<'relay.album'> = async (ctx, item, p) => {
  const { api, clock, uow } = ctx.deps;
  const { groupId, threadId } = await ensureTopic(ctx, item.chatId, p.userId, item.topic);
  const at = { message_thread_id: threadId };
  const send = () =>
    p.mode === 'forward'
      ? api.forwardMessages(groupId, p.fromChatId, p.messageIds, at)
      : api.copyMessages(groupId, p.fromChatId, p.messageIds, at);
  const sent = await sendIntoTopic(ctx, groupId, threadId, send);
  await uow.run(async (r) => {
    await r.outbox.complete(item.id, clock.now());
    await delivery.relayAlbumDelivered(r, p, {
      groupId,
      threadId,
      groupMessageIds: sent.map((m) => m.message_id),
    });
  });
};

/** An admin's message to the fan, as a reply where it answers one of theirs. */
export const relayOut: Handler<'relay.out'> = async (ctx, item, p) => {
  const { api, clock, uow } = ctx.deps;
  await refuseIfBlocked(ctx, p.userId, item);
  const sent = await ctx.call(p.userId, null, () =>
    api.copyMessage(p.userId, p.groupId, p.messageId, {
      ...(p.replyToFanMessageId
        ? { reply_parameters: { message_id: p.replyToFanMessageId, allow_sending_without_reply: true } }
        : {}),
    }),
  );
  await uow.run(async (r) => {
    await r.outbox.complete(item.id, clock.now());
    await delivery.relayOutDelivered(r, p, sent.message_id);
  });
};

import { Composer } from 'grammy';
import type { Context } from '../context.ts';

/** A fan blocked (kicked) or unblocked the bot in their private chat. See app/fan-state.ts. */
const composer = new Composer<Context>();

composer.chatType('private').on('my_chat_member', async (ctx) => {
  const { status } = ctx.myChatMember.new_chat_member;
  await ctx.services.setFanBlocked({
    userId: ctx.from.id,
    blocked: status === 'kicked' || status === 'left',
    date: ctx.myChatMember.date,
  });
});

export const fanStateFeature = composer;

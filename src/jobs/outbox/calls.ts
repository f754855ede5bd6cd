import { GrammyError } from 'grammy';
import { classifySendError } from './errors.ts';
import { SendError, type SenderContext } from './context.ts';

/**
 * One Telegram call to `chatId`: refused locally while a 429 for that chat is running, serialised with
 * every other call to that chat (direct answers included), and counted in the item's tally when it posts.
 */
export function makeCall(ctx: Omit<SenderContext, 'call'>): SenderContext['call'] {
  const { guard, clock } = ctx.deps;
  return (chatId, threadId, fn) =>
    guard.serial(chatId, async () => {
      const until = guard.blockedUntil(chatId);
      if (until)
        throw new SendError(
          { type: 'retry_after', seconds: (until - clock.now().getTime()) / 1000 },
          threadId,
        );
      try {
        const result = await fn();
        const tally = ctx.tallies.getStore();
        if (tally) tally.posted++;
        return result;
      } catch (err) {
        const failure = classifySendError(err, chatId < 0);
        // Known before the next request to this chat leaves (see FloodGuard.serial).
        if (failure.type === 'retry_after') await guard.onRetryAfter(chatId, failure.seconds);
        // Telegram's refusal posts nothing; a request lost on the network may have.
        throw new SendError(failure, threadId, err instanceof GrammyError);
      }
    });
}

import { GrammyError } from 'grammy';
import { ChatHeld } from '../../app/outbox/policy.ts';
import { classifySendError } from './errors.ts';
import { SendError, type SenderContext } from './context.ts';

/**
 * One Telegram call to `chatId`: refused while a 429 for that chat is running (seen by any replica),
 * serialised with every other call to that chat (direct answers, other replicas), and counted in the
 * tally of the item being sent when it posts.
 */
export function makeCall(ctx: Omit<SenderContext, 'call'>): SenderContext['call'] {
  const { guard, clock } = ctx.deps;
  const { tally } = ctx;
  return async (chatId, threadId, fn) => {
    try {
      return await guard.outboxCall(chatId, async () => {
        try {
          const result = await fn();
          tally.posted++;
          return result;
        } catch (err) {
          const failure = classifySendError(err, chatId < 0);
          // Known before the next request to this chat leaves (see FloodGuard.serial).
          if (failure.type === 'retry_after')
            await guard.onTooManyRequests(chatId, failure.seconds, 'outbox');
          // Telegram's refusal posts nothing; a request lost on the network may have.
          throw new SendError(failure, threadId, err instanceof GrammyError);
        }
      });
    } catch (err) {
      if (!(err instanceof ChatHeld)) throw err;
      // A 429 (ours or another replica's) still runs, or another replica holds the chat: wait until then.
      const seconds = Math.max(0.001, (err.until - clock.now().getTime()) / 1000);
      throw new SendError({ type: 'retry_after', seconds }, threadId);
    }
  };
}

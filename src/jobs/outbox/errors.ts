import { GrammyError, HttpError } from 'grammy';

/**
 * Why a send failed for good, when it is ours to say: the texts that quote a reason (`relay-refund`,
 * `relay-not-delivered`) render these codes in the reader's language; Telegram's own words go as they are.
 */
export type FailureCode =
  | 'fan-blocked'
  | 'fan-deleted'
  | 'fan-chat-gone'
  | 'bot-not-member'
  | 'group-gone'
  | 'no-rights'
  | 'group-moved'
  | 'message-deleted'
  | 'topic-lost'
  | 'topic-closed';

/** What a failed Telegram call means for the outbox. */
export type SendFailure =
  /** 429: nothing may go to this chat for exactly this long. */
  | { type: 'retry_after'; seconds: number }
  /** The fan blocked the bot (or deleted their account): stop sending to them. */
  | { type: 'blocked'; reason: string; code?: FailureCode }
  /** The forum topic is gone: recreate it and send again. */
  | { type: 'thread_lost' }
  /** The topic is closed: reopen it and send again. */
  | { type: 'topic_closed' }
  /** Will never succeed (bot removed from the group, message gone, bad request). */
  | { type: 'permanent'; reason: string; code?: FailureCode }
  /** Network trouble or a Telegram 5xx: retry with backoff. */
  | { type: 'transient'; reason: string };

const has = (d: string, ...needles: string[]) =>
  needles.some((n) => d.toLowerCase().includes(n.toLowerCase()));

/** Reads a grammY error as the outbox needs it. `toGroup`: the call targeted the admin group. */
export function classifySendError(err: unknown, toGroup: boolean): SendFailure {
  if (err instanceof HttpError) return { type: 'transient', reason: `network: ${err.message}` };
  if (!(err instanceof GrammyError))
    return { type: 'transient', reason: err instanceof Error ? err.message : String(err) };
  const d = err.description;
  if (err.error_code === 429)
    return { type: 'retry_after', seconds: Math.max(1, err.parameters.retry_after ?? 1) };
  if (err.error_code >= 500) return { type: 'transient', reason: d };
  if (has(d, 'message thread not found', 'TOPIC_DELETED', 'thread not found')) return { type: 'thread_lost' };
  if (has(d, 'TOPIC_CLOSED')) return { type: 'topic_closed' };
  if (err.error_code === 403) {
    if (toGroup)
      return {
        type: 'permanent',
        reason: 'the bot is no longer a member of the admin group',
        code: 'bot-not-member',
      };
    return has(d, 'deactivated')
      ? { type: 'blocked', reason: 'the fan deleted their account', code: 'fan-deleted' }
      : { type: 'blocked', reason: 'the fan blocked the bot', code: 'fan-blocked' };
  }
  if (has(d, 'chat not found', 'PEER_ID_INVALID')) {
    return toGroup
      ? { type: 'permanent', reason: 'the admin group no longer exists', code: 'group-gone' }
      : { type: 'blocked', reason: "the fan's chat is gone", code: 'fan-chat-gone' };
  }
  if (has(d, 'not enough rights', 'CHAT_ADMIN_REQUIRED', 'have no rights')) {
    return { type: 'permanent', reason: 'the bot lacks admin rights in the group', code: 'no-rights' };
  }
  if (has(d, 'group chat was upgraded', 'chat was deactivated'))
    return { type: 'permanent', reason: 'the admin group was moved or closed', code: 'group-moved' };
  if (has(d, 'message to copy not found', 'message to forward not found', 'MESSAGE_ID_INVALID')) {
    return {
      type: 'permanent',
      reason: 'the message was deleted before it could be delivered',
      code: 'message-deleted',
    };
  }
  return { type: 'permanent', reason: d.replace(/^Bad Request: /, '') };
}

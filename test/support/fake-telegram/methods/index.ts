import { chatHandlers } from './chats.ts';
import type { Handler } from './common.ts';
import { messageHandlers } from './messages.ts';

export type { Handler, MethodContext } from './common.ts';

/** Implemented Bot API methods by canonical name; others answer `true` if the spec says so, else 501. */
export const handlers: Record<string, Handler> = { ...messageHandlers, ...chatHandlers };

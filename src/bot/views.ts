import type { OutboxViews } from '../app/ports/index.ts';
import { inboxText, infoCardText, supportCaption, supportNoteText, topicName } from '../app/messages.ts';
import { createCardKeyboard } from './keyboards/admin.ts';

/** What the outbox worker renders at send time, worded by the bot (wired by the composition root). */
export function createOutboxViews(): OutboxViews {
  return {
    topicName,
    infoCard: (v) => ({ html: infoCardText(v), keyboard: createCardKeyboard(v.user) }),
    inbox: inboxText,
    supportNote: supportNoteText,
    supportCaption,
  };
}

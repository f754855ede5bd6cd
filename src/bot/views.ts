import type { OutboxViews, Translator, UnitOfWork } from '../app/ports/index.ts';
import { inboxText, infoCardText, supportCaption, supportNoteText, topicName } from '../app/messages.ts';
import { DEFAULT_LOCALE, type Locale } from '../domain/shared/index.ts';
import { createCardKeyboard } from './keyboards/admin.ts';
import { accountLocale } from './middlewares/attach-deps.ts';

/** What the outbox worker renders at send time, worded by the bot (wired by the composition root). */
export function createOutboxViews(deps: {
  translator: Translator;
  uow: UnitOfWork;
  groupLocale: () => Promise<Locale>;
}): OutboxViews {
  return {
    topicName,
    infoCard: (v) => ({ html: infoCardText(v), keyboard: createCardKeyboard(v.user) }),
    inbox: inboxText,
    supportNote: supportNoteText,
    supportCaption,
    async localeFor(chatId) {
      if (chatId < 0) return deps.groupLocale();
      const user = await deps.uow.repos.users.get(chatId);
      return user ? accountLocale(user) : DEFAULT_LOCALE;
    },
    render: (text, locale) => deps.translator.t(locale, text.key, text.args),
  };
}

import type { InboxRow, OutboxViews, TextArg, Translator, UnitOfWork, User } from '../app/ports/index.ts';
import { cutGraphemes, escapeHtml, topicLink, topicName } from '../app/messages.ts';
import { DEFAULT_LOCALE, type Locale } from '../domain/shared/index.ts';
import { createCardKeyboard } from './keyboards/admin.ts';
import { accountLocale } from './middlewares/attach-deps.ts';

type Say = (key: string, args?: Record<string, TextArg | Date>) => string;

/** What the outbox worker renders at send time, worded by the bot (wired by the composition root). */
export function createOutboxViews(deps: {
  translator: Translator;
  uow: UnitOfWork;
  groupLocale: () => Promise<Locale>;
}): OutboxViews {
  const say =
    (locale: Locale): Say =>
    (key, args) =>
      deps.translator.t(locale, key, args);
  return {
    topicName,
    infoCard: (v, locale) => ({ html: infoCardText(say(locale), v), keyboard: createCardKeyboard(v.user) }),
    inbox: (groupId, rows, now, locale) => inboxText(say(locale), groupId, rows, now),
    supportNote: (text, locale) => supportNoteText(say(locale)('relay-support-mark'), text),
    supportCaption: (caption, locale) => supportCaption(say(locale)('relay-support-mark'), caption),
    async localeFor(chatId, known) {
      if (chatId < 0) return deps.groupLocale();
      const user = known?.id === chatId ? known : await deps.uow.repos.users.get(chatId);
      return user ? accountLocale(user) : DEFAULT_LOCALE;
    },
    render: (text, locale) => deps.translator.t(locale, text.key, text.args),
  };
}

/** `👤 <b>Name</b> (@username)`: the fan as the group sees them (the name is the fan's own, escaped). */
const fanLine = (user: Pick<User, 'firstName' | 'lastName' | 'username'>) => {
  const name = escapeHtml([user.firstName, user.lastName].filter(Boolean).join(' ') || 'Fan');
  return `👤 <b>${name}</b>${user.username ? ` (@${escapeHtml(user.username)})` : ''}`;
};

/** The fan's info card, pinned in their topic. */
export function infoCardText(
  t: Say,
  v: {
    user: User;
    spent: number;
    passLeftMs: number;
    previous: { groupId: number; threadId: number } | null;
    assignee?: { id: number; name: string | null } | null;
  },
): string {
  const u = v.user;
  const lines = [
    fanLine(u),
    t('relay-card-id', {
      id: String(u.id),
      tier: t('tier-name', { tier: u.tier }),
      banned: u.isBanned ? ` · ${t('relay-card-banned')}` : '',
    }),
    t('relay-card-balance', { balance: u.creditBalance }),
    v.passLeftMs > 0 ? t('relay-card-pass', { left: { duration: v.passLeftMs } }) : t('relay-card-no-pass'),
    t('relay-card-spent', { spent: v.spent }),
    t('relay-card-joined', { date: u.createdAt.toISOString().slice(0, 10) }),
  ];
  if (v.assignee) lines.push(t('relay-card-assignee', { name: v.assignee.name ?? String(v.assignee.id) }));
  if (v.previous)
    lines.push('', t('relay-card-previous', { link: topicLink(v.previous.groupId, v.previous.threadId) }));
  lines.push('', t('relay-card-reply-here'));
  return lines.join('\n');
}

function ago(t: Say, ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return t('relay-inbox-just-now');
  if (min < 60) return t('relay-inbox-min-ago', { n: min });
  const h = Math.floor(min / 60);
  if (h < 24) return t('relay-inbox-h-ago', { n: h });
  return t('relay-inbox-d-ago', { n: Math.floor(h / 24) });
}

/** The live inbox: the most recent conversations, unread first-class, each with a link to its topic. */
export function inboxText(t: Say, groupId: number, rows: InboxRow[], now: Date): string {
  const waiting = rows.filter((r) => r.unread > 0).length;
  const head = t('relay-inbox-title', { waiting });
  if (rows.length === 0) return `${head}\n${t('relay-inbox-empty')}`;
  const lines = rows.map((r) => {
    const name = escapeHtml(r.firstName || 'Fan') + (r.username ? ` (@${escapeHtml(r.username)})` : '');
    const unread = r.unread > 0 ? t('relay-inbox-unread', { count: r.unread }) : t('relay-inbox-answered');
    const age = r.lastFanMessageAt ? ago(t, now.getTime() - r.lastFanMessageAt.getTime()) : '';
    const link = r.threadId !== null ? topicLink(groupId, r.threadId) : '';
    return `• <a href="${link}">${name}</a> · ${unread} · ${age}`;
  });
  return [head, ...lines, '', t('relay-inbox-updated', { time: now.toISOString().slice(11, 16) })].join('\n');
}

/** A fan's payment-support text in their topic (it is one message: the mark and the text). */
export function supportNoteText(mark: string, text: string): string {
  const room = 4096 - mark.length - 2;
  const body = text.length > room ? `${cutGraphemes(text, room - 1)}…` : text;
  return `<b>${mark}</b>\n${escapeHtml(body)}`;
}

/** The caption of a payment-support medium copied into the topic (plain text, within 1,024). */
export function supportCaption(mark: string, caption: string): string {
  const room = 1024 - mark.length - 1;
  return caption ? `${mark}\n${cutGraphemes(caption, room)}` : mark;
}

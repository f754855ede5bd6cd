import { describe, expect, it } from 'vitest';
import type { InboxRow, UnitOfWork, User } from '../../src/app/ports/index.ts';
import { createOutboxViews } from '../../src/bot/views.ts';
import { createTexts } from '../../src/i18n/index.ts';
import { tr as t } from '../support/i18n.ts';

/** What the admin group reads (card, inbox, support mark) is in the group language it is rendered in. */
const { translator } = createTexts();
const views = createOutboxViews({
  translator,
  uow: { repos: { users: { get: () => Promise.resolve(null) } } } as unknown as UnitOfWork,
  groupLocale: () => Promise.resolve('ru'),
});

const user = {
  id: 42,
  firstName: 'Ann <3',
  lastName: null,
  username: 'ann',
  tier: 'new',
  isBanned: true,
  creditBalance: 3,
  createdAt: new Date('2026-11-01T10:00:00Z'),
} as User;

describe('the outbox views', () => {
  it('word the info card in the language asked for, plurals included', () => {
    const card = views.infoCard(
      { user, spent: 5, passLeftMs: 0, previous: { groupId: -100777, threadId: 9 } },
      'ru',
    );
    expect(card.html.split('\n')).toEqual([
      '👤 <b>Ann &lt;3</b> (@ann)',
      t('ru', 'relay-card-id', {
        id: '42',
        tier: t('ru', 'tier-name', { tier: 'new' }),
        banned: ` · ${t('ru', 'relay-card-banned')}`,
      }),
      '💳 Баланс: 3 кредита',
      t('ru', 'relay-card-no-pass'),
      '💸 Всего потрачено: 5 кредитов',
      t('ru', 'relay-card-joined', { date: '2026-11-01' }),
      '',
      t('ru', 'relay-card-previous', { link: 'https://t.me/c/777/9' }),
      '',
      t('ru', 'relay-card-reply-here'),
    ]);
    expect(views.infoCard({ user, spent: 1, passLeftMs: 0, previous: null }, 'en').html).toContain(
      '💸 Total spent: 1 credit',
    );
  });

  it('word the live inbox and the support mark too', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const rows = [
      {
        userId: 42,
        threadId: 9,
        firstName: 'Ann',
        username: null,
        unread: 2,
        lastFanMessageAt: new Date(now.getTime() - 5 * 60_000),
      },
    ] as InboxRow[];
    expect(views.inbox(-100777, rows, now, 'es').split('\n')).toEqual([
      t('es', 'relay-inbox-title', { waiting: 1 }),
      `• <a href="https://t.me/c/777/9">Ann</a> · ${t('es', 'relay-inbox-unread', { count: 2 })} · ${t('es', 'relay-inbox-min-ago', { n: 5 })}`,
      '',
      t('es', 'relay-inbox-updated', { time: '12:00' }),
    ]);
    expect(views.supportCaption('the receipt', 'pt-BR')).toBe(
      `${t('pt-BR', 'relay-support-mark')}\nthe receipt`,
    );
    expect(views.supportNote('a < b', 'ru')).toBe(`<b>${t('ru', 'relay-support-mark')}</b>\na &lt; b`);
  });

  it('take the admin group’s language from the group setting', async () => {
    expect(await views.localeFor(-100777)).toBe('ru');
    expect(await views.localeFor(42)).toBe('en'); // unknown person: English
  });
});

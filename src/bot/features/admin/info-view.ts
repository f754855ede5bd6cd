import type { FanInfo } from '../../../app/admin/index.ts';
import type { TranslateFn } from '../../context.ts';

/** The fan's profile as the team reads it (in the group language), from the `admin.fanInfo` view model. */
export function fanInfoText(t: TranslateFn, v: FanInfo): string {
  const u = v.user;
  const name = [u.firstName, u.lastName].filter(Boolean).join(' ') || t('admin-info-unnamed');
  const id = String(u.id);
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const lines = [
    u.username
      ? t('admin-info-name-username', { name, username: u.username, id })
      : t('admin-info-name', { name, id }),
    t('admin-info-status', {
      tier: t('tier-name', { tier: v.tier }),
      banned: yes(u.isBanned),
      blocked: yes(u.blockedBot),
    }),
    v.pass
      ? t('admin-info-balance', { balance: v.balance, left: { duration: v.pass.leftMs } })
      : t('admin-info-balance-no-pass', { balance: v.balance }),
  ];
  if (v.spend) lines.push(t('admin-info-money', v.spend));
  lines.push(
    t('admin-info-messages', v.messages),
    t('admin-info-dates', { joined: u.createdAt, seen: u.lastSeenAt }),
    '',
    t(v.notes.length ? 'admin-info-notes-title' : 'admin-info-no-notes'),
    ...v.notes.map((n) => t('admin-info-note', { text: n.text, date: n.createdAt })),
  );
  if (v.recentPayments?.length) {
    lines.push('', t('admin-info-payments-title'));
    for (const p of v.recentPayments) {
      const common = { id: String(p.id), product: p.productTitle, status: p.status, date: p.createdAt };
      lines.push(
        p.rail === 'stars'
          ? t('admin-info-payment-stars', { ...common, stars: p.amount })
          : t('admin-info-payment-card', {
              ...common,
              amount: { money: { minor: p.amount, currency: p.currency } },
            }),
      );
    }
  }
  return lines.join('\n');
}

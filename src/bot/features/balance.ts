import { Composer, InlineKeyboard } from 'grammy';
import type { SavingTip } from '../../domain/pricing/index.ts';
import { buyData } from '../callback-data/index.ts';
import type { BalanceView } from '../../app/accounts/accounts.ts';
import { balanceBar } from '../../domain/ledger/index.ts';
import type { Context, TranslateFn } from '../context.ts';
import { typeLabel } from './fan-relay.ts';

const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('balance', async (ctx) => {
  const view = await ctx.services.getBalance(ctx.from.id);
  if (!view) return ctx.reply(ctx.t('common-send-start-first'));
  await ctx.reply(balanceText(ctx.t, view), {
    parse_mode: 'HTML',
    ...(view.tip ? { reply_markup: tipKeyboard(ctx.t, view.tip) } : {}),
  });
});

/** The balance bar, as in `/balance` and the receipts. */
export function balanceBarText(t: TranslateFn, balance: number, lastTopUp: number | null): string {
  const bar = balanceBar(balance, lastTopUp);
  return t('balance-bar', { balance, max: bar.max, cells: bar.cells, percent: bar.percent });
}

function balanceText(t: TranslateFn, view: BalanceView): string {
  const lines = [
    t('balance-title'),
    `<code>${balanceBarText(t, view.balance, view.lastTopUp)}</code>`,
    t('balance-tier', { tier: t('tier-name', { tier: view.tier }) }),
  ];
  if (view.discount > 0)
    lines.push(
      t('balance-perk', {
        tier: t('tier-name', { tier: view.tier }),
        discount: view.discount,
        prices: view.prices.map((p) => `${typeLabel(t, p.type)} ${p.cost}`).join(' · '),
      }),
    );
  if (view.timePassUntil) lines.push(t('balance-pass', { left: { duration: view.passRemainingMs } }));
  if (view.low) lines.push('', t('balance-low', { threshold: view.lowThreshold }));
  if (view.tip) lines.push('', tipText(t, view.tip));
  return lines.join('\n');
}

/** A way to pay less (domain/pricing/savings.ts), worded for the fan. */
function tipText(t: TranslateFn, tip: SavingTip): string {
  return tip.kind === 'day_pass'
    ? t('balance-tip-day-pass', {
        credits: tip.spentCredits,
        stars: tip.spentStars,
        pass: tip.title,
        passStars: tip.passStars,
      })
    : t('balance-tip-bigger-pack', { pack: tip.title, last: tip.lastTitle, percent: tip.savePercent });
}

/** The product the tip names, one tap away (its Stars invoice, as in /buy). */
const tipKeyboard = (t: TranslateFn, tip: SavingTip) =>
  new InlineKeyboard().text(
    t('balance-tip-button', { title: tip.title }),
    buyData.pack({ product: tip.productId }),
  );

export const balanceFeature = composer;

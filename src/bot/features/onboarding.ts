import { Composer, InlineKeyboard } from 'grammy';
import type { TutorialFacts } from '../../app/accounts/onboarding.ts';
import { navData, tourData } from '../callback-data/index.ts';
import type { Context } from '../context.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { createTourKeyboard } from '../keyboards/fan.ts';
import { typeLabel } from './fan-relay.ts';

/**
 * The quick tour a new fan's `/start` offers: what costs what (the real prices), how to buy, how replies
 * arrive — three screens edited in place on the welcome message — and its end, which pays the bonus once.
 */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.callbackQuery(tourData.filter, async (ctx) => {
  const data = tourData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (data.step === 'finish') return finish(ctx);
  await ctx.answerCallbackQuery();
  const facts = await ctx.services.onboarding.tutorialFacts();
  const text =
    data.step === 'costs'
      ? costsText(ctx, facts)
      : data.step === 'buy'
        ? ctx.t('start-tour-buy', { card: (await ctx.services.billing.cardsOn()) ? 'yes' : 'no' })
        : ctx.t('start-tour-replies');
  await editOrIgnoreUnchanged(ctx, text, createTourKeyboard(ctx.t, data.step, facts.bonus));
});

/** Screen 1: each message type's price, then the smallest pack and pass on sale. */
function costsText(ctx: Context, facts: TutorialFacts): string {
  const lines = [ctx.t('start-tour-costs-title')];
  for (const { type, cost } of facts.costs)
    lines.push(ctx.t('start-tour-cost-line', { type: typeLabel(ctx.t, type), cost }));
  if (facts.pack)
    lines.push('', ctx.t('start-tour-pack', { credits: facts.pack.amount, stars: facts.pack.priceStars }));
  if (facts.pass)
    lines.push(
      ctx.t('start-tour-pass', {
        length: { duration: facts.pass.amount * 1000 },
        stars: facts.pass.priceStars,
      }),
    );
  return lines.join('\n');
}

async function finish(ctx: Context): Promise<void> {
  const res = await ctx.services.onboarding.finishTutorial(ctx.from!.id);
  await ctx.answerCallbackQuery(
    res.status === 'finished' && res.bonus > 0
      ? { text: ctx.t('start-tour-bonus-toast', { bonus: res.bonus }) }
      : {},
  );
  if (res.status === 'unknown_fan') return;
  const text =
    res.status === 'already'
      ? ctx.t('start-tour-already', { balance: res.balance })
      : ctx.t('start-tour-done', { bonus: res.bonus, balance: res.balance });
  const shop = new InlineKeyboard().text(ctx.t('start-tour-shop'), navData.pack({ to: 'catalog' }));
  await editOrIgnoreUnchanged(ctx, text, shop);
}

export const onboardingFeature = composer;

import { Composer } from 'grammy';
import { refundSummary } from '../../../app/billing/refunds.ts';
import type { Context } from '../../context.ts';
import { commandKey, replyResult, topicCommand } from './shared.ts';

/** `/refund 12`: refunds payment 12, by Stars or by card (the ids are in /info). */
const composer = new Composer<Context>();

type RefundResult = Awaited<ReturnType<Context['services']['refunds']['refund']>>;

/** A card refund: Stripe confirms it later (the fan's credits and the fan wait for that). */
function stripeText(ctx: Context, r: Extract<RefundResult, { rail: 'stripe' }>, id: string): string | null {
  const detail = (r.ok ? undefined : r.detail) ?? ctx.t('admin-topic-unknown-error');
  if (r.ok) return ctx.t('admin-topic-refund-card-sent', { amount: r.amount, id });
  if (r.code === 'provider_error') return ctx.t('admin-topic-refund-card-refused', { detail });
  if (r.code === 'not_refundable')
    return ctx.t('admin-topic-refund-not-refundable', {
      id,
      detail: r.detail ?? ctx.t('admin-topic-not-paid'),
    });
  return null;
}

/** A Stars refund that did not go through (null: a failure every command shares). */
function starsFailureText(ctx: Context, r: Extract<RefundResult, { ok: false }>, id: string): string | null {
  const detail = r.detail ?? ctx.t('admin-topic-unknown-error');
  if (r.code === 'telegram_error') return ctx.t('admin-topic-refund-stars-refused', { detail });
  if (r.code === 'already_refunded') return ctx.t('admin-topic-refund-already', { id });
  if (r.code === 'pending') return ctx.t('admin-topic-refund-pending', { id });
  return null;
}

composer.command(
  'refund',
  topicCommand(async (ctx, userId) => {
    const id = /^#?(\d{1,15})$/.exec(ctx.match.trim())?.[1];
    if (!id) return ctx.reply(ctx.t('admin-topic-refund-which'));
    const adminId = ctx.from!.id;
    const r = await ctx.services.refunds.refund({
      adminId,
      userId,
      paymentId: Number(id),
      key: commandKey(ctx),
    });
    const reply_parameters = { message_id: ctx.msg.message_id };
    const html = { parse_mode: 'HTML' as const, reply_parameters };
    if (r.rail === 'stripe') {
      const text = stripeText(ctx, r, id);
      return text ? ctx.reply(text, html) : replyResult(ctx, r, '');
    }
    if (!r.ok) {
      const why = starsFailureText(ctx, r, id);
      return why ? ctx.reply(why, html) : replyResult(ctx, r, '');
    }
    await ctx.reply(`↩️ ${refundSummary({ id: Number(id) }, r)}`, { parse_mode: 'HTML', reply_parameters });
  }),
);

export const refundCommand = composer;

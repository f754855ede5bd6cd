import { Composer } from 'grammy';
import { refundSummary } from '../../../app/billing/refunds.ts';
import type { Context } from '../../context.ts';
import { commandKey, replyResult, topicCommand } from './shared.ts';

/** `/refund 12`: refunds payment 12, by Stars or by card (the ids are in /info). */
const composer = new Composer<Context>();

type RefundResult = Awaited<ReturnType<Context['services']['refunds']['refund']>>;

/** A card refund: Stripe confirms it later (the fan's credits and the fan wait for that). */
function stripeText(r: Extract<RefundResult, { rail: 'stripe' }>, id: string): string | null {
  if (r.ok) {
    return `↩️ Refund of ${r.amount} (payment #${id}) sent to Stripe. The fan's credits are adjusted, and the fan told, when Stripe confirms it.`;
  }
  if (r.code === 'provider_error') return `Stripe refused the refund: ${r.detail ?? 'unknown error'}.`;
  if (r.code === 'not_refundable')
    return `Payment #${id} cannot be refunded: ${r.detail ?? 'it is not paid'}.`;
  return null;
}

/** A Stars refund that did not go through (null: a failure every command shares). */
function starsFailureText(r: Extract<RefundResult, { ok: false }>, id: string): string | null {
  if (r.code === 'telegram_error') return `Telegram refused the refund: ${r.detail ?? 'unknown error'}.`;
  if (r.code === 'already_refunded') return `Payment #${id} was already refunded: nothing changed.`;
  if (r.code === 'pending')
    return `⏳ Telegram did not answer, so it is not known yet whether payment #${id} was refunded. It is being asked again; the result will be posted here.`;
  return null;
}

composer.command(
  'refund',
  topicCommand(async (ctx, userId) => {
    const id = /^#?(\d{1,15})$/.exec(ctx.match.trim())?.[1];
    if (!id) return ctx.reply('Refund which payment? /refund 12 (the ids are in /info).');
    const adminId = ctx.from!.id;
    const r = await ctx.services.refunds.refund({
      adminId,
      userId,
      paymentId: Number(id),
      key: commandKey(ctx),
    });
    const reply_parameters = { message_id: ctx.msg.message_id };
    if (r.rail === 'stripe') {
      const text = stripeText(r, id);
      return text ? ctx.reply(text, { reply_parameters }) : replyResult(ctx, r, '');
    }
    if (!r.ok) {
      const why = starsFailureText(r, id);
      return why ? ctx.reply(why, { reply_parameters }) : replyResult(ctx, r, '');
    }
    await ctx.reply(`↩️ ${refundSummary({ id: Number(id) }, r)}`, { parse_mode: 'HTML', reply_parameters });
  }),
);

export const refundCommand = composer;

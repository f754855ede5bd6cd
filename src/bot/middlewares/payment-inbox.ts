import type { MiddlewareFn } from 'grammy';
import type { Context } from '../context.ts';
import { paymentUpdateOf } from './update-lifecycle.ts';

/**
 * Payment updates (`successful_payment`, `refunded_payment`, `purchased_paid_media`) go no further: they
 * are stored in the payment inbox in the transaction that claims the update, and a retried job applies
 * them (app/payment-inbox.ts). A failure to store is an ordinary update failure: retried, then parked.
 */
export const paymentInbox: MiddlewareFn<Context> = async (ctx, next) => {
  const payment = paymentUpdateOf(ctx.update);
  if (!payment) return next();
  const res = await ctx.services.payments.receive(payment);
  if (!res.stored) ctx.logger.info({ chargeId: payment.chargeId }, 'payment update stored already');
};

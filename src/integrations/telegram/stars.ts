import { GrammyError, type Api } from 'grammy';
import type { StarsRefunds } from '../../app/ports.ts';

/** `refundStarPayment` through a plain grammY Api; Telegram's refusal comes back as its description. */
export function createStarsRefunds(api: Api): StarsRefunds {
  return {
    async refund(userId, chargeId) {
      try {
        await api.refundStarPayment(userId, chargeId);
        return { ok: true };
      } catch (err) {
        const error =
          err instanceof GrammyError ? err.description : err instanceof Error ? err.message : String(err);
        return { ok: false, error };
      }
    },
  };
}

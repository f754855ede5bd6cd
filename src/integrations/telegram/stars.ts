import { GrammyError, type Api } from 'grammy';
import type { StarsRefunds } from '../../app/ports/index.ts';

/** `refundStarPayment` through a plain grammY Api, its answer sorted into what the use case needs. */
export function createStarsRefunds(api: Api): StarsRefunds {
  return {
    async refund(userId, chargeId) {
      try {
        await api.refundStarPayment(userId, chargeId);
        return { ok: true };
      } catch (err) {
        if (err instanceof GrammyError && err.error_code !== 429 && err.error_code < 500) {
          const kind = err.description.includes('CHARGE_ALREADY_REFUNDED') ? 'already_refunded' : 'refused';
          return { ok: false, kind, error: err.description };
        }
        // No answer, a flood wait or Telegram's own trouble: the refund may or may not have happened.
        const error =
          err instanceof GrammyError ? err.description : err instanceof Error ? err.message : String(err);
        return { ok: false, kind: 'unknown', error };
      }
    },
  };
}

import type { Transformer } from 'grammy';
import type { Metrics } from '../../app/ports/index.ts';

/** What a Bot API answer was, as a small fixed label. */
function resultOf(res: { ok: boolean; error_code?: number }): string {
  if (res.ok) return 'ok';
  const code = res.error_code ?? 0;
  return code === 429 ? '429' : code >= 500 ? '5xx' : '4xx';
}

/**
 * Counts every Bot API call that reaches the network, by method and result. Installed innermost (before
 * the flood guard and auto-retry), so a retry counts as the call it is and a refusal made locally (a
 * running retry_after) counts as none.
 */
export function callMetrics(metrics: Pick<Metrics, 'send'>): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      metrics.send(method, resultOf(res));
      return res;
    } catch (err) {
      metrics.send(method, 'network');
      throw err;
    }
  };
}

/**
 * What the process counts for the operator (`GET /metrics`). The composition root wires prom-client
 * behind it (integrations/metrics); nothing else imports prom-client. Every method is cheap and never
 * throws; label values come from small fixed sets (no ids, no free text).
 */
export interface Metrics {
  /** One update handled: its type (`message`, `callback_query`…) and outcome (`done`, `retry`). */
  update(type: string, outcome: string): void;
  /** How long the webhook took to answer Telegram, by HTTP status. */
  webhookAck(seconds: number, status: number): void;
  /** A relayed message delivered: `in` = a fan's into the team's topic, `out` = the team's to the fan. */
  relay(direction: 'in' | 'out'): void;
  /** One Bot API call: its method and result (`ok`, `429`, `4xx`, `5xx`, `network`). */
  send(method: string, result: string): void;
  /** A 429 from Telegram and the seconds it makes the chat wait, by path (`outbox`, `direct`). */
  tooManyRequests(path: 'outbox' | 'direct', seconds: number): void;
  /** A payment reached a status (`pending`, `paid`, `failed`, `refunded`, `partially_refunded`), by rail. */
  payment(rail: string, status: string): void;
  /** A ledger entry was written, by reason (counted when its transaction commits). */
  ledgerEntry(reason: string): void;
  /** An error, by kind (`update`, `request`, `outbox_send`, `scrape`). */
  error(kind: string): void;
  /** One claim of the outbox sender, by whether it took anything to send (`items`, `nothing`). */
  outboxClaim(took: 'items' | 'nothing'): void;
  /**
   * Fans' messages handled by the batcher (app/relay/batch.ts): `alone` (one message, its own
   * transaction), `committed` (several in one), `failed` (several whose transaction failed: each then ran
   * alone), with how many messages.
   */
  fanMessageBatch(outcome: 'alone' | 'committed' | 'failed', size: number): void;
}

/** The default where nothing is measured (tests, tools). */
export const NO_METRICS: Metrics = {
  update() {},
  webhookAck() {},
  relay() {},
  send() {},
  tooManyRequests() {},
  payment() {},
  ledgerEntry() {},
  error() {},
  outboxClaim() {},
  fanMessageBatch() {},
};

/** What the ledger and payments repositories report as they write (counted after the commit). */
export type MoneyObserver = Pick<Metrics, 'payment' | 'ledgerEntry'>;

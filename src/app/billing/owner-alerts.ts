import type { Clock } from '../../domain/shared/index.ts';
import { escapeHtml, topicLink } from '../messages.ts';
import { moneyAlertTargets, ownerAlerts, type NoticeKeyboard } from '../system/notices.ts';
import type { Access, Repos, TextRef } from '../ports/index.ts';
import { text } from '../texts.ts';

/** What a money alert needs to know: who is told (holders of `payments.refund`), and the time (throttle windows). */
export interface OwnerAlertDeps {
  clock: Clock;
  access: Access;
}

/** "Alice Smith (@alice) · 123": how alerts name a fan (escaped for HTML). */
export async function fanName(r: Repos, userId: number): Promise<string> {
  const u = await r.users.get(userId);
  const name = escapeHtml([u?.firstName, u?.lastName].filter(Boolean).join(' ') || 'Fan');
  return `${name}${u?.username ? ` (@${escapeHtml(u.username)})` : ''} · ${userId}`;
}

/** A URL button to the fan's topic, when they have one. */
export async function topicButton(
  r: Repos,
  userId: number,
): Promise<{ text: TextRef; url: string } | undefined> {
  const topic = await r.topics.get(userId);
  if (!topic?.threadId) return undefined;
  return { text: text('billing-admin-open-topic-button'), url: topicLink(topic.groupId, topic.threadId) };
}

/** At most this many failed-payment alerts an hour in all (and one per fan an hour). */
export const FAILED_PAYMENT_ALERTS_PER_HOUR = 10;
const HOUR_MS = 3600_000;
/** Under `alert:`, so housekeeping prunes the marks a day later like every throttle mark. */
const MARK = 'alert:pay-failed:';
/** `pruneOlderThan` with this cutoff takes every mark of a prefix: it counts and clears them at once. */
const ALL_OF_THEM = new Date('9999-01-01T00:00:00Z');

/**
 * Tells the owners that a fan's card payment failed, throttled inside the caller's transaction with
 * once-marks bucketed by the hour: one alert per fan an hour (a fan retrying a declined card is one
 * story), at most {@link FAILED_PAYMENT_ALERTS_PER_HOUR} in all (a card-testing attack must not flood the
 * group). A muted failure leaves a mark; the next alert says how many were muted and clears them.
 * `key` names the failure (one alert per failure, however often the transaction runs).
 */
export async function alertFailedPayment(
  r: Repos,
  deps: OwnerAlertDeps,
  a: {
    key: string;
    userId: number;
    paymentId: number;
    amount: number;
    currency: string;
    /** What was bought ("10 credits", an item's title), as HTML (escaped by the caller). */
    what: string;
    /** The bank's reason as Stripe words it (plain text), if any. */
    reason: string | null;
    autoRecharge: boolean;
  },
): Promise<boolean> {
  const hour = Math.floor(deps.clock.now().getTime() / HOUR_MS);
  const allowed = (await r.once.claim(`${MARK}fan:${a.userId}:${hour}`)) && (await claimHourSlot(r, hour));
  if (!allowed) {
    await r.once.claim(`${MARK}muted:${a.key}`);
    return false;
  }
  const muted = await r.once.pruneOlderThan(`${MARK}muted:`, ALL_OF_THEM);
  const html = text('billing-admin-card-failed', {
    auto: a.autoRecharge ? 'yes' : 'no',
    fan: { html: await fanName(r, a.userId) },
    amount: { money: { minor: a.amount, currency: a.currency } },
    what: { html: a.what },
    id: String(a.paymentId),
    reason: a.reason ?? 'not given',
    muted,
    max: FAILED_PAYMENT_ALERTS_PER_HOUR,
  });
  const topic = await topicButton(r, a.userId);
  const keyboard: NoticeKeyboard | undefined = topic ? [[topic]] : undefined;
  await r.outbox.enqueue(
    ownerAlerts(await moneyAlertTargets(deps, r), `pay-failed-alert:${a.key}`, html, keyboard),
  );
  return true;
}

/** One of the hour's slots, or false when all of them are taken. */
async function claimHourSlot(r: Repos, hour: number): Promise<boolean> {
  for (let i = 0; i < FAILED_PAYMENT_ALERTS_PER_HOUR; i++)
    if (await r.once.claim(`${MARK}all:${hour}:${i}`)) return true;
  return false;
}

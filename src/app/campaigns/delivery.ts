import type {
  Campaign,
  CampaignContent,
  CampaignMedia,
  CampaignOutcome,
  MessageEntityJson,
  NewOutboxItem,
  NoticeButton,
  Repos,
  TextRef,
} from '../ports/index.ts';
import { etaMs, progressBar } from '../../domain/campaigns/index.ts';
import { lanes } from '../outbox/lanes.ts';
import { OUTBOX_CLASS } from '../outbox/policy.ts';
import { text } from '../texts.ts';

/**
 * A campaign's bookkeeping as the outbox sender records each send, in the transaction that marks it
 * done: the counters, the live progress message (edited at most every `PROGRESS_EVERY_MS`), the end.
 */

/** The live progress message is edited at most this often. */
export const PROGRESS_EVERY_MS = 3000;

/** Callback data of the progress message's buttons (decoded by the bot's `campaignData`). */
export const CAMPAIGN_CALLBACK = 'cmp';
export const campaignCallback = (op: 'pause' | 'resume' | 'cancel', id: number) =>
  `${CAMPAIGN_CALLBACK}:${op}:${id}`;

/** Everything sent, refused or dropped: nothing of the campaign waits any more. */
export const isComplete = (c: Campaign) =>
  c.queuedAll && c.sent + c.blocked + c.failed + c.skipped >= c.queued;

/** Queues a progress edit for the slot after `now` (one pending at a time: later ones merge into it). */
export function progressItem(
  c: Pick<Campaign, 'id' | 'progressChatId'>,
  now: Date,
  final = false,
): NewOutboxItem | null {
  if (c.progressChatId === null) return null;
  const slot = Math.floor(now.getTime() / PROGRESS_EVERY_MS) + 1;
  return {
    lane: lanes.campaignProgress(c.id),
    chatId: c.progressChatId,
    sortKey: 0,
    idempotencyKey: `campaign:${c.id}:progress:${final ? 'final' : slot}`,
    ...(final
      ? {}
      : { notBefore: new Date(slot * PROGRESS_EVERY_MS), coalesceKey: `campaign:${c.id}:progress` }),
    priority: OUTBOX_CLASS.notice,
    payload: { kind: 'campaign', op: 'progress', campaignId: c.id },
  };
}

/** The final report, once (when everything is done, or at a cancel). */
export function reportItem(c: Pick<Campaign, 'id' | 'progressChatId'>): NewOutboxItem | null {
  if (c.progressChatId === null) return null;
  return {
    lane: lanes.campaignProgress(c.id),
    chatId: c.progressChatId,
    sortKey: 1,
    idempotencyKey: `campaign:${c.id}:report`,
    priority: OUTBOX_CLASS.notice,
    payload: { kind: 'campaign', op: 'report', campaignId: c.id },
  };
}

/**
 * One send's outcome: counted; when it was the last, the campaign is done, its progress shown final and
 * the report queued. Returns whether a progress edit should be queued for the current slot (the caller
 * remembers the slots it queued, so a busy sender writes one per slot, not one per send).
 */
export async function recordOutcome(
  r: Repos,
  campaignId: number,
  outcome: CampaignOutcome,
  now: Date,
): Promise<Campaign | null> {
  const c = await r.campaigns.count(campaignId, outcome);
  if (!c) return null;
  if (c.status === 'sending' && isComplete(c)) await finish(r, c, now);
  return c;
}

/** Marks the campaign done and queues its last progress edit and the report. */
export async function finish(r: Repos, c: Campaign, now: Date): Promise<void> {
  const locked = await r.campaigns.getForUpdate(c.id);
  if (!locked || locked.status !== 'sending') return;
  await r.campaigns.update(c.id, { status: 'done', finishedAt: now });
  const items = [progressItem(c, now, true), reportItem(c)].filter((i): i is NewOutboxItem => i !== null);
  await r.outbox.enqueue(items);
}

/** What the progress message says now, and its buttons while it runs. */
export function progressView(c: Campaign, now: Date): { text: TextRef; keyboard: NoticeButton[][] } {
  const done = c.sent + c.blocked + c.failed;
  const total = c.queuedAll ? c.queued - c.skipped : Math.max(c.queued, c.confirmedCount ?? 0);
  const { bar, percent } = progressBar(done, total);
  const eta =
    c.status === 'sending'
      ? etaMs({ done, base: c.rateBase, since: c.rateSince, now, left: Math.max(0, total - done) })
      : null;
  const keyboard: NoticeButton[][] =
    c.status === 'sending'
      ? [
          [
            { text: text('campaign-pause'), callback_data: campaignCallback('pause', c.id) },
            { text: text('campaign-cancel'), callback_data: campaignCallback('cancel', c.id) },
          ],
        ]
      : c.status === 'paused'
        ? [
            [
              { text: text('campaign-resume'), callback_data: campaignCallback('resume', c.id) },
              { text: text('campaign-cancel'), callback_data: campaignCallback('cancel', c.id) },
            ],
          ]
        : [];
  return {
    text: text('campaign-progress', {
      kind: c.kind,
      id: c.id,
      status: c.status,
      bar,
      percent,
      done,
      total,
      sent: c.sent,
      blocked: c.blocked,
      failed: c.failed,
      left: Math.max(0, total - done),
      eta: eta === null ? 'none' : eta === 0 ? 'zero' : 'some',
      etaLeft: { duration: Math.max(1000, eta ?? 0) },
      gifted: c.gifted,
    }),
    keyboard,
  };
}

/** The final report. */
export function reportView(c: Campaign): TextRef {
  const took = c.finishedAt && c.confirmedAt ? c.finishedAt.getTime() - c.confirmedAt.getTime() : 0;
  return text('campaign-report', {
    kind: c.kind,
    id: c.id,
    status: c.status,
    targeted: c.queued,
    sent: c.sent,
    blocked: c.blocked,
    failed: c.failed,
    skipped: c.skipped,
    gifted: c.gifted,
    took: { duration: Math.max(1000, took) },
  });
}

/** The line a mass gift adds under the creator's message, in the fan's language. */
export function giftLine(c: Campaign): TextRef | null {
  if (!c.gift) return null;
  return 'credits' in c.gift
    ? text('campaign-gift-credits', { credits: c.gift.credits })
    : text('campaign-gift-pass', { duration: { duration: c.gift.seconds * 1000 } });
}

const withLine = (text: string | undefined, line: string | null) =>
  line ? (text ? `${text}\n\n${line}` : line) : (text ?? '');
const captionEntities = (e: MessageEntityJson[] | undefined) => (e?.length ? { caption_entities: e } : {});
const METHOD: Record<CampaignMedia['type'], string> = {
  photo: 'sendPhoto',
  video: 'sendVideo',
  animation: 'sendAnimation',
  document: 'sendDocument',
  audio: 'sendAudio',
  voice: 'sendVoice',
};

/**
 * The Bot API call that sends the frozen content to `chatId` (sendMessage, sendPhoto…, sendMediaGroup;
 * never `copyMessage`, so deleting the draft's messages breaks nothing). `line`: plain text added at the
 * end (a gift's), after the creator's text or caption, so their entities keep their offsets.
 */
export function campaignCall(
  content: CampaignContent,
  chatId: number,
  line: string | null = null,
): { method: string; params: Record<string, unknown> } {
  const keyboard =
    content.type !== 'album' && content.buttons?.length
      ? { reply_markup: { inline_keyboard: content.buttons.map((b) => [{ text: b.text, url: b.url }]) } }
      : {};
  if (content.type === 'text')
    return {
      method: 'sendMessage',
      params: {
        chat_id: chatId,
        text: withLine(content.text, line),
        ...(content.entities?.length ? { entities: content.entities } : {}),
        ...keyboard,
      },
    };
  if (content.type === 'media') {
    const m = content.media;
    const caption = withLine(m.caption, line);
    return {
      method: METHOD[m.type],
      params: {
        chat_id: chatId,
        [m.type]: m.fileId,
        ...(caption ? { caption } : {}),
        ...captionEntities(m.entities),
        ...keyboard,
      },
    };
  }
  return {
    method: 'sendMediaGroup',
    params: {
      chat_id: chatId,
      media: content.media.map((m, i) => {
        const caption = i === 0 ? withLine(m.caption, line) : m.caption;
        return {
          type: m.type,
          media: m.fileId,
          ...(caption ? { caption } : {}),
          ...captionEntities(m.entities),
        };
      }),
    },
  };
}

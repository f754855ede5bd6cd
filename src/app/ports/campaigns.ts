/** Broadcasts and mass gifts: drafts, audiences, the frozen content, counters (app/campaigns). */

import type { MessageEntityJson } from './outbox.ts';

export type CampaignKind = 'broadcast' | 'gift';
export type CampaignStatus = 'draft' | 'sending' | 'paused' | 'cancelled' | 'done';
export type CampaignMediaType = 'photo' | 'video' | 'animation' | 'document' | 'audio' | 'voice';

/** One item of an album (or the single medium). */
export interface CampaignMedia {
  type: CampaignMediaType;
  fileId: string;
  caption?: string;
  entities?: MessageEntityJson[];
  /** The source message id: album items are kept in message order. */
  messageId?: number;
}

/**
 * What is sent, as frozen at confirmation: text with its entities, one medium with its caption, or an
 * album; optional URL buttons (one per row; never on an album: Telegram has no keyboard there).
 */
export type CampaignContent =
  | { type: 'text'; text: string; entities?: MessageEntityJson[]; buttons?: UrlButton[] }
  | { type: 'media'; media: CampaignMedia; buttons?: UrlButton[] }
  | { type: 'album'; media: CampaignMedia[] };

export interface UrlButton {
  text: string;
  url: string;
}

/** Who receives it: every filter optional, all combined; none = every fan (banned and blocked never). */
export interface AudienceFilters {
  tier?: string;
  /** Seen in the last N days. */
  activeDays?: number;
  /** Lifetime spend (credits) at least this. */
  spentMin?: number;
  /** Never completed a purchase. */
  neverPaid?: boolean;
}

export interface Audience {
  filters: AudienceFilters;
  /** The saved segment these filters came from (its name when chosen). */
  segment?: string;
  /** A draft only: the media group whose items the album collects (dropped at confirmation). */
  group?: string;
}

export type CampaignGift = { credits: number } | { seconds: number };

export interface Campaign {
  id: number;
  kind: CampaignKind;
  status: CampaignStatus;
  createdBy: number;
  content: CampaignContent | null;
  audience: Audience;
  gift: CampaignGift | null;
  progressChatId: number | null;
  progressMessageId: number | null;
  progressAt: Date | null;
  confirmedCount: number | null;
  queued: number;
  cursor: number;
  queuedAll: boolean;
  sent: number;
  blocked: number;
  failed: number;
  skipped: number;
  gifted: number;
  createdAt: Date;
  confirmedAt: Date | null;
  rateSince: Date | null;
  rateBase: number;
  finishedAt: Date | null;
}

export interface CampaignSegment {
  id: number;
  name: string;
  filters: AudienceFilters;
}

export interface CampaignTemplate {
  id: number;
  name: string;
  content: CampaignContent;
}

/** What a send's outcome adds to the counters. */
export type CampaignOutcome = 'sent' | 'blocked' | 'failed' | 'skipped';

export interface CampaignsRepo {
  create(c: { kind: CampaignKind; createdBy: number; gift?: CampaignGift | null; at: Date }): Promise<number>;
  get(id: number): Promise<Campaign | null>;
  /** Locks the row until the transaction ends (confirm, pause, a batch: one at a time). */
  getForUpdate(id: number): Promise<Campaign | null>;
  /** The member's newest draft of this kind, if any. */
  draftOf(createdBy: number, kind: CampaignKind): Promise<Campaign | null>;
  /** Deletes the member's drafts (starting over). */
  dropDrafts(createdBy: number): Promise<void>;
  update(
    id: number,
    patch: Partial<
      Pick<
        Campaign,
        | 'status'
        | 'content'
        | 'audience'
        | 'gift'
        | 'progressChatId'
        | 'progressMessageId'
        | 'progressAt'
        | 'confirmedCount'
        | 'queued'
        | 'cursor'
        | 'queuedAll'
        | 'gifted'
        | 'skipped'
        | 'confirmedAt'
        | 'rateSince'
        | 'rateBase'
        | 'finishedAt'
      >
    >,
  ): Promise<void>;
  /** Adds one outcome and returns the campaign as it stands after it. */
  count(id: number, outcome: CampaignOutcome): Promise<Campaign | null>;
  /** Newest first, `limit` from `offset`, of one kind or both. */
  list(kind: CampaignKind | null, offset: number, limit: number): Promise<Campaign[]>;
  /** Campaigns still sending or paused (the hub lists them first). */
  running(): Promise<Campaign[]>;
  /** How many fans the filters match now (never banned, never blocked). */
  countAudience(filters: AudienceFilters): Promise<number>;
  /** The next `limit` matching fan ids after `after`, in id order. */
  audienceBatch(filters: AudienceFilters, after: number, limit: number): Promise<number[]>;
  /** The send's state: the campaign's status and whether the fan blocked the bot (one read). */
  sendState(id: number, userId: number): Promise<{ status: CampaignStatus; blocked: boolean } | null>;

  /** The campaign's queued sends wait until `until` (a pause) or become due at `until` (a resume). */
  holdQueued(lanes: string[], until: Date): Promise<void>;
  /** A cancel: the campaign's queued sends are given up; returns how many. */
  dropQueued(lanes: string[], at: Date): Promise<number>;

  segments(): Promise<CampaignSegment[]>;
  segment(id: number): Promise<CampaignSegment | null>;
  /** False when the name is taken. */
  addSegment(s: { name: string; filters: AudienceFilters; createdBy: number; at: Date }): Promise<boolean>;
  deleteSegment(id: number): Promise<boolean>;
  templates(): Promise<CampaignTemplate[]>;
  template(id: number): Promise<CampaignTemplate | null>;
  addTemplate(t: { name: string; content: CampaignContent; createdBy: number; at: Date }): Promise<boolean>;
  deleteTemplate(id: number): Promise<boolean>;
}

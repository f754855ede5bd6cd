/** What the use cases need from the outside world, by area. Implemented in db/repos and jobs/. */

import type { TeamRepo } from './access.ts';
import type { FanDataRepo } from './fan-data.ts';
import type { FlowsRepo } from './flows.ts';
import type { AdminMenusRepo, ClaimCodesRepo, StatsRepo } from './hub.ts';
import type { OnceRepo, SettingsRepo, UsersRepo } from './accounts.ts';
import type { AdminGroupsRepo, AdminRepo, PendingGroupsRepo } from './admin.ts';
import type { DisputesRepo, PaymentsRepo, StripeEventsRepo } from './billing.ts';
import type { ProductsRepo } from './catalog.ts';
import type { ContentDraftsRepo, ContentRepo } from './content.ts';
import type { ConversationsRepo } from './conversations.ts';
import type { JobsPort } from './jobs.ts';
import type { LedgerRepo } from './ledger.ts';
import type { RateLimitsRepo } from './limits.ts';
import type { ReconcileRepo } from './reconcile.ts';
import type { OutboxRepo } from './outbox.ts';
import type { AlbumsRepo, InboxRepo, LinksRepo, TopicsRepo } from './relay.ts';
import type { PaymentInboxRepo, UpdatesRepo } from './updates.ts';
import type { UserDirectoryRepo } from './users-admin.ts';
import type { CampaignsRepo } from './campaigns.ts';
import type { QuickRepliesRepo } from './quick-replies.ts';

import type { AdminPaymentsRepo, ErrorLogRepo } from './payments-admin.ts';
import type { AnalyticsRepo } from './analytics.ts';
import type { MessageLogRepo, SearchesRepo } from './search.ts';

export type * from './access.ts';
export type * from './analytics.ts';
export type * from './search.ts';
export type * from './accounts.ts';
export type * from './admin.ts';
export type * from './billing.ts';
export type * from './catalog.ts';
export type * from './content.ts';
export type * from './conversations.ts';
export type * from './fan-data.ts';
export type * from './flows.ts';
export type * from './hub.ts';
export type * from './jobs.ts';
export type * from './ledger.ts';
export type * from './limits.ts';
export type * from './outbox.ts';
export type * from './payments-admin.ts';
export type * from './reconcile.ts';
export type * from './relay.ts';
export type * from './users-admin.ts';
export type * from './campaigns.ts';
export type * from './quick-replies.ts';
export type * from './texts.ts';
export type * from './updates.ts';
export type * from './metrics.ts';

/** Repositories bound to one database handle (the pool, or an open transaction). */
export interface Repos {
  flows: FlowsRepo;
  team: TeamRepo;
  users: UsersRepo;
  settings: SettingsRepo;
  products: ProductsRepo;
  updates: UpdatesRepo;
  paymentInbox: PaymentInboxRepo;
  once: OnceRepo;
  rateLimits: RateLimitsRepo;
  pendingGroups: PendingGroupsRepo;
  adminGroups: AdminGroupsRepo;
  ledger: LedgerRepo;
  payments: PaymentsRepo;
  outbox: OutboxRepo;
  topics: TopicsRepo;
  links: LinksRepo;
  inbox: InboxRepo;
  admin: AdminRepo;
  albums: AlbumsRepo;
  stripeEvents: StripeEventsRepo;
  disputes: DisputesRepo;
  content: ContentRepo;
  contentDrafts: ContentDraftsRepo;
  claimCodes: ClaimCodesRepo;
  adminMenus: AdminMenusRepo;
  stats: StatsRepo;
  conversations: ConversationsRepo;

  userDirectory: UserDirectoryRepo;
  quickReplies: QuickRepliesRepo;

  adminPayments: AdminPaymentsRepo;
  errorLog: ErrorLogRepo;
  /** Onboarding, tips, /privacy and test resets. */
  fanData: FanDataRepo;
  /** Broadcasts and mass gifts. */
  campaigns: CampaignsRepo;
  analytics: AnalyticsRepo;
  messageLog: MessageLogRepo;
  searches: SearchesRepo;
  /** Reconciliation's reads of our books (payments, grant keys, disputes). */
  reconcile: ReconcileRepo;
  /** Jobs enqueued through this handle commit with the transaction (only on handles from `uow`). */
  jobs: JobsPort;
}

export interface UnitOfWork {
  /** Runs `fn` in one transaction: every write and every job enqueued in it commit together. */
  run<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Repositories outside any transaction, for reads and single-statement writes. */
  readonly repos: Repos;
}

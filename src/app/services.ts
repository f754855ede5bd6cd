import type { Clock } from '../domain/shared/index.ts';
import { createAccountServices } from './accounts/index.ts';
import { createAdminServices } from './admin/index.ts';
import { createHubServices } from './admin/hub/index.ts';
import { createConversationServices } from './admin/conversations/index.ts';

import { createUsersAdminServices } from './admin/users/index.ts';

import { createProductServices } from './admin/products/index.ts';

import { adminGroupList } from './admin/groups.ts';
import { createTeamServices } from './admin/team/index.ts';

import { createSettingsAdminServices } from './admin/settings/index.ts';
import { createQuickReplyServices } from './admin/quick-replies/index.ts';
import { createBillingServices } from './billing/index.ts';
import { createContentServices } from './content/index.ts';
import type {
  Access,
  CardGateway,
  ChartRenderer,
  StarsRefunds,
  StarsStatement,
  StripeStatement,
  SystemProbes,
  UnitOfWork,
} from './ports/index.ts';
import { createReconcileServices } from './reconcile/index.ts';
import { createAccess } from './access/index.ts';
import { createRelayServices } from './relay/index.ts';
import type { FanBatchReport } from './relay/batch.ts';
import type { RenderTimings } from './relay/refresh.ts';
import { createSystemServices } from './system/index.ts';
import { createAdminPaymentsServices } from './admin/payments/index.ts';
import { createAnalyticsServices } from './admin/analytics/index.ts';
import { createSearchServices } from './admin/search/index.ts';
import { createErrorLog } from './system/error-log.ts';
import { createCampaignServices } from './campaigns/index.ts';

export interface ServiceDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** The configured admin forum groups, in configuration order (those set up with /setup are added). */
  adminGroupIds: readonly number[];
  adminUserIds: number[];
  /** The quiet time that closes an album (default 1.5 s; tests may shorten it). */
  albumWindowMs?: number;
  renderTimings?: RenderTimings;
  /** Telegram's `refundStarPayment` (absent where no bot is wired). */
  starsRefunds?: StarsRefunds;
  /** Stripe (absent when `STRIPE_SECRET_KEY` is not set: card payments are off). */
  cards?: CardGateway | undefined;
  /** The bot's username once it is known (links back to the bot from jobs). */
  identity?: { botUsername: string };
  /** Who may do what (built from `adminUserIds` and the team table when not given). */
  access?: Access;
  /** What the System screen asks the running process (absent in CLIs and most tests). */
  probes?: SystemProbes;
  /** The Stripe key is a test key: the control center links to Stripe's test-mode dashboard. */
  stripeTestMode?: boolean;
  /** The providers' statements for reconciliation (absent: that rail is not compared). */
  statements?: { stripe: StripeStatement | null; stars: StarsStatement | null };
  /** Removes secrets from a text before it is stored (the error log); the composition root's scrubber. */
  scrub?: (text: string) => string;
  /** Draws analytics' charts (integrations/charts); without one, Analytics shows the numbers only. */
  charts?: ChartRenderer;
  /** Told of each transaction of fans' messages (app/relay/batch.ts): counted, a failure logged. */
  onFanBatch?: (b: FanBatchReport) => void;
}

/** The use cases with their dependencies bound, one line per area: what adapters (bot, HTTP, workers) call. */
export function createServices(input: ServiceDeps) {
  const deps = {
    ...input,
    access: input.access ?? createAccess({ uow: input.uow, ownerIds: input.adminUserIds }),
    /** The configured admin groups and those set up with /setup (cached, dropped on any replica's change). */
    adminGroups: adminGroupList(input.uow, input.adminGroupIds),
  };
  return {
    /** `access.can(actor, permission)`: every filter and use case that acts for someone asks it. */
    access: deps.access,
    ...createSystemServices(deps),
    ...createAccountServices(deps),
    ...createRelayServices(deps),
    ...createBillingServices(deps),
    content: createContentServices(deps),
    ...createAdminServices(deps),
    /** The control center: menus, `/claim`, System and Dashboard figures. */
    hub: createHubServices(deps),
    /** Conversations: lists, flags, assignment, first-response times. */
    conversations: createConversationServices(deps),

    /** The control center's Users screen: search, a fan's card, credits, tiers. */
    adminUsers: createUsersAdminServices(deps),

    /** The control center's Products screen: packs and passes, prices per rail, Stripe sync. */
    productsAdmin: createProductServices(deps),

    /** The control center's Payments: lists, a payment's card, refunds, revenue per day. */
    adminPayments: createAdminPaymentsServices(deps),
    /** Analytics: daily series, conversion, ARPU/ARPPU, top spenders, products; charts and CSV. */
    analytics: createAnalyticsServices(deps),
    /** Search: payments by any mix of filters, messages by their text (the message log). */
    search: createSearchServices(deps),
    /** The newest errors of the update lifecycle (System, Dashboard). */
    errorLog: createErrorLog(deps),

    /** The Team category: members, roles, adding and removing (owners only). */
    team: createTeamServices(deps),

    /** The control center's Settings: every value, audited changes, the last changes. */
    settingsAdmin: createSettingsAdminServices(deps),

    /** Broadcasts and mass gifts: drafts, audiences, confirmation, batches, pause/resume/cancel. */
    campaigns: createCampaignServices(deps),
    /** Quick replies: templates (by category, with usage counts), import/export, the inline mode's answers. */
    quickReplies: createQuickReplyServices(deps),
    /** Books against Stripe's and Telegram's statements: `npm run reconcile`, System, the daily job. */
    reconcile: createReconcileServices({
      ...deps,
      statements: input.statements ?? { stripe: null, stars: null },
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

import type { Clock } from '../domain/shared/index.ts';
import { createAccountServices } from './accounts/index.ts';
import { createAdminServices } from './admin/index.ts';
import { createHubServices } from './admin/hub/index.ts';
import { createSettingsAdminServices } from './admin/settings/index.ts';
import { createBillingServices } from './billing/index.ts';
import { createContentServices } from './content/index.ts';
import type { Access, CardGateway, StarsRefunds, SystemProbes, UnitOfWork } from './ports/index.ts';
import { createAccess } from './access/index.ts';
import { createRelayServices } from './relay/index.ts';
import type { RenderTimings } from './relay/refresh.ts';
import { createSystemServices } from './system/index.ts';

export interface ServiceDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** The admin forum groups, in configuration order (empty: not set up yet). */
  adminGroupIds: readonly number[];
  adminUserIds: number[];
  outboxSignal: { notify(): void };
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
}

/** The use cases with their dependencies bound, one line per area: what adapters (bot, HTTP, workers) call. */
export function createServices(input: ServiceDeps) {
  const deps = {
    ...input,
    access: input.access ?? createAccess({ uow: input.uow, ownerIds: input.adminUserIds }),
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
    /** The control center's Settings: every value, audited changes, the last changes. */
    settingsAdmin: createSettingsAdminServices(deps),
  };
}

export type Services = ReturnType<typeof createServices>;

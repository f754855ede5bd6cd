import { broadcastCategory } from './broadcast.ts';
import { conversationsCategory } from './conversations.ts';
import { analyticsCategory } from './analytics.ts';
import { dashboardCategory } from './dashboard.ts';
import { searchCategory } from './search.ts';
import { productsCategory } from './products.ts';
import type { HubCategory } from './screen.ts';
import { paymentsCategory } from './payments.ts';
import { settingsCategory } from './settings/index.ts';
import { systemCategory } from './system.ts';
import { usersCategory } from './users.ts';
import { teamCategory } from './team.ts';
import { quickRepliesCategory } from './quick-replies.ts';

/**
 * The control center's categories, in the order the hub shows them. A category is one entry here (its
 * file renders its screens): the hub lists it for the roles its permission allows, answers its direct
 * command (`/<id>`, registered per scope in bot/commands.ts) and re-checks the permission on every press.
 * Only built categories are listed: a command for one that does not exist yet is neither answered nor
 * registered.
 */
export const HUB_CATEGORIES: readonly HubCategory[] = [
  conversationsCategory,
  quickRepliesCategory,
  usersCategory,
  productsCategory,
  paymentsCategory,
  broadcastCategory,
  dashboardCategory,
  analyticsCategory,
  searchCategory,
  settingsCategory,
  teamCategory,
  systemCategory,
];

/** The category with this id, if it is registered. */
export const hubCategory = (id: string): HubCategory | undefined => HUB_CATEGORIES.find((c) => c.id === id);

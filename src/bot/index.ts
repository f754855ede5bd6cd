// First: grammY's branches and middleware chain without a Composer or promises per update (bot/branching.ts).
import './branching.ts';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotConfig as GrammyBotConfig, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotDeps, Context } from './context.ts';
import { adminRelayFeature } from './features/admin-relay.ts';
import { adminTopicFeature } from './features/admin/index.ts';
import { adminHubFeature } from './features/admin/hub/index.ts';
import { resetFeature } from './features/admin/reset.ts';
import { campaignControlsFeature } from './features/admin/campaign-controls.ts';
import { balanceFeature } from './features/balance.ts';
import { buyFeature } from './features/buy.ts';
import { billingFeature } from './features/billing.ts';
import { autoRechargeFeature } from './features/auto-recharge.ts';
import { contentFeature } from './features/content/index.ts';
import { disputeAlertFeature } from './features/dispute-alert.ts';
import { legalFeature } from './features/legal.ts';
import { languageFeature } from './features/language.ts';
import { historyFeature } from './features/history.ts';
import { editsFeature } from './features/edits.ts';
import { fanRelayFeature } from './features/fan-relay.ts';
import { fanStateFeature } from './features/fan-state.ts';
import { groupMembershipFeature } from './features/group-membership.ts';
import { setupFeature } from './features/setup.ts';
import { helpFeature } from './features/help.ts';
import { startFeature } from './features/start.ts';
import { onboardingFeature } from './features/onboarding.ts';
import { privacyFeature } from './features/privacy.ts';
import { unhandledFeature } from './features/unhandled.ts';
import { quickRepliesInlineFeature } from './features/quick-replies-inline.ts';
import { attachDeps } from './middlewares/attach-deps.ts';
import { paymentInbox } from './middlewares/payment-inbox.ts';
import { updateLifecycle } from './middlewares/update-lifecycle.ts';
import { rateLimit } from './middlewares/rate-limit.ts';
import { typingThrottle } from './helpers/typing-throttle.ts';
import { laneOf } from './inbound.ts';

export interface CreateBotOptions {
  apiRoot: string;
  /** Shares 429s and budget use of direct answers with the outbox. */
  floodTransformer?: Transformer;
  /** Counts the calls that reach Telegram (innermost). */
  callMetrics?: Transformer;
  /** Skip getMe at start (tests, or a cached value). */
  botInfo?: UserFromGetMe;
}

/** Update types the bot asks Telegram for (webhook and polling alike). */
export { membershipProbe } from './features/group-membership.ts';

export const ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'callback_query',
  'my_chat_member',
  // Team members joining or leaving an admin group (app/admin/memberships.ts).
  'chat_member',
  'pre_checkout_query',
  'purchased_paid_media',
  // Quick replies through inline mode (features/quick-replies-inline.ts); the choice counts a use.
  'inline_query',
  'chosen_inline_result',
] as const;

export function createBot(token: string, deps: BotDeps, options: CreateBotOptions): Bot<Context> {
  const config: GrammyBotConfig<Context> = { client: { apiRoot: options.apiRoot } };
  if (options.botInfo) config.botInfo = options.botInfo;
  const bot = new Bot<Context>(token, config);

  // Inner first: the flood transformer sees every attempt, including those auto-retry repeats.
  if (options.callMetrics) bot.api.config.use(options.callMetrics);
  if (options.floodTransformer) bot.api.config.use(options.floodTransformer);
  // A typing indicator per chat at most every 5 s (before the flood guard: a dropped one spends nothing).
  bot.api.config.use(typingThrottle());
  // Direct answers only wait out short flood waits; anything longer belongs in the outbox.
  bot.api.config.use(autoRetry({ maxDelaySeconds: 5, maxRetryAttempts: 3, rethrowHttpErrors: true }));

  // Updates of one lane are handled one after another (bot/inbound.ts#laneOf: a private chat, or one topic
  // of a group): in polling mode the runner is concurrent across them, and in webhook mode the drainer
  // already runs one update per lane at a time, so both modes keep the same order and concurrency.
  bot.use(sequentialize((ctx: Context) => laneOf(ctx.update)));
  bot.use(attachDeps(deps));
  // Claims, retries, the dead letter and apologies: every error below ends here (see the middleware).
  const safe = bot.use(updateLifecycle);
  safe.use(paymentInbox);
  safe.use(rateLimit);
  safe.use(quickRepliesInlineFeature);
  safe.use(adminHubFeature); // before /start: t.me/<bot>?start=admin opens the control center
  safe.use(startFeature);
  safe.use(onboardingFeature);
  safe.use(balanceFeature);
  safe.use(helpFeature);
  safe.use(buyFeature);
  safe.use(billingFeature);
  safe.use(autoRechargeFeature);
  safe.use(legalFeature);
  safe.use(privacyFeature);
  safe.use(languageFeature);
  safe.use(historyFeature);
  safe.use(contentFeature); // before the fan relay: an admin's draft answers are not fan messages
  safe.use(setupFeature); // before the membership rules: an owner's /setup is answered wherever it is sent
  safe.use(groupMembershipFeature); // leaves groups other than the admin group (and one waiting for setup)
  safe.use(fanRelayFeature);
  safe.use(editsFeature);
  safe.use(fanStateFeature);
  safe.use(adminRelayFeature);
  safe.use(resetFeature); // owners: /reset <id> in private, /reset in a fan's topic
  safe.use(adminTopicFeature);
  safe.use(disputeAlertFeature);
  safe.use(campaignControlsFeature);
  safe.use(unhandledFeature); // must be the last handler
  return bot;
}

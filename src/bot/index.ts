import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { type ApiClientOptions, Bot, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { City } from "../city/index.js";
import type { Config } from "../config/env.js";
import type { TicketService } from "../handoff/index.js";
import type { KnowledgeSource } from "../knowledge/index.js";
import type { Logger } from "../logger.js";
import type { BotStorage } from "../storage/index.js";
import type { Context } from "./context.js";
import { createDistrictConversation } from "./conversations/district.js";
import { createHandoffConversation } from "./conversations/handoff.js";
import { createOnboardingConversation } from "./conversations/onboarding.js";
import { CONVERSATION_VERSION } from "./conversations/steps.js";
import { feedbackFeature } from "./features/feedback.js";
import { groupFeature } from "./features/group.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { menuFeature } from "./features/menu.js";
import { privacyFeature } from "./features/privacy.js";
import { questionFeature } from "./features/question.js";
import { createStaffFeature } from "./features/staff.js";
import { ticketsFeature } from "./features/tickets.js";
import { unsupportedFeature } from "./features/unsupported.js";
import { welcomeFeature } from "./features/welcome.js";
import { handleFeatureError, logError } from "./helpers/error-handler.js";
import { createI18n } from "./i18n.js";
import { dependencies } from "./middlewares/dependencies.js";
import { i18nMiddleware } from "./middlewares/i18n.js";
import { rateLimit } from "./middlewares/rate-limit.js";
import { updateLogger } from "./middlewares/update-logger.js";
import { installTransformers } from "./transformers.js";

export type { Context, SessionData } from "./context.js";

/** The updates the bot handles; Telegram does not send the others (reactions, polls, business messages…). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface BotDependencies {
  /** From @BotFather; `lotse chat` and the tests pass a dummy, since they never reach Telegram. */
  token: string;
  config: Config;
  storage: BotStorage;
  knowledge: KnowledgeSource;
  /** The districts and offices questions are handed to. */
  city: City;
  /** The hand-off's tickets; the outbox that delivers them runs beside the bot, not in it. */
  tickets: TicketService;
  logger: Logger;
  /** Known in advance in tests and `lotse chat`, so the bot never calls getMe. */
  botInfo?: UserFromGetMe;
  /** How the Bot API is reached: `lotse chat` and the tests replace `fetch`. */
  client?: ApiClientOptions;
}

/** Serialises the updates of one chat: the session, the conversation and the replies stay in order. */
function chatKey(ctx: Pick<Context, "chat">): string | undefined {
  return ctx.chat?.id.toString();
}

// Only private chats have a session: the bot leaves groups, and staff groups keep no state per chat.
function privateChatKey(ctx: Pick<Context, "chat">): string | undefined {
  return ctx.chat?.type === "private" ? chatKey(ctx) : undefined;
}

/**
 * Builds the bot: API transformers, then middlewares, then the features in the order they get a chance
 * at an update, the catch-all for unsupported updates last. Starts nothing and contacts no one; the
 * caller decides between polling, a webhook, or feeding updates by hand.
 */
export function createBot({
  token,
  config,
  storage,
  knowledge,
  city,
  tickets,
  logger,
  botInfo,
  client,
}: BotDependencies): Bot<Context> {
  const bot = new Bot<Context>(token, {
    botInfo,
    client: { ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}), ...client },
  });
  installTransformers(bot.api);

  // Middlewares
  bot.use(updateLogger(logger));
  bot.use(dependencies({ config, city, tickets, knowledge }));
  bot.use(sequentialize(chatKey));
  bot.use(session({ initial: () => ({}), storage: storage.sessions, getSessionKey: privateChatKey }));
  const i18n = createI18n();
  bot.use(i18nMiddleware(i18n));
  bot.use(rateLimit({ counters: storage.counters, ...config.rateLimit }));
  bot.use(
    conversations({
      storage: { type: "key", version: CONVERSATION_VERSION, adapter: storage.conversations, getStorageKey: chatKey },
    }),
  );

  // Features
  const features = bot.errorBoundary(handleFeatureError);
  features.use(createStaffFeature(i18n, city));
  features.use(groupFeature);
  features.use(createOnboardingConversation());
  features.use(createHandoffConversation(i18n, city, config.handoff));
  features.use(createDistrictConversation(i18n, city));
  features.use(welcomeFeature);
  features.use(languageFeature);
  features.use(helpFeature);
  features.use(privacyFeature);
  features.use(menuFeature);
  features.use(feedbackFeature);
  features.use(ticketsFeature);
  features.use(questionFeature);
  features.use(unsupportedFeature);

  // Failures outside the features (Redis unreachable, say) while polling; webhook and handleUpdate rethrow them.
  bot.catch(({ error, ctx }) => logError(ctx.logger, error));
  return bot;
}

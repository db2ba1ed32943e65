import { once } from "node:events";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, GrammyError } from "grammy";
import { registerCommands } from "../bot/commands.js";
import { ALLOWED_UPDATES, type Context } from "../bot/index.js";
import { createWebhookServer } from "../bot/webhook.js";
import { officesWithoutStaffChat } from "../city/index.js";
import { type Config, parseConfig } from "../config/env.js";
import { createKnowledge, type KnowledgeSource } from "../knowledge/index.js";
import { createLogger, errorFields, type Logger } from "../logger.js";
import { assembleLotse, loadCityFile } from "../runtime.js";
import { formatProblem } from "../validation/problem.js";
import type { Io } from "./io.js";
import { connectRedis } from "./redis.js";

/** Stops receiving updates and resolves once the updates in progress are done. */
type Stop = () => Promise<void>;

/**
 * `lotse start`: the Telegram bot, by long polling (default) or webhook, and the hand-off's outbox, until
 * SIGINT or SIGTERM; SIGHUP reloads the FAQ. Refuses to start without BOT_TOKEN and REDIS_URL (without
 * Redis, a restart would forget every user's conversation and ticket) and while an office has no staff
 * chat (its questions would have nowhere to go).
 */
export async function startCommand(_args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = parseConfig(env);
  const { botToken, redisUrl } = config;
  if (!botToken || !redisUrl) {
    const missing = [botToken ? "" : "BOT_TOKEN", redisUrl ? "" : "REDIS_URL"].filter(Boolean).join(" and ");
    io.err(
      `lotse start: ${missing} must be set (see .env.example). ` +
        "To try the bot without a token or Redis, run: npx lotse chat",
    );
    return 1;
  }
  const city = loadCityFile(config.cityFile);
  const unstaffed = officesWithoutStaffChat(city);
  if (unstaffed.length > 0) {
    io.err(
      `lotse start: no staff chat for ${unstaffed.join(", ")}; questions for ${unstaffed.length === 1 ? "it" : "them"} ` +
        `would have nowhere to go. Set staff_chat_id in ${config.cityFile} (check with: npx lotse config check)`,
    );
    return 1;
  }
  const logger = createLogger({ level: config.logLevel ?? "info" });
  const redis = await connectRedis(redisUrl, logger);
  let onReload: (() => void) | undefined;
  try {
    const knowledge = createKnowledge({ faqDir: config.faqDir });
    onReload = () => reload(knowledge, logger);
    process.on("SIGHUP", onReload);
    const { bot, handoff } = assembleLotse({ token: botToken, config, city, knowledge, logger, redis });
    await initialize(bot, logger);
    // Tickets taken while the bot was down (or left by a crashed instance) go out now.
    handoff.start();
    const { stop, crashed } = config.webhook
      ? await startWebhook(bot, config.webhook, config.port, logger)
      : await startPolling(bot);
    logger.info("bot started", { mode: config.botMode, username: bot.botInfo.username });

    const outcome = await Promise.race([signalled(["SIGINT", "SIGTERM"]), crashed]);
    if (outcome instanceof Error) {
      logger.error("the bot stopped receiving updates", errorFields(outcome));
      await handoff.stop();
      return 1;
    }
    logger.info("stopping", { signal: outcome });
    await stop();
    await handoff.stop();
    logger.info("stopped");
    return 0;
  } finally {
    if (onReload) process.off("SIGHUP", onReload);
    await redis.quit();
  }
}

/** getMe (which also checks the token) and the command menu. */
async function initialize(bot: Bot<Context>, logger: Logger): Promise<void> {
  try {
    await bot.init();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401)
      throw new Error("Telegram refused BOT_TOKEN (401 Unauthorized); copy the token from @BotFather again");
    throw error;
  }
  try {
    await registerCommands(bot.api);
  } catch (error) {
    // The command menu is a convenience; typed commands work without it, so the bot starts anyway.
    logger.warn("could not set the command menu", errorFields(error));
  }
}

async function startPolling(bot: Bot<Context>): Promise<{ stop: Stop; crashed: Promise<Error> }> {
  // A webhook left over from an earlier webhook deployment would make getUpdates fail.
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  // The runner ends by itself only when it cannot go on (the token was revoked, another instance polls).
  const crashed = (runner.task() ?? Promise.resolve()).then(
    () => new Error("polling ended"),
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  return { stop: () => runner.stop(), crashed };
}

async function startWebhook(
  bot: Bot<Context>,
  webhook: NonNullable<Config["webhook"]>,
  port: number,
  logger: Logger,
): Promise<{ stop: Stop; crashed: Promise<Error> }> {
  const server = createWebhookServer(bot, { path: new URL(webhook.url).pathname, secretToken: webhook.secret, logger });
  server.listen(port);
  await once(server, "listening");
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
  const crashed = once(server, "error").then(([error]) => error as Error);
  const stop = async () => {
    // The webhook stays registered: during a rolling deployment another instance takes the requests.
    const closed = once(server, "close");
    server.close();
    server.closeIdleConnections();
    await closed;
  };
  return { stop, crashed };
}

function reload(knowledge: KnowledgeSource, logger: Logger): void {
  const { reloaded, problems } = knowledge.reload();
  if (reloaded) {
    logger.info("FAQ reloaded", { topics: knowledge.get().faq.topics.length });
    return;
  }
  logger.error("FAQ reload refused; the previous FAQ stays in use", { problems: problems.length });
  for (const problem of problems) logger.error(formatProblem(problem));
}

/** Resolves with the first of `signals` the process receives; the listeners are removed again. */
async function signalled(signals: NodeJS.Signals[]): Promise<NodeJS.Signals> {
  const abort = new AbortController();
  try {
    return await Promise.race(
      signals.map((signal) => once(process, signal, { signal: abort.signal }).then(() => signal)),
    );
  } finally {
    abort.abort();
  }
}

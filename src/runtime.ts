import { Api, type ApiClientOptions, type Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import { createI18n } from "./bot/i18n.js";
import { type Context, createBot } from "./bot/index.js";
import { type City, loadCity } from "./city/index.js";
import type { Config } from "./config/env.js";
import {
  createHandoff,
  createMemoryHandoffStore,
  createRedisHandoffStore,
  type Handoff,
  type HandoffOptions,
} from "./handoff/index.js";
import type { KnowledgeSource } from "./knowledge/index.js";
import type { Logger } from "./logger.js";
import { type BotStorage, createMemoryStorage, createRedisStorage } from "./storage/index.js";
import { ValidationError } from "./validation/problem.js";

const DAY_SECONDS = 24 * 60 * 60;
const OUTBOX_CALL_TIMEOUT_SECONDS = 20;

export interface LotseParts {
  token: string;
  config: Config;
  city: City;
  knowledge: KnowledgeSource;
  logger: Logger;
  /** Redis for everything; without it (only `lotse chat`) state lives in this process. */
  redis?: Redis;
  botInfo?: UserFromGetMe;
  /** How the Bot API is reached, by the bot and by the outbox alike. */
  client?: ApiClientOptions;
  /** Outbox timings; tests shorten them. */
  outbox?: HandoffOptions["outbox"];
  reminderCheckMs?: number;
  clock?: () => number;
}

export interface Lotse {
  bot: Bot<Context>;
  handoff: Handoff;
  storage: BotStorage;
}

/**
 * Puts Lotse together from its parts: storage, the hand-off pipeline and the bot on top of it. `lotse
 * start`, `lotse chat` and the tests all go through here, so they run the same assembly.
 */
export function assembleLotse(parts: LotseParts): Lotse {
  const { token, config, city, knowledge, logger, redis } = parts;
  const ttlSeconds = config.sessionTtlDays * DAY_SECONDS;
  const storage = redis
    ? createRedisStorage(redis, { prefix: config.redisPrefix, ttlSeconds })
    : createMemoryStorage({ ttlSeconds });
  const store = redis
    ? createRedisHandoffStore(redis, {
        prefix: config.redisPrefix,
        retentionSeconds: config.handoff.ticketRetentionDays * DAY_SECONDS,
      })
    : createMemoryHandoffStore();
  const client = { ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}), ...parts.client };
  const handoff = createHandoff({
    store,
    city,
    counters: storage.counters,
    limits: {
      maxOpenPerUser: config.handoff.maxOpenPerUser,
      maxPerDay: config.handoff.maxPerDay,
      remindAfterMs: config.handoff.remindAfterHours * 60 * 60 * 1000,
      blockSeconds: config.handoff.blockDays * DAY_SECONDS,
    },
    knowledge,
    // Well under the outbox lease: a call that hangs fails and is retried instead of holding its lane.
    api: new Api(token, { timeoutSeconds: OUTBOX_CALL_TIMEOUT_SECONDS, ...client }),
    i18n: createI18n(),
    logger,
    outbox: { leaseMs: config.handoff.outboxLeaseSeconds * 1000, ...parts.outbox },
    ...(parts.reminderCheckMs ? { reminderCheckMs: parts.reminderCheckMs } : {}),
    ...(parts.clock ? { clock: parts.clock } : {}),
  });
  const bot = createBot({
    token,
    config,
    storage,
    knowledge,
    city,
    tickets: handoff.tickets,
    logger,
    ...(parts.botInfo ? { botInfo: parts.botInfo } : {}),
    client,
  });
  return { bot, handoff, storage };
}

/** The city file, or a ValidationError naming every problem in it. Warnings are the caller's business. */
export function loadCityFile(file: string): City {
  const { city, problems } = loadCity(file);
  if (!city) throw new ValidationError(problems, `the city file ${file}`);
  return city;
}

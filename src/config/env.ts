import { z } from "zod";
import { DEFAULT_CITY_FILE } from "../city/index.js";
import { DEFAULT_FAQ_DIR } from "../cli/io.js";
import { LOG_LEVELS, type LogLevel } from "../logger.js";

/** The bot's configuration, read from environment variables once at start (see `.env.example`). */
export interface Config {
  /** From @BotFather; `lotse chat` runs without one. */
  botToken?: string;
  /** Sessions and conversation state live here; without it only `lotse chat` runs (in memory). */
  redisUrl?: string;
  /** Put in front of every Redis key, so several bots (or tests) can share one Redis. */
  redisPrefix: string;
  /** Data retention: what the bot remembers about a user is deleted this long after their last message. */
  sessionTtlDays: number;
  /** A self-hosted Bot API server (or a test emulator) instead of api.telegram.org. */
  telegramApiRoot?: string;
  botMode: "polling" | "webhook";
  /** Set exactly when `botMode` is "webhook". */
  webhook?: { url: string; secret: string };
  /** The port the webhook server listens on. */
  port: number;
  faqDir: string;
  /** Unset means: each command picks its own default (`start` logs more than `chat`). */
  logLevel?: LogLevel;
  /** At most `max` updates per user within `windowSeconds`; emergencies always get through. */
  rateLimit: { max: number; windowSeconds: number };
  /** The city file: districts, postal codes, offices and their staff groups. */
  cityFile: string;
  handoff: {
    /** Unfinished questions one newcomer may have with the offices at a time. */
    maxOpenPerUser: number;
    /** Questions one newcomer may hand off within 24 hours. */
    maxPerDay: number;
    /** Staff are reminded of a question waiting this long (and the newcomer told it takes longer). */
    remindAfterHours: number;
    /** Finished tickets (without their text) are deleted this long after they were closed. */
    ticketRetentionDays: number;
    /** How long /block keeps a newcomer from handing off questions. */
    blockDays: number;
    /** How soon another instance takes over the outbox of one that died (and redelivers what it left). */
    outboxLeaseSeconds: number;
  };
}

/** Thrown when environment variables are missing or malformed; every issue names its variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly issues: Array<{ variable: string; message: string }>) {
    super(`invalid configuration:\n${issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join("\n")}`);
  }
}

// An empty value (`BOT_TOKEN=` in an .env file) means "not set", as in most tools that read .env files.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const integer = (min: number, max: number, fallback: number) =>
  optional(
    z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  ).transform((value) => value ?? fallback);

const url = (protocols: RegExp, hint: string) =>
  z.url({ protocol: protocols, error: `must be a URL starting with ${hint}` }).transform((u) => u.replace(/\/+$/, ""));

const envSchema = z
  .object({
    BOT_TOKEN: optional(
      z.string().regex(/^\d+:[\w-]+$/, "must look like 123456789:AAE… (the token @BotFather gave you)"),
    ),
    REDIS_URL: optional(url(/^rediss?$/, "redis:// or rediss://")),
    REDIS_PREFIX: optional(z.string().regex(/^[\w:.-]+$/, "use letters, digits and : . _ - only")).transform(
      (value) => value ?? "lotse:",
    ),
    SESSION_TTL_DAYS: integer(1, 3650, 30),
    TELEGRAM_API_ROOT: optional(url(/^https?$/, "http:// or https://")),
    BOT_MODE: optional(z.enum(["polling", "webhook"], { error: 'must be "polling" or "webhook"' })).transform(
      (value) => value ?? "polling",
    ),
    WEBHOOK_URL: optional(url(/^https?$/, "https:// (http:// only with a self-hosted Bot API server)")),
    WEBHOOK_SECRET: optional(
      z.string().regex(/^[\w-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ and - (Telegram's rule)"),
    ),
    PORT: integer(1, 65535, 8080),
    FAQ_DIR: optional(z.string()).transform((value) => value ?? DEFAULT_FAQ_DIR),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
    RATE_LIMIT_MAX: integer(1, 1000, 10),
    RATE_LIMIT_WINDOW_SECONDS: integer(1, 3600, 10),
    CITY_FILE: optional(z.string()).transform((value) => value ?? DEFAULT_CITY_FILE),
    HANDOFF_MAX_OPEN: integer(1, 100, 3),
    HANDOFF_MAX_PER_DAY: integer(1, 1000, 5),
    REMIND_AFTER_HOURS: integer(1, 24 * 30, 24),
    TICKET_RETENTION_DAYS: integer(1, 3650, 30),
    BLOCK_DAYS: integer(1, 3650, 90),
    OUTBOX_LEASE_SECONDS: integer(1, 600, 30),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    for (const variable of ["WEBHOOK_URL", "WEBHOOK_SECRET"] as const) {
      if (!env[variable])
        ctx.addIssue({ code: "custom", path: [variable], message: "is required when BOT_MODE=webhook" });
    }
  });

/** Parses the environment; throws a ConfigError naming every wrong variable. Call once, in a command. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  const e = result.data;
  return {
    botToken: e.BOT_TOKEN,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    botMode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook" && e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET }
        : undefined,
    port: e.PORT,
    faqDir: e.FAQ_DIR,
    logLevel: e.LOG_LEVEL,
    rateLimit: { max: e.RATE_LIMIT_MAX, windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS },
    cityFile: e.CITY_FILE,
    handoff: {
      maxOpenPerUser: e.HANDOFF_MAX_OPEN,
      maxPerDay: e.HANDOFF_MAX_PER_DAY,
      remindAfterHours: e.REMIND_AFTER_HOURS,
      ticketRetentionDays: e.TICKET_RETENTION_DAYS,
      blockDays: e.BLOCK_DAYS,
      outboxLeaseSeconds: e.OUTBOX_LEASE_SECONDS,
    },
  };
}

/** The Redis URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}

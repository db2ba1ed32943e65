import { randomUUID } from "node:crypto";
import type { Bot } from "grammy";
import type { Chat, InlineKeyboardButton, Message, Update, User } from "grammy/types";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach } from "vitest";
import type { Context } from "../../src/bot/index.js";
import type { City } from "../../src/city/index.js";
import { DEFAULT_FAQ_DIR } from "../../src/cli/io.js";
import { parseConfig } from "../../src/config/env.js";
import { createKnowledge, type KnowledgeSource } from "../../src/knowledge/index.js";
import type { Lang } from "../../src/languages.js";
import { type BotApiCall, htmlToText, LOCAL_BOT_INFO, LocalTelegram } from "../../src/local/telegram.js";
import { createLogger } from "../../src/logger.js";
import { assembleLotse, type Lotse, type LotseParts, loadCityFile } from "../../src/runtime.js";

// ── Redis ───────────────────────────────────────────────────────────────────────────────────────────
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A client for one test file. No retries: a missing Redis fails the test at once instead of skipping it. */
export function connectTestRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null });
}

/** A key prefix no other test uses, so tests can run in parallel against one Redis. */
export function uniquePrefix(): string {
  return `lotse-test:${randomUUID()}:`;
}

export async function keysWithPrefix(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 100 })) keys.push(...(batch as string[]));
  return keys.sort();
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await keysWithPrefix(redis, prefix);
  if (keys.length > 0) await redis.del(...keys);
}

// ── The real FAQ, loaded once per test file ─────────────────────────────────────────────────────────
let shippedKnowledge: KnowledgeSource | undefined;
export function shippedFaq(): KnowledgeSource {
  shippedKnowledge ??= createKnowledge({ faqDir: DEFAULT_FAQ_DIR });
  return shippedKnowledge;
}

/**
 * Messages that should leave the matcher undecided between topics, a few per language. Which of them it
 * settles on one topic shifts as the FAQ and the thresholds are tuned, so tests take the first that the
 * shipped matcher asks back about, and fail only when none does.
 */
const AMBIGUOUS: Record<string, string[]> = {
  en: ["insurance", "card", "children", "papers", "help with a letter"],
  ar: ["تأمين", "الأطفال", "المال"],
  fa: ["بیمه", "کارت", "پول", "بچه‌ها", "بیمه خانه", "مدرسه", "بیمه ماشین"],
  uk: ["страхування", "страховка", "гроші", "картка"],
  ru: ["страховка", "карта", "деньги"],
  tr: ["sigorta", "çocuklar", "kart"],
};

export function ambiguousMessage(lang: keyof typeof AMBIGUOUS): string {
  const { matcher } = shippedFaq().get();
  const candidates = AMBIGUOUS[lang] ?? [];
  const found = candidates.find((text) => matcher.match(text, { lang: lang as Lang }).decision === "clarify");
  if (!found)
    throw new Error(`the matcher answers all of ${candidates.join(", ")} in ${lang}; add an ambiguous example`);
  return found;
}

// ── Bots ────────────────────────────────────────────────────────────────────────────────────────────
// ── The shipped city, with a staff group for every office ──────────────────────────────────────────
/** Staff group ids of the test city: office number i (in the city file's order) has STAFF_CHAT_BASE - i. */
export const STAFF_CHAT_BASE = -1_001_000_000_000;

export function testCity(): City {
  const city = loadCityFile(parseConfig({}).cityFile);
  return {
    ...city,
    offices: city.offices.map((office, index) => ({ ...office, staffChatId: STAFF_CHAT_BASE - index })),
  };
}

export interface TestBotOptions {
  redis: Redis;
  prefix: string;
  telegram: LocalTelegram;
  /** Environment variables on top of the defaults; the rate limit is lifted unless a test sets it. */
  env?: Record<string, string>;
  knowledge?: KnowledgeSource;
  /** Receives every log line (JSON), for tests about what is logged. */
  log?: string[];
  city?: City;
  outbox?: LotseParts["outbox"];
  clock?: () => number;
}

/** The real bot and hand-off (outbox not started), on real Redis, talking to the in-process Telegram. */
export function createTestLotse({
  redis,
  prefix,
  telegram,
  env = {},
  knowledge,
  log,
  city,
  outbox,
  clock,
}: TestBotOptions): Lotse {
  return assembleLotse({
    token: "0:test",
    config: parseConfig({ REDIS_PREFIX: prefix, RATE_LIMIT_MAX: "1000", ...env }),
    city: city ?? testCity(),
    knowledge: knowledge ?? shippedFaq(),
    logger: createLogger({ level: log ? "debug" : "silent", write: (line) => log?.push(line) }),
    redis,
    botInfo: LOCAL_BOT_INFO,
    client: { fetch: telegram.fetch },
    outbox: outbox ?? { pollMs: 20, leaseMs: 2_000, backoff: { firstMs: 20, maxMs: 200 } },
    ...(clock ? { clock } : {}),
  });
}

export function createTestBot(options: TestBotOptions): Bot<Context> {
  return createTestLotse(options).bot;
}

/**
 * The usual setup of a bot test: per test a fresh key prefix in the shared Redis (deleted afterwards) and
 * a fresh Telegram; `bot()` builds a bot on them, `user()` a user talking to it.
 */
export function useBots() {
  const redis = connectTestRedis();
  let prefix = uniquePrefix();
  let telegram = new LocalTelegram();
  beforeEach(() => {
    prefix = uniquePrefix();
    telegram = new LocalTelegram();
  });
  afterEach(() => deleteKeys(redis, prefix));
  afterAll(() => redis.quit());
  return {
    redis,
    get prefix() {
      return prefix;
    },
    get telegram() {
      return telegram;
    },
    bot: (options: Omit<TestBotOptions, "redis" | "prefix" | "telegram"> = {}) =>
      createTestBot({ redis, prefix, telegram, ...options }),
    lotse: (options: Omit<TestBotOptions, "redis" | "prefix" | "telegram"> = {}) =>
      createTestLotse({ redis, prefix, telegram, ...options }),
    user: (bot: Bot<Context>, languageCode?: string) => new TestUser(telegram, bot, languageCode),
  };
}

// ── What the bot did in reply to one update ─────────────────────────────────────────────────────────
export class Exchange {
  constructor(readonly calls: BotApiCall[]) {}

  /** The calls of one method, e.g. "sendMessage". */
  of(method: string): BotApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The HTML of every message sent, in order. */
  get sent(): string[] {
    return this.of("sendMessage").map((call) => String(call.payload.text));
  }

  /** Everything the user sees, as plain text: messages, edits and button notices. */
  get text(): string {
    return this.calls
      .map((call) => call.payload.text)
      .filter((text) => typeof text === "string")
      .map(htmlToText)
      .join("\n---\n");
  }

  /** The labels of the buttons under the last message sent or edited with buttons. */
  get buttons(): string[] {
    const withKeyboard = this.calls.filter((call) => call.payload.reply_markup !== undefined);
    const markup = withKeyboard.at(-1)?.payload.reply_markup as
      | { inline_keyboard: InlineKeyboardButton[][] }
      | undefined;
    return markup?.inline_keyboard.flat().map((button) => button.text) ?? [];
  }

  /** The notice shown for a pressed button, if any. */
  get notice(): string | undefined {
    const text = this.of("answerCallbackQuery").at(-1)?.payload.text;
    return typeof text === "string" ? text : undefined;
  }
}

// ── A user in a private chat ────────────────────────────────────────────────────────────────────────
let lastUserId = 7_000_000;

/** A Telegram user talking to the bot; `bot` can be swapped to simulate a restart or a second instance. */
export class TestUser {
  readonly from: User;

  constructor(
    readonly telegram: LocalTelegram,
    public bot: Bot<Context>,
    languageCode?: string,
  ) {
    lastUserId += 1;
    this.from = {
      id: lastUserId,
      is_bot: false,
      first_name: "Amira",
      ...(languageCode ? { language_code: languageCode } : {}),
    };
  }

  send(text: string, via: Bot<Context> = this.bot): Promise<Exchange> {
    return this.deliver(this.telegram.textUpdate(this.from, text), via);
  }

  /** Presses the newest button whose label matches, as the user would. */
  press(label: string | RegExp, via: Bot<Context> = this.bot): Promise<Exchange> {
    const matches = (button: InlineKeyboardButton) =>
      typeof label === "string" ? button.text === label : label.test(button.text);
    for (const message of this.telegram.messagesIn(this.from.id).reverse()) {
      const button = message.reply_markup?.inline_keyboard.flat().find(matches);
      if (button && "callback_data" in button) {
        return this.deliver(this.telegram.callbackUpdate(this.from, message, button.callback_data), via);
      }
    }
    throw new Error(`no button ${label} in the chat`);
  }

  /** A button press with arbitrary data, e.g. from a message of an older release. */
  pressData(data: string): Promise<Exchange> {
    const message = this.telegram.messagesIn(this.from.id).at(-1);
    if (!message) throw new Error("the bot has not sent anything to press");
    return this.deliver(this.telegram.callbackUpdate(this.from, message, data));
  }

  /** A non-text message, e.g. `{ voice: {...} }`. */
  sendMessage(content: Partial<Message>): Promise<Exchange> {
    return this.deliver({
      update_id: this.telegram.nextUpdateId(),
      message: { ...this.telegram.incoming(this.from), ...content },
    } as Update);
  }

  /** An edit of an earlier message to `text`. */
  edit(text: string): Promise<Exchange> {
    const edited = { ...this.telegram.incoming(this.from), text, edit_date: Math.floor(Date.now() / 1000) };
    return this.deliver({ update_id: this.telegram.nextUpdateId(), edited_message: edited } as Update);
  }

  async deliver(update: Update, via: Bot<Context> = this.bot): Promise<Exchange> {
    const before = this.telegram.calls.length;
    await via.handleUpdate(update);
    // The outbox delivers to staff groups in the background meanwhile; those calls are not this user's.
    const mine = (call: BotApiCall) => call.payload.chat_id === undefined || call.payload.chat_id === this.from.id;
    return new Exchange(this.telegram.calls.slice(before).filter(mine));
  }
}

// ── Updates from other chats ────────────────────────────────────────────────────────────────────────
export function groupMessage(telegram: LocalTelegram, chat: Chat, from: User, text: string): Update {
  const { message_id, date } = telegram.incoming(from);
  return { update_id: telegram.nextUpdateId(), message: { message_id, date, chat, from, text } } as Update;
}

/** The bot's membership in `chat` changed, e.g. someone added it to a group. */
export function membershipUpdate(
  telegram: LocalTelegram,
  chat: Chat,
  from: User,
  status: "member" | "left" | "kicked",
): Update {
  return {
    update_id: telegram.nextUpdateId(),
    my_chat_member: {
      chat,
      from,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: "left", user: LOCAL_BOT_INFO },
      new_chat_member: { status, user: LOCAL_BOT_INFO, ...(status === "kicked" ? { until_date: 0 } : {}) },
    },
  } as Update;
}

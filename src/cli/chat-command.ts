import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { InlineKeyboardMarkup, Update, User } from "grammy/types";
import type { Redis } from "ioredis";
import { createBot } from "../bot/index.js";
import { parseConfig, redactUrl } from "../config/env.js";
import { createKnowledge } from "../knowledge/index.js";
import { isLang, LANGUAGES } from "../languages.js";
import { type BotApiCall, htmlToText, LOCAL_BOT_INFO, LocalTelegram } from "../local/telegram.js";
import { createLogger } from "../logger.js";
import { type BotStorage, createMemoryStorage, createRedisStorage } from "../storage/index.js";
import type { Io } from "./io.js";
import { connectRedis } from "./redis.js";

const USAGE = "usage: lotse chat [--lang de|en|ar|fa|uk|ru|tr|ku]";

/** The simulated user; a fixed id, so that with Redis a later `lotse chat` continues where this one stopped. */
const CHAT_USER: User = { id: 1_000_000_002, is_bot: false, first_name: "Lotse chat" };

/**
 * `lotse chat`: the real bot (same middleware, texts and storage) in the terminal, without a token.
 * Telegram is replaced by an in-process Bot API whose calls are printed; inline buttons are numbered and
 * a bare number presses one. Interactive on a terminal; with piped input one message per line, each
 * answered completely before the next, ending at the end of input.
 */
export async function chatCommand(
  args: string[],
  io: Io,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<number> {
  const { values } = parseArgs({ args, options: { lang: { type: "string" } } });
  if (values.lang !== undefined && !isLang(values.lang)) {
    io.err(`unknown language "${values.lang}"; use one of ${LANGUAGES.join(", ")}\n${USAGE}`);
    return 2;
  }
  const config = parseConfig(process.env);
  // Warnings and errors only: the terminal is for the conversation.
  const logger = createLogger({ level: config.logLevel ?? "warn" });
  const knowledge = createKnowledge({ faqDir: config.faqDir });
  const ttlSeconds = config.sessionTtlDays * 24 * 60 * 60;

  let redis: Redis | undefined;
  let storage: BotStorage;
  if (config.redisUrl) {
    redis = await connectRedis(config.redisUrl, logger);
    storage = createRedisStorage(redis, { prefix: config.redisPrefix, ttlSeconds });
    io.err(`lotse chat: state in Redis at ${redactUrl(config.redisUrl)} (key prefix ${config.redisPrefix})`);
  } else {
    storage = createMemoryStorage({ ttlSeconds });
    io.err("lotse chat: REDIS_URL is not set, so the conversation is kept in memory and forgotten at exit");
  }

  const terminal = new TerminalView(io);
  const telegram = new LocalTelegram((call) => terminal.show(call));
  const bot = createBot({
    token: "0:lotse-chat",
    config,
    storage,
    knowledge,
    logger,
    botInfo: LOCAL_BOT_INFO,
    client: { fetch: telegram.fetch },
  });
  const user: User = { ...CHAT_USER, ...(values.lang ? { language_code: values.lang } : {}) };

  // A failed update is reported and the chat goes on; a script learns about it from the exit code.
  let failures = 0;
  const send = async (line: string) => {
    const pressed = /^\d+$/.test(line) ? pressButton(telegram, user, Number(line)) : undefined;
    if (pressed) io.out(`  → ${pressed.label}`);
    try {
      await bot.handleUpdate(pressed?.update ?? telegram.textUpdate(user, line));
    } catch (error) {
      failures += 1;
      io.err(`lotse chat: the bot failed on this message: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  try {
    const interactive = input.isTTY === true;
    if (interactive) {
      io.err("Type a message, or the number of a button to press it. /help explains the bot; Ctrl+D ends.");
      await send("/start");
    }
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === "") continue;
      if (!interactive) io.out(`› ${line}`);
      await send(line);
    }
    return failures === 0 ? 0 : 1;
  } finally {
    await redis?.quit();
  }
}

/** The update for pressing button `number` (1-based) of the newest message with buttons, if there is one. */
function pressButton(
  telegram: LocalTelegram,
  user: User,
  number: number,
): { update: Update; label: string } | undefined {
  const message = telegram.lastKeyboardMessage(user.id);
  const button = message?.reply_markup?.inline_keyboard.flat()[number - 1];
  if (!message || !button || !("callback_data" in button)) return undefined;
  return { update: telegram.callbackUpdate(user, message, button.callback_data), label: button.text };
}

/** Prints the bot's calls readably: HTML as plain text, buttons numbered, notices in parentheses. */
class TerminalView {
  constructor(private readonly io: Io) {}

  show({ method, payload }: BotApiCall): void {
    const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
    if (method === "sendMessage") this.message("Lotse", String(payload.text), markup);
    else if (method === "editMessageText") this.message("Lotse (edited)", String(payload.text), markup);
    else if (method === "editMessageReplyMarkup") this.buttons(markup, "  (buttons changed)");
    else if (method === "answerCallbackQuery" && payload.text) this.io.out(`  (${String(payload.text)})`);
  }

  private message(speaker: string, html: string, markup: InlineKeyboardMarkup | undefined): void {
    const indent = " ".repeat(speaker.length + 2);
    // Terminals lay out right-to-left text on their own and show the isolate marks as stray glyphs.
    const lines = htmlToText(html)
      .replace(/[\u2066-\u2069]/g, "")
      .split("\n");
    this.io.out(
      `${speaker}: ${lines.map((line, index) => (index === 0 || line === "" ? line : indent + line)).join("\n")}`,
    );
    this.buttons(markup);
  }

  private buttons(markup: InlineKeyboardMarkup | undefined, heading?: string): void {
    if (heading) this.io.out(heading);
    let number = 0;
    for (const row of markup?.inline_keyboard ?? []) {
      this.io.out(`  ${row.map((button) => `[${++number}] ${button.text}`).join("   ")}`);
    }
  }
}

import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Chat, InlineKeyboardMarkup, Message, Update, User } from "grammy/types";
import type { Redis } from "ioredis";
import type { City } from "../city/index.js";
import { parseConfig, redactUrl } from "../config/env.js";
import type { TicketService } from "../handoff/index.js";
import { createKnowledge } from "../knowledge/index.js";
import { isLang, LANGUAGES } from "../languages.js";
import { type BotApiCall, htmlToText, LOCAL_BOT_INFO, LocalTelegram } from "../local/telegram.js";
import { createLogger } from "../logger.js";
import { assembleLotse, loadCityFile } from "../runtime.js";
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
  const city = withLocalStaffChats(loadCityFile(config.cityFile));

  let redis: Redis | undefined;
  if (config.redisUrl) {
    redis = await connectRedis(config.redisUrl, logger);
    io.err(`lotse chat: state in Redis at ${redactUrl(config.redisUrl)} (key prefix ${config.redisPrefix})`);
  } else {
    io.err("lotse chat: REDIS_URL is not set, so the conversation is kept in memory and forgotten at exit");
  }

  const terminal = new TerminalView(io, city);
  const telegram = new LocalTelegram((call) => terminal.show(call));
  const { bot, handoff } = assembleLotse({
    token: "0:lotse-chat",
    config,
    city,
    knowledge,
    logger,
    ...(redis ? { redis } : {}),
    botInfo: LOCAL_BOT_INFO,
    client: { fetch: telegram.fetch },
  });
  for (const office of city.offices)
    if (office.staffChatId !== null) telegram.addMember(office.staffChatId, STAFF_USER.id);
  const user: User = { ...CHAT_USER, ...(values.lang ? { language_code: values.lang } : {}) };
  const staff = new StaffDesk(telegram, handoff.tickets, city);

  // A failed update is reported and the chat goes on; a script learns about it from the exit code.
  let failures = 0;
  const send = async (line: string) => {
    const pressed = /^\d+$/.test(line) ? pressButton(telegram, user, Number(line)) : undefined;
    if (pressed) io.out(`  → ${pressed.label}`);
    try {
      const update = line.startsWith("#")
        ? await staff.update(line)
        : (pressed?.update ?? telegram.textUpdate(user, line));
      if (typeof update === "string") io.err(update);
      else await bot.handleUpdate(update);
      // What the hand-off sends (to the staff group, or a staff answer to the user) shows before the next line.
      await handoff.worker.drained();
    } catch (error) {
      failures += 1;
      io.err(`lotse chat: the bot failed on this message: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  handoff.start();
  try {
    const interactive = input.isTTY === true;
    if (interactive) {
      io.err("Type a message, or the number of a button to press it. /help explains the bot; Ctrl+D ends.");
      io.err(
        "Staff side: '#12 text' answers ticket 12 as staff (also '#12 /faq topic-id'), '#open' lists open tickets.",
      );
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
    await handoff.stop();
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

/** The simulated staff member, a member of every office's group. */
const STAFF_USER: User = { id: 1_000_000_003, is_bot: false, first_name: "Staff" };
/** Offices without a configured staff chat get one of these in `lotse chat`, so the round trip can be tried. */
const LOCAL_STAFF_CHAT_BASE = -1_009_000_000_000;

function withLocalStaffChats(city: City): City {
  return {
    ...city,
    offices: city.offices.map((office, index) => ({
      ...office,
      staffChatId: office.staffChatId ?? LOCAL_STAFF_CHAT_BASE - index,
    })),
  };
}

/** Turns `#12 text` and `#open` into what a staff member would do in the office's group. */
class StaffDesk {
  constructor(
    private readonly telegram: LocalTelegram,
    private readonly tickets: TicketService,
    private readonly city: City,
  ) {}

  /** The update for a staff line, or a message saying why there is none. */
  async update(line: string): Promise<Update | string> {
    const open = /^#open\b/i.exec(line);
    if (open) {
      // The group the bot wrote to last: the office of the latest ticket.
      const latest = this.telegram.calls.findLast((call) => Number(call.payload.chat_id) < 0)?.payload.chat_id;
      const chat = this.chat(Number(latest ?? this.city.offices[0]?.staffChatId ?? 0));
      return this.telegram.groupUpdate(chat, STAFF_USER, {
        text: "/open",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      });
    }
    const reply = /^#(\d+)\s+(.+)$/s.exec(line);
    if (!reply) return "lotse chat: staff lines are '#<ticket> <answer>' or '#open'";
    const ticket = await this.tickets.getTicket(Number(reply[1]));
    if (!ticket?.staffMessageId) return `lotse chat: ticket #${reply[1]} has not reached a staff group`;
    const message = this.telegram.messagesIn(ticket.staffChatId).find((m) => m.message_id === ticket.staffMessageId);
    const text = reply[2] ?? "";
    return this.telegram.groupUpdate(this.chat(ticket.staffChatId), STAFF_USER, {
      text,
      ...(message ? { reply_to_message: message as Message & { reply_to_message: undefined } } : {}),
      ...(text.startsWith("/")
        ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }] }
        : {}),
    });
  }

  private chat(id: number): Chat {
    return { id, type: "supergroup", title: officeNameOfChat(this.city, id) };
  }
}

function officeNameOfChat(city: City, chatId: number): string {
  return city.offices.find((office) => office.staffChatId === chatId)?.name ?? "staff";
}

// Terminals lay out right-to-left text on their own and show the isolate marks as stray glyphs.
const BIDI_ISOLATES = /[\u2066-\u2069]/g;

/** Prints the bot's calls readably: HTML as plain text, buttons numbered, notices in parentheses. */
class TerminalView {
  constructor(
    private readonly io: Io,
    private readonly city: City,
  ) {}

  show({ method, payload }: BotApiCall): void {
    const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
    const chatId = Number(payload.chat_id);
    // Groups have negative ids: what the office's staff would see in their group.
    const speaker = chatId < 0 ? `Lotse → [${officeNameOfChat(this.city, chatId)}]` : "Lotse";
    if (method === "sendMessage") this.message(speaker, String(payload.text), markup);
    else if (method === "sendPhoto" || method === "sendDocument")
      this.message(
        speaker,
        `[${method === "sendPhoto" ? "photo" : "document"}] ${String(payload.caption ?? "")}`,
        markup,
      );
    else if (method === "editMessageText") this.message(`${speaker} (edited)`, String(payload.text), markup);
    else if (method === "editMessageReplyMarkup") this.buttons(chatId < 0 ? undefined : markup, "  (buttons changed)");
    else if (method === "answerCallbackQuery" && payload.text) this.io.out(`  (${String(payload.text)})`);
  }

  private message(speaker: string, html: string, markup: InlineKeyboardMarkup | undefined): void {
    const indent = " ".repeat(speaker.length + 2);
    const lines = htmlToText(html).replace(BIDI_ISOLATES, "").split("\n");
    this.io.out(
      `${speaker}: ${lines.map((line, index) => (index === 0 || line === "" ? line : indent + line)).join("\n")}`,
    );
    this.buttons(markup);
  }

  private buttons(markup: InlineKeyboardMarkup | undefined, heading?: string): void {
    if (heading) this.io.out(heading);
    let number = 0;
    for (const row of markup?.inline_keyboard ?? []) {
      this.io.out(`  ${row.map((button) => `[${++number}] ${button.text.replace(BIDI_ISOLATES, "")}`).join("   ")}`);
    }
  }
}

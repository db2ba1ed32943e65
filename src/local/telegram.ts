import type { Chat, InlineKeyboardMarkup, Message, Update, User, UserFromGetMe } from "grammy/types";
import { CAPTION_LIMIT, MESSAGE_LIMIT } from "../bot/helpers/split-message.js";

/** A call the bot made to the Bot API. */
export interface BotApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** When the call arrived (ms). */
  at: number;
}

/** An error answer of the Bot API, as Telegram sends it. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Calls the local Telegram answers with an error (or never answers), for tests of retries and crashes. */
interface Fault {
  matches: (call: BotApiCall) => boolean;
  /** An error answer; "hang": the call never returns, like a process that died while waiting; or a delay before the normal answer. */
  outcome: ApiFailure | "hang" | { delayMs: number };
  times: number;
}

/** The bot as `lotse chat` and the tests present it; getMe is never called, since the bot is given this. */
export const LOCAL_BOT_INFO: UserFromGetMe = {
  id: 1_000_000_001,
  is_bot: true,
  first_name: "Lotse",
  username: "lotse_local_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** The methods whose result is `true`; the bot uses no others that would not be answered below. */
const ACKNOWLEDGED = new Set([
  "answerCallbackQuery",
  "deleteMessage",
  "leaveChat",
  "setMyCommands",
  "sendChatAction",
  "deleteWebhook",
  "setWebhook",
]);

/**
 * Telegram's side of a chat, in-process: a Bot API reached through grammY's `client.fetch` that keeps
 * the messages the bot sends and edits and answers like Telegram would, and builders for the updates a
 * user causes. `lotse chat` prints the calls; tests inspect them. Faking at the `fetch` level reaches the
 * API objects that @grammyjs/conversations builds for itself, which transformers on `bot.api` do not.
 */
export class LocalTelegram {
  readonly calls: BotApiCall[] = [];
  /** Calls answered with an error (or left hanging) by `fail`. */
  readonly refused: BotApiCall[] = [];
  private readonly messages = new Map<string, Message>();
  private readonly faults: Fault[] = [];
  /** Members of group chats, for getChatMember; everyone else has "left". */
  private readonly members = new Map<number, Set<number>>();
  private lastMessageId = 0;
  private lastUpdateId = 0;

  constructor(private readonly onCall: (call: BotApiCall) => void = () => {}) {}

  /** For `new Bot(token, { client: { fetch } })`. */
  readonly fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = String(url).split("/").pop() ?? "";
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const call = { method, payload, at: Date.now() };
    const fault = this.faults.find((candidate) => candidate.times > 0 && candidate.matches(call));
    if (fault) {
      fault.times -= 1;
      const { outcome } = fault;
      if (typeof outcome === "object" && "delayMs" in outcome) {
        await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
        return this.accept(call);
      }
      this.refused.push(call);
      if (outcome === "hang") return new Promise<Response>(() => {});
      return new Response(JSON.stringify({ ok: false, ...outcome }), { status: outcome.error_code });
    }
    return this.accept(call);
  };

  private accept(call: BotApiCall): Response {
    this.calls.push(call);
    this.onCall(call);
    return new Response(JSON.stringify(this.respond(call)), { headers: { "content-type": "application/json" } });
  }

  /** The next `times` calls that `matches` accepts fail with `outcome` (and are not recorded as accepted), or are answered late. */
  fail(matches: (call: BotApiCall) => boolean, outcome: Fault["outcome"], times = 1): void {
    this.faults.push({ matches, outcome, times });
  }

  private message(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** The bot's messages in a chat as they are now, oldest first. */
  messagesIn(chatId: number): Message[] {
    return [...this.messages.values()].filter((message) => message.chat.id === chatId);
  }

  /** The newest message in the chat that has buttons: the one a bare number in `lotse chat` presses. */
  lastKeyboardMessage(chatId: number): Message | undefined {
    return this.messagesIn(chatId)
      .reverse()
      .find((message) => (message.reply_markup?.inline_keyboard.length ?? 0) > 0);
  }

  addMember(chatId: number, userId: number): void {
    const members = this.members.get(chatId) ?? new Set<number>();
    members.add(userId);
    this.members.set(chatId, members);
  }

  /** A message by `from` in a group, e.g. a staff member replying to one of the bot's messages there. */
  groupUpdate(chat: Chat, from: User, content: Partial<Message>): Update {
    this.lastMessageId += 1;
    const date = Math.floor(Date.now() / 1000);
    return {
      update_id: this.nextUpdateId(),
      message: { message_id: this.lastMessageId, date, chat, from, ...content },
    } as Update;
  }

  nextUpdateId(): number {
    this.lastUpdateId += 1;
    return this.lastUpdateId;
  }

  /** A private text message from `from`; a leading /command is marked as one, as Telegram does. */
  textUpdate(from: User, text: string): Update {
    const command = /^\/\w+/.exec(text);
    return {
      update_id: this.nextUpdateId(),
      message: {
        ...this.incoming(from),
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    } as Update;
  }

  /** `from` pressing the button with `data` under `message`. */
  callbackUpdate(from: User, message: Message, data: string): Update {
    return {
      update_id: this.nextUpdateId(),
      callback_query: { id: String(this.nextUpdateId()), from, chat_instance: String(message.chat.id), message, data },
    } as Update;
  }

  /** The common part of a message sent by a user in their private chat with the bot. */
  incoming(from: User): Pick<Message, "message_id" | "date" | "chat" | "from"> {
    this.lastMessageId += 1;
    return {
      message_id: this.lastMessageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from,
    };
  }

  private respond({ method, payload }: BotApiCall): unknown {
    // Telegram counts the visible text, after HTML; a bot that sends more gets this error, not a cut message.
    const visible = (field: unknown) => (typeof field === "string" ? htmlToText(field).length : 0);
    if (visible(payload.text) > MESSAGE_LIMIT || visible(payload.caption) > CAPTION_LIMIT) {
      return { ok: false, error_code: 400, description: "Bad Request: message is too long" };
    }
    const content = SENT_CONTENT[method];
    if (content) {
      this.lastMessageId += 1;
      const chatId = Number(payload.chat_id);
      const message = {
        message_id: this.lastMessageId,
        date: Math.floor(Date.now() / 1000),
        // Only the chat's id matters to the bot; Telegram's positive ids are users, negative ones groups.
        chat:
          chatId > 0 ? { id: chatId, type: "private", first_name: "" } : { id: chatId, type: "supergroup", title: "" },
        from: LOCAL_BOT_INFO,
        ...content(payload),
        reply_markup: payload.reply_markup as InlineKeyboardMarkup | undefined,
      } as Message;
      this.messages.set(`${chatId}:${message.message_id}`, message);
      return { ok: true, result: message };
    }
    if (method === "getChatMember") {
      const member = this.members.get(Number(payload.chat_id))?.has(Number(payload.user_id));
      const user = { id: Number(payload.user_id), is_bot: false, first_name: "" };
      return { ok: true, result: { status: member ? "member" : "left", user } };
    }
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      const message = this.message(Number(payload.chat_id), Number(payload.message_id));
      if (!message) return { ok: false, error_code: 400, description: "Bad Request: message to edit not found" };
      // As on Telegram, an edit without a keyboard removes the keyboard.
      const edited = {
        ...message,
        ...(method === "editMessageText" ? { text: String(payload.text) } : {}),
        reply_markup: payload.reply_markup as InlineKeyboardMarkup | undefined,
      } as Message;
      this.messages.set(`${payload.chat_id}:${payload.message_id}`, edited);
      return { ok: true, result: edited };
    }
    if (method === "getMe") return { ok: true, result: LOCAL_BOT_INFO };
    if (ACKNOWLEDGED.has(method)) return { ok: true, result: true };
    return { ok: false, error_code: 404, description: `Not Found: ${method} is not supported by the local Bot API` };
  }
}

const caption = (payload: Record<string, unknown>) => (payload.caption ? { caption: String(payload.caption) } : {});
/** The methods that send a message, and what the sent message holds. */
const SENT_CONTENT: Record<string, (payload: Record<string, unknown>) => Partial<Message>> = {
  sendMessage: (payload) => ({ text: String(payload.text) }),
  sendPhoto: (payload) => ({
    photo: [{ file_id: String(payload.photo), file_unique_id: String(payload.photo), width: 1, height: 1 }],
    ...caption(payload),
  }),
  sendDocument: (payload) => ({
    document: { file_id: String(payload.document), file_unique_id: String(payload.document) },
    ...caption(payload),
  }),
};

/** Telegram HTML as plain text, roughly as a user reads it: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, digits: string) =>
      String.fromCodePoint(Number.parseInt(digits, hex ? 16 : 10)),
    )
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

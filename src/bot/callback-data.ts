import type { Filter, MiddlewareFn } from "grammy";
import { MAX_TOPIC_ID_LENGTH } from "../faq/index.js";
import { isLang, type Lang } from "../languages.js";
import type { Context } from "./context.js";

type ButtonContext = Filter<Context, "callback_query:data">;

/** Telegram's limit for callback data, in bytes. */
const MAX_BYTES = 64;
const SEPARATOR = ":";

/**
 * One kind of button: how its data is written and read. Data is `<prefix>:<field>:<field>…`; ids never
 * contain ":", and every parser checks what it reads, because buttons in old messages outlive releases.
 */
export interface CallbackCodec<P> {
  /** The data for a button; throws if it exceeds Telegram's 64 bytes, which would be a programming error. */
  build(payload: P): string;
  /** The payload, or undefined when the data is of another kind or malformed. */
  parse(data: string): P | undefined;
  /** Middleware for `callback_query:data` that handles this kind of button and passes all others on. */
  handle(handler: (ctx: ButtonContext, payload: P) => Promise<unknown>): MiddlewareFn<ButtonContext>;
}

function defineCallback<P>(
  prefix: string,
  encode: (payload: P) => string[],
  decode: (fields: string[]) => P | undefined,
): CallbackCodec<P> {
  const codec: CallbackCodec<P> = {
    build(payload) {
      const data = [prefix, ...encode(payload)].join(SEPARATOR);
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback data longer than ${MAX_BYTES} bytes: ${data}`);
      return data;
    },
    parse(data) {
      const [head, ...fields] = data.split(SEPARATOR);
      return head === prefix ? decode(fields) : undefined;
    },
    handle: (handler) => async (ctx, next) => {
      const payload = codec.parse(ctx.callbackQuery.data);
      if (payload === undefined) return next();
      await handler(ctx, payload);
    },
  };
  return codec;
}

const ID = new RegExp(`^[a-z0-9-]{1,${MAX_TOPIC_ID_LENGTH}}$`);
const isId = (value: string | undefined): value is string => value !== undefined && ID.test(value);

/** A language on the language keyboard. */
export const languageCallback = defineCallback<{ lang: Lang }>(
  "lang",
  ({ lang }) => [lang],
  ([lang]) => (isLang(lang) ? { lang } : undefined),
);

/** The list of categories: in place of the current message (back from a category), or as a new one. */
export const menuCallback = defineCallback<{ inPlace: boolean }>(
  "menu",
  ({ inPlace }) => (inPlace ? ["back"] : []),
  ([mode]) => ({ inPlace: mode === "back" }),
);

/** A category in the menu: shows its topics. */
export const categoryCallback = defineCallback<{ id: string }>(
  "cat",
  ({ id }) => [id],
  ([id]) => (isId(id) ? { id } : undefined),
);

/** A topic (from the menu, a clarifying question or related topics): shows its answer in `lang`. */
export const topicCallback = defineCallback<{ id: string; lang: Lang }>(
  "topic",
  ({ id, lang }) => [lang, id],
  ([lang, id]) => (isLang(lang) && isId(id) ? { id, lang } : undefined),
);

/** 👍 / 👎 under an answer. */
export const feedbackCallback = defineCallback<{ id: string; lang: Lang; helpful: boolean }>(
  "fb",
  ({ id, lang, helpful }) => [helpful ? "up" : "down", lang, id],
  ([vote, lang, id]) =>
    (vote === "up" || vote === "down") && isLang(lang) && isId(id) ? { id, lang, helpful: vote === "up" } : undefined,
);

/** "None of these" under a clarifying question. */
export const noneOfTheseCallback = defineCallback<{ lang: Lang }>(
  "none",
  ({ lang }) => [lang],
  ([lang]) => (isLang(lang) ? { lang } : undefined),
);

const isNumber = (value: string | undefined): value is string => value !== undefined && /^\d{1,12}$/.test(value);

/** A staff member's button under a ticket in the staff group; `done` buttons only show the state. */
export const staffCallback = defineCallback<{ action: "claim" | "close" | "done"; ticket: number }>(
  "st",
  ({ action, ticket }) => [action, String(ticket)],
  ([action, ticket]) =>
    (action === "claim" || action === "close" || action === "done") && isNumber(ticket)
      ? { action, ticket: Number(ticket) }
      : undefined,
);

/** The newcomer's choices while handing off a question; each conversation step waits for its own. */
export const handoffCallback = defineCallback<{ step: HandoffStep; ticket?: number }>(
  "ho",
  ({ step, ticket }) => (ticket === undefined ? [step] : [step, String(ticket)]),
  ([step, ticket]) =>
    isHandoffStep(step) ? { step, ...(isNumber(ticket) ? { ticket: Number(ticket) } : {}) } : undefined,
);

const HANDOFF_STEPS = ["offer", "add", "continue", "details", "cancel", "send", "change-district"] as const;
export type HandoffStep = (typeof HANDOFF_STEPS)[number];
const isHandoffStep = (value: string | undefined): value is HandoffStep =>
  (HANDOFF_STEPS as readonly (string | undefined)[]).includes(value);

/** A district picked from the list (`-` for "I don't know"), or the answer to "is this your district?". */
export const districtCallback = defineCallback<{ id: string | null }>(
  "dist",
  ({ id }) => [id ?? "-"],
  ([id]) => (id === "-" ? { id: null } : isId(id) ? { id } : undefined),
);

/** "No, I will choose" after a location was placed: the district list again. */
export const districtListCallback = defineCallback<Record<string, never>>(
  "dist-list",
  () => [],
  () => ({}),
);

/** "Withdraw" under a ticket in /tickets. */
export const withdrawCallback = defineCallback<{ ticket: number }>(
  "wd",
  ({ ticket }) => [String(ticket)],
  ([ticket]) => (isNumber(ticket) ? { ticket: Number(ticket) } : undefined),
);

import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context as BaseContext, SessionFlavor } from "grammy";
import type { City } from "../city/index.js";
import type { Config } from "../config/env.js";
import type { TicketService } from "../handoff/index.js";
import type { Knowledge } from "../knowledge/index.js";
import type { Lang } from "../languages.js";
import type { Logger } from "../logger.js";
import type { Translate } from "./i18n.js";

/**
 * What the bot remembers per private chat (in Redis, expiring after SESSION_TTL_DAYS without contact).
 * Deliberately small: no message texts, no names. Fields are optional so that stored sessions of older
 * versions stay valid; when a field changes meaning, add a migration with grammY's `enhanceStorage`
 * (unversioned data counts as the oldest version there).
 */
export interface SessionData {
  /** The language the user chose or, until they choose, the one their messages are written in. */
  lang?: Lang;
  /** True once the user picked a language themselves; then their messages no longer change it. */
  languageChosen?: boolean;
  /** The last album (media group) the bot replied to, so an album of ten photos gets one reply, not ten. */
  lastMediaGroupId?: string;
  /** The district the user lives in, for handing questions to the right office; /district changes it. */
  districtId?: string;
}

interface LotseFlavor {
  config: Config;
  city: City;
  /** Questions handed off to the district offices. */
  tickets: TicketService;
  /** A child logger for this update: its type and id, never texts or user ids. */
  logger: Logger;
  /** The FAQ and matcher taken at the start of the update, unaffected by a reload in the middle of it. */
  knowledge: Knowledge;
  /** The language replies to this update are written in; handlers may switch it, e.g. to the message's. */
  lang: Lang;
  /** Translates into `lang` as it is when called. */
  t: Translate;
  /** Translates into another language, e.g. German for the emergency numbers. */
  tFor(lang: Lang): Translate;
}

/** The one context type of the bot's middleware tree. */
export type Context = ConversationFlavor<BaseContext & SessionFlavor<SessionData> & LotseFlavor>;

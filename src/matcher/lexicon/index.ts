import type { Lang } from "../../languages.js";
import { ar } from "./ar.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { fa } from "./fa.js";
import { ku } from "./ku.js";
import { ru } from "./ru.js";
import { tr } from "./tr.js";
import type { Lexicon } from "./types.js";
import { uk } from "./uk.js";

/** The shipped word lists; a new language adds its file here and its code in src/languages.ts. */
export const LEXICONS: Record<Lang, Lexicon> = { de, en, ar, fa, uk, ru, tr, ku };

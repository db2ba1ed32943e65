import { z } from "zod";
import { LANGUAGES } from "../languages.js";

/** The longest topic id: buttons carry ids in Telegram's 64 bytes of callback data ("fb:down:xx:<id>"). */
export const MAX_TOPIC_ID_LENGTH = 48;

/** Longest answer `lotse faq check` accepts; past the soft limit it warns. */
export const ANSWER_HARD_LIMIT = 1000;
export const ANSWER_SOFT_LIMIT = 900;

/** Text fields; a bare number such as `112` in a keyword list is text too. */
const text = (what: string, max?: { length: number; message: string }) => {
  const base = z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`);
  return z.preprocess(
    (value) => (typeof value === "number" ? String(value) : value),
    max ? base.max(max.length, max.message) : base,
  );
};

export const topicLanguageSchema = z.strictObject({
  title: text("title", {
    length: 80,
    message: "title is longer than 80 characters; keep it short, it is shown on a button",
  }),
  questions: z.array(text("a question"), { error: "questions must be a list" }).min(1, "add at least one question"),
  keywords: z.array(text("a keyword"), { error: "keywords must be a list" }).default([]),
  answer: text("answer"),
});

export const topicSchema = z.strictObject({
  id: z
    .string({ error: "id is required" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id must be lower-case words joined by '-', e.g. address-registration")
    // Ids travel in Telegram's button data, which holds 64 bytes with the button's kind and language.
    .max(MAX_TOPIC_ID_LENGTH, `at most ${MAX_TOPIC_ID_LENGTH} characters; buttons cannot carry longer ids`),
  category: text("category"),
  related: z.array(z.string(), { error: "related must be a list of topic ids" }).default([]),
  needs_office: z.boolean({ error: "needs_office must be true or false" }).default(false),
  check: z.array(text("a check note"), { error: "check must be a list of notes" }).default([]),
  languages: z.partialRecord(z.enum(LANGUAGES), topicLanguageSchema, {
    error: `languages must map language codes (${LANGUAGES.join(", ")}) to blocks`,
  }),
});

export const categoriesSchema = z.strictObject({
  categories: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "category id must be lower-case words joined by '-'"),
        titles: z.partialRecord(z.enum(LANGUAGES), text("a category title")),
      }),
    )
    .min(1, "list at least one category"),
});

export type TopicFile = z.infer<typeof topicSchema>;
export type CategoriesFile = z.infer<typeof categoriesSchema>;

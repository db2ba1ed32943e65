import { z } from "zod";
import { LANGUAGES } from "../languages.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by '-'");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are written "HH:MM", e.g. "09:30"');
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const adminField = z.string().trim().min(1).nullable().default(null);

export const citySchema = z.strictObject({
  city: z.string().min(1),
  timezone: z.string().min(1).default("Europe/Berlin"),
  check: z.array(z.string()).default([]),
  districts: z
    .array(
      z.strictObject({
        id: slug,
        name: z.string().min(1),
        postal_codes: z
          .array(z.string().regex(/^\d{5}$/, "postal codes have five digits, written in quotes"))
          .default([]),
      }),
    )
    .min(1, "list at least one district"),
  offices: z.array(
    z.strictObject({
      id: slug,
      name: z.string().min(1),
      partner: z.string().optional(),
      districts: z.array(z.string()).min(1, "an office serves at least one district"),
      staff_chat_id: z.number().int("a Telegram chat id is a whole number").nullable().default(null),
      staff_languages: z.array(z.enum(LANGUAGES)).default(["de"]),
      contact: z
        .strictObject({ address: adminField, phone: adminField, email: adminField, website: adminField })
        .default({ address: null, phone: null, email: null, website: null }),
      opening_hours: z
        .array(z.strictObject({ days: z.array(z.enum(WEEKDAYS)).min(1), from: time, to: time }))
        .default([]),
      check: z.array(z.string()).default([]),
    }),
  ),
  fallback_office: z.string().min(1, "name the office that takes questions from anywhere"),
});

export type CityFile = z.infer<typeof citySchema>;

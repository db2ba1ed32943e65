import { z } from "zod";
import { LANGUAGES } from "../languages.js";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by '-'");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are written "HH:MM", e.g. "09:30"');
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const adminField = z.string().trim().min(1).nullable().default(null);

export const citySchema = z.strictObject({
  city: z.string().min(1),
  timezone: z.string().min(1).default("Europe/Berlin"),
  /** The language of the bot's messages in the staff groups. */
  staff_language: z.enum(["de", "en"]).default("de"),
  check: z.array(z.string()).default([]),
  districts: z
    .array(
      z.strictObject({
        id: slug,
        name: z.string().min(1),
        postal_codes: z
          .array(z.string().regex(/^\d{5}$/, "postal codes have five digits, written in quotes"))
          .default([]),
        /** Roughly the district's middle, for placing a shared location; leave out to have locations refused. */
        center: z
          .strictObject({
            lat: z.number().min(-90).max(90, "latitude is between -90 and 90"),
            lon: z.number().min(-180).max(180, "longitude is between -180 and 180"),
          })
          .optional(),
      }),
    )
    .min(1, "list at least one district"),
  /** A shared location farther than this from every district's center is taken to be outside the city. */
  max_location_km: z.number().positive().default(10),
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

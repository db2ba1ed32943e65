import type { Lang } from "../languages.js";
import type { WEEKDAYS } from "./schema.js";

export type Weekday = (typeof WEEKDAYS)[number];

export interface District {
  id: string;
  name: string;
  postalCodes: string[];
  center?: { lat: number; lon: number };
}

export interface OpeningHours {
  days: Weekday[];
  /** "HH:MM" in the city's time zone. */
  from: string;
  to: string;
}

export interface Office {
  id: string;
  name: string;
  partner?: string;
  districts: string[];
  /** The staff group's Telegram chat id; null until an admin configures it. */
  staffChatId: number | null;
  staffLanguages: Lang[];
  contact: { address: string | null; phone: string | null; email: string | null; website: string | null };
  openingHours: OpeningHours[];
}

export interface City {
  name: string;
  timezone: string;
  staffLanguage: "de" | "en";
  maxLocationKm: number;
  districts: District[];
  offices: Office[];
  fallbackOfficeId: string;
}

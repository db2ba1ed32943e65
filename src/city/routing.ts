import type { City, District, Office, Weekday } from "./model.js";

/** The districts a postal code lies in: none (unknown), one, or several for the newcomer to choose from. */
export function districtsForPostalCode(city: City, input: string): District[] {
  const code = input.replace(/\s+/g, "");
  return city.districts.filter((district) => district.postalCodes.includes(code));
}

/** The office responsible for a district, or the fallback office for districts without one. */
export function officeForDistrict(city: City, districtId: string | undefined): Office {
  const office = districtId ? city.offices.find((o) => o.districts.includes(districtId)) : undefined;
  return office ?? fallbackOffice(city);
}

export type Placement =
  | { kind: "district"; district: District }
  /** Farther than the city's `max_location_km` from every district's center. */
  | { kind: "outside" }
  /** The city file gives no district centers, so locations cannot be placed. */
  | { kind: "unavailable" };

/**
 * The district whose center is nearest to a shared location. Centers are rough, so the bot asks the
 * newcomer to confirm; it is a shortcut to the right office, not a map lookup.
 */
export function districtForLocation(city: City, lat: number, lon: number): Placement {
  let best: { district: District; km: number } | undefined;
  for (const district of city.districts) {
    if (!district.center) continue;
    const km = distanceKm(lat, lon, district.center.lat, district.center.lon);
    if (!best || km < best.km) best = { district, km };
  }
  if (!best) return { kind: "unavailable" };
  return best.km <= city.maxLocationKm ? { kind: "district", district: best.district } : { kind: "outside" };
}

/** Great-circle distance (haversine), plenty accurate at city scale. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

export function fallbackOffice(city: City): Office {
  const office = city.offices.find((o) => o.id === city.fallbackOfficeId);
  if (!office) throw new Error(`fallback office "${city.fallbackOfficeId}" is not configured`);
  return office;
}

export function findDistrict(city: City, id: string | undefined): District | undefined {
  return id ? city.districts.find((d) => d.id === id) : undefined;
}

const WEEKDAY_OF_INDEX: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** Weekday and "HH:MM" of an instant in the city's time zone. */
function localTime(at: Date, timezone: string): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = get("weekday").toLowerCase().slice(0, 3) as Weekday;
  return { day: WEEKDAY_OF_INDEX.includes(day) ? day : "mon", time: `${get("hour")}:${get("minute")}` };
}

/**
 * Whether the office is open at that moment; undefined when its hours are not configured, so that the
 * bot says nothing about hours rather than something wrong.
 */
export function isOfficeOpen(office: Office, at: Date, timezone: string): boolean | undefined {
  if (office.openingHours.length === 0) return undefined;
  const { day, time } = localTime(at, timezone);
  return office.openingHours.some((slot) => slot.days.includes(day) && slot.from <= time && time < slot.to);
}

/** Opening hours for people, in their language: "Mo., Mi. 09:00–12:00; Do. 14:00–16:00". Empty when unknown. */
export function formatOpeningHours(office: Office, locale: string): string {
  // 2024-01-01 was a Monday; its week gives each weekday a date to name.
  const dayName = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const name = (day: Weekday) => dayName.format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS_FROM_MONDAY.indexOf(day))));
  return office.openingHours.map((slot) => `${slot.days.map(name).join(", ")} ${slot.from}–${slot.to}`).join("; ");
}

const WEEKDAYS_FROM_MONDAY: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

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

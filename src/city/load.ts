import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Problem } from "../validation/problem.js";
import { parseYaml } from "../validation/yaml.js";
import type { City } from "./model.js";
import { citySchema } from "./schema.js";

export const DEFAULT_CITY_FILE = fileURLToPath(new URL("../../config/city.yaml", import.meta.url));

export interface CityLoadResult {
  city?: City;
  problems: Problem[];
}

/**
 * Reads and validates the city file. Beyond the schema it checks what ties the parts together: unique
 * ids, offices that serve existing districts, every district served, a fallback office that exists,
 * and — as warnings, because `lotse start` refuses to run with them — offices without a staff chat.
 */
export function loadCity(file: string = DEFAULT_CITY_FILE): CityLoadResult {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return {
      problems: [{ file, line: 1, severity: "error", message: "city file not found; set CITY_FILE or create it" }],
    };
  }
  const parsed = parseYaml(file, source, citySchema);
  const problems = [...parsed.problems];
  const value = parsed.value;
  if (!value) return { problems };
  const at = (path: Array<string | number>, severity: Problem["severity"], message: string) =>
    problems.push({ file, line: parsed.lineOf(path), severity, message });

  try {
    new Intl.DateTimeFormat("en", { timeZone: value.timezone });
  } catch {
    at(["timezone"], "error", `unknown time zone "${value.timezone}"; use an IANA name such as "Europe/Berlin"`);
  }
  const districtIds = new Set<string>();
  value.districts.forEach((district, i) => {
    if (districtIds.has(district.id)) at(["districts", i, "id"], "error", `duplicate district id "${district.id}"`);
    districtIds.add(district.id);
  });
  const officeIds = new Set<string>();
  const served = new Map<string, string>();
  value.offices.forEach((office, i) => {
    if (officeIds.has(office.id)) at(["offices", i, "id"], "error", `duplicate office id "${office.id}"`);
    officeIds.add(office.id);
    office.districts.forEach((districtId, j) => {
      if (!districtIds.has(districtId)) {
        at(["offices", i, "districts", j], "error", `unknown district "${districtId}"; use an id from districts`);
      } else if (served.has(districtId)) {
        at(
          ["offices", i, "districts", j],
          "error",
          `district "${districtId}" is already served by office "${served.get(districtId)}"`,
        );
      } else served.set(districtId, office.id);
    });
    if (office.staff_chat_id === null) {
      at(
        ["offices", i, "staff_chat_id"],
        "warning",
        `office "${office.id}" has no staff_chat_id; lotse start refuses to run until it is set`,
      );
    }
    office.opening_hours.forEach((slot, j) => {
      if (slot.from >= slot.to)
        at(
          ["offices", i, "opening_hours", j],
          "error",
          `opening hours end (${slot.to}) before they start (${slot.from})`,
        );
    });
  });
  if (!officeIds.has(value.fallback_office)) {
    at(["fallback_office"], "error", `fallback_office "${value.fallback_office}" is not an office id`);
  }
  for (const id of districtIds) {
    if (!served.has(id))
      at(["districts"], "warning", `district "${id}" has no office; its questions go to the fallback office`);
  }
  if (problems.some((p) => p.severity === "error")) return { problems };

  const city: City = {
    name: value.city,
    timezone: value.timezone,
    staffLanguage: value.staff_language,
    maxLocationKm: value.max_location_km,
    districts: value.districts.map((d) => ({
      id: d.id,
      name: d.name,
      postalCodes: d.postal_codes,
      ...(d.center ? { center: d.center } : {}),
    })),
    offices: value.offices.map((o) => ({
      id: o.id,
      name: o.name,
      partner: o.partner,
      districts: o.districts,
      staffChatId: o.staff_chat_id,
      staffLanguages: o.staff_languages,
      contact: o.contact,
      openingHours: o.opening_hours,
    })),
    fallbackOfficeId: value.fallback_office,
  };
  return { city, problems };
}

/** Offices that would receive questions but have nowhere to put them: `lotse start` refuses to run. */
export function officesWithoutStaffChat(city: City): string[] {
  return city.offices.filter((o) => o.staffChatId === null).map((o) => o.name);
}

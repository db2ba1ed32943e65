import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CITY_FILE,
  districtsForPostalCode,
  isOfficeOpen,
  loadCity,
  officeForDistrict,
  officesWithoutStaffChat,
} from "../../src/city/index.js";

const shipped = loadCity();
const city = shipped.city;
if (!city) throw new Error(`the shipped city file is invalid: ${JSON.stringify(shipped.problems)}`);

function cityFile(edit: (yaml: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), "lotse-city-")), "city.yaml");
  writeFileSync(file, edit(readFileSync(DEFAULT_CITY_FILE, "utf8")));
  return file;
}

describe("the shipped Dortmund city file", () => {
  it("has the twelve districts, each served by one of the seven offices", () => {
    expect(city.districts).toHaveLength(12);
    expect(city.offices).toHaveLength(7);
    for (const district of city.districts) {
      expect(city.offices.filter((o) => o.districts.includes(district.id))).toHaveLength(1);
    }
  });

  it("invents no contact data: phone, e-mail and opening hours are left for admins", () => {
    for (const office of city.offices) {
      expect(office.contact.phone).toBeNull();
      expect(office.contact.email).toBeNull();
      expect(office.openingHours).toEqual([]);
    }
  });

  it("cannot be started before admins configure the staff chats", () => {
    expect(officesWithoutStaffChat(city)).toHaveLength(7);
  });
});

describe("routing by postal code", () => {
  it("finds the one district of an unambiguous postal code and its office", () => {
    const [district, ...others] = districtsForPostalCode(city, "44357");
    expect(others).toEqual([]);
    expect(district?.name).toBe("Mengede");
    expect(officeForDistrict(city, district?.id).id).toBe("mengede-huckarde");
  });

  it("offers every candidate when a postal code spans districts", () => {
    expect(districtsForPostalCode(city, "44147").map((d) => d.name)).toEqual(["Innenstadt-Nord", "Eving", "Huckarde"]);
    expect(districtsForPostalCode(city, "44 227").map((d) => d.name)).toEqual(["Hörde", "Hombruch"]);
  });

  it("knows no district for unknown or malformed codes", () => {
    expect(districtsForPostalCode(city, "10115")).toEqual([]);
    expect(districtsForPostalCode(city, "4435")).toEqual([]);
  });

  it("sends questions without a known district to the fallback office", () => {
    expect(officeForDistrict(city, undefined).id).toBe("innenstadt-west-ost");
    expect(officeForDistrict(city, "nowhere").id).toBe("innenstadt-west-ost");
  });
});

describe("opening hours", () => {
  const [first] = city.offices;
  if (!first) throw new Error("no office");
  const office = { ...first, openingHours: [{ days: ["mon" as const], from: "09:00", to: "12:00" }] };
  it("are read in the city's time zone", () => {
    // Monday 2026-11-23, 08:30 UTC is 09:30 in Berlin (winter time).
    expect(isOfficeOpen(office, new Date("2026-11-23T08:30:00Z"), "Europe/Berlin")).toBe(true);
    expect(isOfficeOpen(office, new Date("2026-11-23T11:30:00Z"), "Europe/Berlin")).toBe(false);
    expect(isOfficeOpen(office, new Date("2026-11-24T08:30:00Z"), "Europe/Berlin")).toBe(false);
  });
  it("say nothing when they are not configured", () => {
    expect(isOfficeOpen(first, new Date(), "Europe/Berlin")).toBeUndefined();
  });
});

describe("validating the city file", () => {
  it("names an office serving an unknown district with file and line", () => {
    const file = cityFile((y) => y.replace("districts: [brackel, aplerbeck]", "districts: [brackel, aplerbek]"));
    const problems = loadCity(file).problems.filter((p) => p.severity === "error");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: 'unknown district "aplerbek"; use an id from districts' });
    expect(problems[0]?.line).toBeGreaterThan(40);
  });

  it("rejects malformed postal codes, times and a missing fallback office", () => {
    const file = cityFile((y) =>
      y
        .replace('"44357", "44359"', '"4435", "44359"')
        .replace("fallback_office: innenstadt-west-ost", "fallback_office: nowhere")
        .replace("opening_hours: []  # ADMIN\n", 'opening_hours: [{days: [mon], from: "9:00", to: "12:00"}]\n'),
    );
    const messages = loadCity(file)
      .problems.map((p) => p.message)
      .join("\n");
    expect(messages).toMatch(/postal codes have five digits/);
    expect(messages).toMatch(/times are written "HH:MM"/);
  });

  it("rejects an office that does not exist as fallback", () => {
    const file = cityFile((y) => y.replace("fallback_office: innenstadt-west-ost", "fallback_office: nowhere"));
    expect(loadCity(file).problems.map((p) => p.message)).toContain('fallback_office "nowhere" is not an office id');
  });
});

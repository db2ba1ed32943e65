import { describe, expect, it } from "vitest";
import {
  districtForLocation,
  districtsForPostalCode,
  formatOpeningHours,
  isOfficeOpen,
  loadCity,
  officeForDistrict,
  officesWithoutStaffChat,
} from "../../src/city/index.js";

import { editedCityFile } from "../helpers/cli.js";

const shipped = loadCity();
const city = shipped.city;
if (!city) throw new Error(`the shipped city file is invalid: ${JSON.stringify(shipped.problems)}`);

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
    const file = editedCityFile((y) => y.replace("districts: [brackel, aplerbeck]", "districts: [brackel, aplerbek]"));
    const problems = loadCity(file).problems.filter((p) => p.severity === "error");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: 'unknown district "aplerbek"; use an id from districts' });
    expect(problems[0]?.line).toBeGreaterThan(40);
  });

  it("rejects malformed postal codes, times and a missing fallback office", () => {
    const file = editedCityFile((y) =>
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
    const file = editedCityFile((y) => y.replace("fallback_office: innenstadt-west-ost", "fallback_office: nowhere"));
    expect(loadCity(file).problems.map((p) => p.message)).toContain('fallback_office "nowhere" is not an office id');
  });

  it("rejects a time zone that does not exist", () => {
    const file = editedCityFile((y) => y.replace("timezone: Europe/Berlin", "timezone: Europe/Dortmund"));
    expect(loadCity(file).problems.map((p) => `${p.line}: ${p.message}`)).toContain(
      '6: unknown time zone "Europe/Dortmund"; use an IANA name such as "Europe/Berlin"',
    );
  });
});

describe("placing a shared location", () => {
  it("picks the district whose center is nearest", () => {
    const placed = districtForLocation(city, 51.482, 7.503);
    expect(placed.kind === "district" && placed.district.id).toBe("hoerde");
  });

  it("says a place far from every district is outside the city", () => {
    expect(districtForLocation(city, 52.52, 13.405)).toEqual({ kind: "outside" });
  });

  it("cannot place anything when the city file gives no centers", () => {
    const without = { ...city, districts: city.districts.map(({ center: _, ...district }) => district) };
    expect(districtForLocation(without, 51.5, 7.46)).toEqual({ kind: "unavailable" });
  });
});

describe("opening hours for people", () => {
  const office = { ...officeForDistrict(city, "brackel"), openingHours: [] };

  it("are written with the weekday names of the reader's language", () => {
    const hours = [
      { days: ["mon" as const, "wed" as const], from: "09:00", to: "12:00" },
      { days: ["thu" as const], from: "14:00", to: "16:00" },
    ];
    expect(formatOpeningHours({ ...office, openingHours: hours }, "de")).toBe("Mo, Mi 09:00–12:00; Do 14:00–16:00");
    expect(formatOpeningHours({ ...office, openingHours: hours }, "en")).toBe("Mon, Wed 09:00–12:00; Thu 14:00–16:00");
  });

  it("are empty when an admin has not entered them", () => {
    expect(formatOpeningHours(office, "de")).toBe("");
  });
});

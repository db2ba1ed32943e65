import { parseArgs } from "node:util";
import { DEFAULT_CITY_FILE, loadCity } from "../city/index.js";
import type { Io } from "./io.js";
import { reportProblems } from "./problems.js";

/** `lotse config check [--file F] [--strict]`: validates the city file (CITY_FILE by default). */
export async function configCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      file: { type: "string", default: process.env.CITY_FILE || DEFAULT_CITY_FILE },
      strict: { type: "boolean" },
    },
  });
  if (sub !== "check") {
    io.err("usage: lotse config check [--file FILE] [--strict]");
    return 2;
  }
  const { city, problems } = loadCity(values.file);
  const summary = city ? `${city.districts.length} districts, ${city.offices.length} offices` : "city file unusable";
  return reportProblems(problems, io, summary, values.strict);
}

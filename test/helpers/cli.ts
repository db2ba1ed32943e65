import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_CITY_FILE } from "../../src/city/index.js";

const run = promisify(execFile);
export const BIN = new URL("../../src/cli/bin.mjs", import.meta.url).pathname;

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** The environment of this process without the variables that would make the bot reach real services. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { BOT_TOKEN: _token, REDIS_URL: _redis, ...rest } = process.env;
  return { ...rest, ...extra };
}

/** Runs the real `lotse` binary as a user or a script would, with `input` piped to it. */
export async function runLotse(args: string[], { input = "", env = cleanEnv() } = {}): Promise<CliRun> {
  const child = run("node", [BIN, ...args], { env, timeout: 60_000 });
  child.child.stdin?.end(input);
  try {
    return { ...(await child), code: 0 };
  } catch (error) {
    return error as CliRun;
  }
}

/** A copy of the shipped city file in a temporary directory, changed by `edit`. */
export function editedCityFile(edit: (yaml: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), "lotse-city-")), "city.yaml");
  writeFileSync(file, edit(readFileSync(DEFAULT_CITY_FILE, "utf8")));
  return file;
}

/** The shipped city with a staff group for every office, as an admin would complete it. */
export function staffedCityFile(): string {
  let next = -1_002_000_000_000;
  return editedCityFile((yaml) => yaml.replace(/staff_chat_id: null/g, () => `staff_chat_id: ${next--}`));
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";

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

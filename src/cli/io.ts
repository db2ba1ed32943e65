import { fileURLToPath } from "node:url";

/** Where the shipped FAQ lives, independent of the directory the CLI is started from. */
export const DEFAULT_FAQ_DIR = fileURLToPath(new URL("../../faq", import.meta.url));

/** Output channels, injectable so that commands can be tested without spawning a process. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

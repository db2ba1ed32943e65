export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured fields of a log line. Never put message texts, names or Telegram ids in here. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** A JSON-lines logger; `child` adds fields (such as the update's type) to every line it writes. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where each line goes; standard error by default, so standard output stays free for `lotse chat`. */
  write?: (line: string) => void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger({ level, write = (line) => process.stderr.write(`${line}\n`) }: LoggerOptions): Logger {
  const make = (bound: LogFields): Logger => {
    const log = (lineLevel: Exclude<LogLevel, "silent">) => (message: string, fields?: LogFields) => {
      if (RANK[lineLevel] < RANK[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg: message, ...bound, ...fields }));
    };
    return {
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make({});
}

/** What an error may contribute to a log line: its kind and message, never the payload of a failed call. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.name, reason: error.message };
  return { error: "non-error thrown", reason: String(error) };
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { categoryTitle } from "../../src/faq/index.js";
import { htmlToText } from "../../src/local/telegram.js";
import { connectTestRedis, deleteKeys, REDIS_URL, shippedFaq, uniquePrefix } from "../helpers/telegram.js";

const run = promisify(execFile);
const BIN = new URL("../../src/cli/bin.mjs", import.meta.url).pathname;

/** `printf '…' | npx lotse chat …` with the given environment on top of one without Redis or a token. */
async function chat(args: string[], input: string, env: Record<string, string> = {}) {
  const { REDIS_URL: _redis, BOT_TOKEN: _token, ...base } = process.env;
  const child = run("node", [BIN, "chat", ...args], { env: { ...base, ...env }, timeout: 60_000 });
  child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return failed;
  }
}

const redis = connectTestRedis();
const prefix = uniquePrefix();
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe("lotse chat with piped input", () => {
  it("answers one line after the other, presses numbered buttons and ends with the input, without a token", async () => {
    const { faq } = shippedFaq().get();
    const housing = faq.categories[1];
    const { stdout, stderr, code } = await chat(["--lang", "de"], "Hallo\n2\n");
    expect(code).toBe(0);
    expect(stderr).toContain("REDIS_URL is not set, so the conversation is kept in memory");
    expect(stdout).toContain("› Hallo");
    expect(stdout).toContain(`Lotse: ${TRANSLATIONS.de.smalltalk.greeting}`);
    expect(stdout).toContain(`[2] ${housing && categoryTitle(housing, "de")}`);
    expect(stdout).toContain(`→ ${housing && categoryTitle(housing, "de")}`);
    expect(stdout).toContain(
      `Lotse (edited): ${htmlToText(TRANSLATIONS.de.menu.category.split("\n")[0] ?? "").replace("{{category}}", housing ? categoryTitle(housing, "de") : "")}`,
    );
  });

  it("keeps the conversation in Redis when REDIS_URL is set, across runs", async () => {
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    const first = await chat(["--lang", "en"], "/language\n3\n", env);
    expect(first.stderr).toContain("state in Redis at");
    expect(first.stdout).toContain(TRANSLATIONS.ar.language.changed);
    const second = await chat([], "/menu\n", env);
    expect(second.stdout).toContain(TRANSLATIONS.ar.menu.title);
  });

  it("rejects a language it does not know", async () => {
    const { stderr, code } = await chat(["--lang", "fr"], "");
    expect(code).toBe(2);
    expect(stderr).toContain('unknown language "fr"');
  });
});

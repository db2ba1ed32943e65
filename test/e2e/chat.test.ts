import { afterAll, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { categoryTitle } from "../../src/faq/index.js";
import { cleanEnv, runLotse } from "../helpers/cli.js";
import { connectTestRedis, deleteKeys, REDIS_URL, shippedFaq, uniquePrefix } from "../helpers/telegram.js";

/** `printf '…' | npx lotse chat …`, without Redis or a token unless `env` sets them. */
const chat = (args: string[], input: string, env: Record<string, string> = {}) =>
  runLotse(["chat", ...args], { input, env: cleanEnv(env) });

const redis = connectTestRedis();
const prefix = uniquePrefix();
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe("lotse chat with piped input", () => {
  it("answers one line after the other, presses numbered buttons and ends with the input, without a token", async () => {
    const { faq } = shippedFaq().get();
    const secondCategory = categoryTitle(faq.categories[1] ?? { id: "", titles: {} }, "de");
    const { stdout, stderr, code } = await chat(["--lang", "de"], "Hallo\n2\n");
    expect(code).toBe(0);
    expect(stderr).toContain("REDIS_URL is not set, so the conversation is kept in memory");
    expect(stdout).toContain("› Hallo");
    expect(stdout).toContain(`Lotse: ${TRANSLATIONS.de.smalltalk.greeting}`);
    expect(stdout).toContain(`[2] ${secondCategory}`);
    expect(stdout).toContain(`→ ${secondCategory}`);
    // The menu message turns into the category's topics: HTML shown as plain text.
    expect(stdout).toContain(`Lotse (edited): 📚 ${secondCategory}\n`);
  });

  it("keeps the conversation in Redis when REDIS_URL is set, across runs", async () => {
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    const first = await chat(["--lang", "en"], "/language\n3\n", env);
    expect(first.stderr).toContain("state in Redis at");
    expect(first.stdout).toContain(TRANSLATIONS.ar.language.changed);
    const second = await chat([], "/menu\n", env);
    expect(second.stdout).toContain(TRANSLATIONS.ar.menu.title);
  });

  it("lets the whole hand-off be tried: the office's group is shown, and a staff answer typed as #<ticket>", async () => {
    const t = TRANSLATIONS.de;
    const steps = ["Wo gibt es die beste Pizza?", "1", "1", "44287", "1", "#1 Kommen Sie am Montag vorbei.", "#open"];
    const { stdout, code } = await chat(["--lang", "de"], `${steps.join("\n")}\n`);
    expect(code).toBe(0);
    expect(stdout).toContain(`→ ${t.handoff.offerButton}`);
    expect(stdout).toContain("Lotse → [lokal willkommen Brackel/Aplerbeck]: 📨 Anfrage #1");
    expect(stdout).toMatch(
      /Lotse: 💬 Antwort der Beratungsstelle für Aplerbeck auf Ihre Frage #1:\n\s+Kommen Sie am Montag vorbei\./,
    );
    expect(stdout).toContain("Die Antwort auf Anfrage #1 wurde zugestellt.");
    expect(stdout).toContain("Keine offenen Anfragen.");
  });

  it("rejects a language it does not know", async () => {
    const { stderr, code } = await chat(["--lang", "fr"], "");
    expect(code).toBe(2);
    expect(stderr).toContain('unknown language "fr"');
  });
});

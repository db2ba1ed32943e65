import { describe, expect, it } from "vitest";
import { CONVERSATION_VERSION } from "../../src/bot/conversations/steps.js";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { keysWithPrefix, useBots } from "../helpers/telegram.js";

const bots = useBots();
const { de, ar, uk, fa } = TRANSLATIONS;

describe("state in Redis", () => {
  it("a welcome started before a restart is finished by the restarted bot, without repeating anything", async () => {
    const before = bots.bot();
    const user = bots.user(before, "de");
    const welcome = await user.send("/start");
    expect(welcome.sent).toHaveLength(1);
    expect(await keysWithPrefix(bots.redis, `${bots.prefix}conversation:`)).toHaveLength(1);

    user.bot = bots.bot(); // a new process: new Bot, same Redis
    const chosen = await user.press("Українська");
    expect(chosen.calls.map((call) => call.method)).toEqual(["answerCallbackQuery", "editMessageText", "sendMessage"]);
    expect(chosen.sent).toEqual([uk.welcome.intro]);
    expect(await keysWithPrefix(bots.redis, `${bots.prefix}conversation:`)).toEqual([]);
    expect((await user.send("/menu")).text).toBe(uk.menu.title);
  });

  it("two bot instances on one Redis serve the same user as one bot", async () => {
    const first = bots.bot();
    const second = bots.bot();
    const user = bots.user(first, "de");
    await user.send("/start", first);
    const chosen = await user.press("العربية", second);
    expect(chosen.sent).toEqual([ar.welcome.intro]);
    expect((await user.send("/help", first)).sent[0]).toContain(ar.help.text.split("\n")[0]);
    await user.send("/language", second);
    await user.press("فارسی / دری", first);
    expect((await user.send("/menu", second)).text).toBe(fa.menu.title);
  });

  it("keys carry the configured prefix; sessions expire after the retention, unfinished conversations after a day", async () => {
    const user = bots.user(bots.bot({ env: { SESSION_TTL_DAYS: "7" } }), "de");
    await user.send("/start");
    const keys = await keysWithPrefix(bots.redis, bots.prefix);
    expect(keys).toEqual([
      `${bots.prefix}conversation:${user.from.id}`,
      `${bots.prefix}rate:${user.from.id}`,
      `${bots.prefix}session:${user.from.id}`,
    ]);
    for (const [kind, days] of [
      ["conversation", 1],
      ["session", 7],
    ] as const) {
      const ttl = await bots.redis.ttl(`${bots.prefix}${kind}:${user.from.id}`);
      expect(ttl).toBeGreaterThan(days * 86400 - 60);
      expect(ttl).toBeLessThanOrEqual(days * 86400);
    }
  });

  it("stores no message texts and no names", async () => {
    const user = bots.user(bots.bot(), "de");
    await user.send("Ich suche einen Kinderarzt für meine Tochter Leyla");
    await user.send("/language");
    await user.press("English");
    for (const key of await keysWithPrefix(bots.redis, `${bots.prefix}session:`)) {
      const stored = (await bots.redis.get(key)) ?? "";
      expect(stored).not.toMatch(/Leyla|Kinderarzt|Amira/);
      expect(JSON.parse(stored)).toEqual({ lang: "en", languageChosen: true });
    }
  });

  it("conversation state from an older version of the code is discarded, not replayed", async () => {
    const user = bots.user(bots.bot(), "de");
    await user.send("/start");
    const [key] = await keysWithPrefix(bots.redis, `${bots.prefix}conversation:`);
    const stored = JSON.parse((await bots.redis.get(key ?? "")) ?? "{}");
    stored.version = [0, CONVERSATION_VERSION - 1];
    await bots.redis.set(key ?? "", JSON.stringify(stored));
    // The stale welcome no longer counts; its language button only changes the language.
    const reply = await user.press("Українська");
    expect(reply.sent).toEqual([]);
    expect(reply.text).toBe(uk.language.changed);
  });
});

describe("/delete", () => {
  it.each(["/delete", "/forget"])("%s deletes the session and any conversation, and says so first", async (command) => {
    const user = bots.user(bots.bot(), "de");
    await user.send("/language");
    await user.press("العربية");
    await user.send("/start");
    const reply = await user.send(command);
    expect(reply.sent).toEqual([ar.privacy.deleted]);
    const left = await keysWithPrefix(bots.redis, bots.prefix);
    expect(left).toEqual([`${bots.prefix}rate:${user.from.id}`]);
    // Afterwards the bot knows nothing: the Telegram language counts again.
    expect((await user.send("/menu")).text).toBe(de.menu.title);
  });
});
